import Foundation
import Testing
@testable import CloudFrontSigning

/// fixtures/cloudfront-signed/vectors.json: CloudFront signed URLs and cookies made by botocore's
/// CloudFrontSigner with the rsa package (generate_vectors.py), plus tampered, expired and
/// malformed variants whose verdict follows from how they were made.
struct SigningVector: Sendable, CustomTestStringConvertible {
    struct Signing: Sendable {
        var url: String
        var keyPairID: String
        var expires: Int64?
        var policy: String?
        var hash: CloudFrontHashAlgorithm
        var cookies: Bool
    }

    var name: String
    var url: String
    var cookies: [String]?
    var now: Int64
    var key: String
    var status: String?
    var findings: [String]
    var error: String?
    var sign: Signing?

    var testDescription: String { name }

    static let all: [SigningVector] = {
        guard let bytes = try? Fixtures.bytes("cloudfront-signed/vectors.json"),
              let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let vectors = root["vectors"] as? [[String: Any]] else { return [] }
        return vectors.map { v in
            let expect = v["expect"] as? [String: Any] ?? [:]
            let sign = (v["sign"] as? [String: Any]).map { s in
                Signing(url: s["url"] as? String ?? "", keyPairID: s["keyPairId"] as? String ?? "",
                        expires: (s["expires"] as? NSNumber)?.int64Value, policy: s["policy"] as? String,
                        hash: s["hash"] as? String == "SHA256" ? .sha256 : .sha1,
                        cookies: s["format"] as? String == "cookies")
            }
            return SigningVector(
                name: v["name"] as? String ?? "?", url: v["url"] as? String ?? "",
                cookies: v["cookies"] as? [String], now: (v["now"] as? NSNumber)?.int64Value ?? 0,
                key: v["key"] as? String ?? "", status: expect["status"] as? String,
                findings: expect["findings"] as? [String] ?? [], error: expect["error"] as? String, sign: sign)
        }
    }()

    var request: CloudFrontSignedRequest? {
        if let cookies { return CloudFrontSignedRequest.fromCookies(cookies, url: url) }
        return CloudFrontSignedRequest.fromURL(url)
    }
}

@Suite struct VectorTests {
    @Test func thereAreAtLeastAHundredVectors() {
        #expect(SigningVector.all.count >= 100)
        #expect(SigningVector.all.filter { $0.sign != nil }.count >= 50)
    }

    @Test(arguments: SigningVector.all)
    func verdictMatches(_ vector: SigningVector) throws {
        let request = try #require(vector.request, "not recognised as a CloudFront signed request")
        let keyBytes = try Fixtures.key(vector.key)
        do throws(CloudFrontSigningError) {
            let keys = try CloudFrontPublicKey.load(keyBytes, file: vector.key)
            let analysis = try CloudFrontAnalysis.analyse(request, now: vector.now, keys: keys)
            #expect(vector.error == nil, "expected an input error containing \(vector.error ?? "")")
            let status: String = switch analysis.signatureStatus {
            case .valid: "valid"
            case .invalid: "invalid"
            case .notChecked: "not-checked"
            }
            #expect(status == vector.status)
            let kinds = Set(analysis.findings.map(\.kind.rawValue))
            #expect(kinds == Set(vector.findings), "\(analysis.findings.map(\.message))")
            #expect(analysis.isValid == (status == "valid" && !kinds.contains { $0 != "ip-condition" }))
        } catch {
            let expected = try #require(vector.error, "unexpected error: \(error)")
            #expect(error.message.contains(expected), "\(error.message)")
            // Errors never carry key material or the signature.
            #expect(!error.description.contains("MII"))
            if let signature = request.signature, signature.count > 8 { #expect(!error.description.contains(signature)) }
        }
    }

    @Test(arguments: SigningVector.all.filter { $0.sign != nil })
    func signingEqualsBotocore(_ vector: SigningVector) throws {
        let sign = try #require(vector.sign)
        let key = try CloudFrontPrivateKey.load(try Fixtures.key("test-a.private.pkcs1.pem"), file: "test-a")
        let signer = CloudFrontSigner(keyPairID: sign.keyPairID, privateKey: key, hashAlgorithm: sign.hash)
        let policy: CloudFrontSigner.Policy = if let expires = sign.expires { .canned(expires: expires) }
            else { .custom(Array((sign.policy ?? "").utf8)) }
        if sign.cookies {
            let cookies = try signer.cookies(for: sign.url, policy: policy)
            let header = "Cookie: " + cookies.map { "\($0.0)=\($0.1)" }.joined(separator: "; ")
            #expect([header] == vector.cookies)
        } else {
            #expect(try signer.signedURL(sign.url, policy: policy) == vector.url)
        }
    }
}
