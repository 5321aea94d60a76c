import Foundation
import Testing
@testable import PresignedURLs

/// botocore 1.43.11 presigned URLs with their secret keys, canonical requests and strings to sign
/// (fixtures/presigned/botocore-vectors.json): ground truth from outside our code. Every vector
/// must canonicalise byte for byte like botocore and verify; any one-character change must not.
struct BotocoreVector: Sendable, CustomTestStringConvertible {
    var id: String
    var url: String
    var secret: String
    var signatureVersion: String
    var canonicalRequest: String?
    var stringToSign: String
    var signedHeaders: [String]
    var requiredHeaders: [String: String]
    var hostForm: String
    var partition: String
    var addressing: String
    var region: String
    var bucket: String
    var quirk: String?

    var testDescription: String { id }

    static let all: [BotocoreVector] = {
        guard let bytes = try? Fixtures.bytes("presigned/botocore-vectors.json"),
              let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let vectors = root["vectors"] as? [[String: Any]] else { return [] }
        return vectors.map { v in
            BotocoreVector(
                id: v["id"] as? String ?? "?", url: v["url"] as? String ?? "", secret: v["secret_key"] as? String ?? "",
                signatureVersion: v["signature_version"] as? String ?? "",
                canonicalRequest: v["canonical_request"] as? String, stringToSign: v["string_to_sign"] as? String ?? "",
                signedHeaders: (v["signed_headers"] as? String)?.split(separator: ";").map(String.init) ?? [],
                requiredHeaders: v["required_headers"] as? [String: String] ?? [:],
                hostForm: v["host_form"] as? String ?? "", partition: v["partition"] as? String ?? "",
                addressing: v["addressing_style"] as? String ?? "", region: v["region"] as? String ?? "",
                bucket: v["bucket"] as? String ?? "", quirk: v["botocore_quirk"] as? String)
        }
    }()

    static var sigV4: [BotocoreVector] { all.filter { $0.signatureVersion == "s3v4" } }
    static var sigV2: [BotocoreVector] { all.filter { $0.signatureVersion == "s3" } }
}

/// Verifies a URL exactly as it stands, the way `cfdoctor url` does.
func verify(_ text: String, secret: String, headers: [String: String] = [:]) throws -> SignatureCheck? {
    let url = try PresignedURL(text)
    var request = ReceivedRequest(url)
    request.headers = headers
    switch QueryAuth(url) {
    case .sigV4(let query):
        return SignatureVerifier.verifySigV4(query, request: request, secret: secret)
    case .sigV2(let query):
        let bucket = url.endpoint?.addressing == .virtualHosted ? url.endpoint?.bucket : nil
        return SignatureVerifier.verifySigV2(query, request: request, bucket: bucket, secret: secret)
    case .none:
        return nil
    }
}

struct BotocoreVectorTests {
    @Test func corpusIsComplete() {
        #expect(BotocoreVector.sigV4.count == 391)
        #expect(BotocoreVector.sigV2.count == 38)
    }

    @Test(arguments: BotocoreVector.sigV4)
    func sigV4CanonicalRequestAndSignatureMatchBotocore(vector: BotocoreVector) throws {
        let url = try PresignedURL(vector.url)
        let query = try #require(QueryAuth(url).sigV4)
        #expect(query.missing.isEmpty && query.malformed.isEmpty, "\(query.missing) \(query.malformed)")
        var headers = vector.requiredHeaders
        headers["host"] = url.host
        let request = SigV4Signer.Request(rawPath: String(url.rawPath), parameters: url.parameters.map { ($0.name, $0.value) },
                                          headers: headers)
        let canonical = SigV4Signer.canonicalRequest(request, signedHeaders: query.signedHeaders)
        #expect(canonical == vector.canonicalRequest)
        let check = try #require(try verify(vector.url, secret: vector.secret, headers: vector.requiredHeaders))
        #expect(check.stringToSign == vector.stringToSign)
        #expect(check.matches, "expected \(check.expectedSignature), URL has \(check.providedSignature)")
    }

    @Test(arguments: BotocoreVector.sigV2)
    func sigV2StringToSignAndSignatureMatchBotocore(vector: BotocoreVector) throws {
        let check = try #require(try verify(vector.url, secret: vector.secret))
        #expect(check.stringToSign == vector.stringToSign)
        #expect(check.matches, "expected \(check.expectedSignature), URL has \(check.providedSignature)")
    }

    @Test(arguments: BotocoreVector.all)
    func anyOneCharacterChangeBreaksTheSignature(vector: BotocoreVector) throws {
        let url = try PresignedURL(vector.url)
        // SigV2 signs "/bucket/key", not the Host header: for a path-style SigV2 URL the host is not
        // covered at all, so a changed host still verifies (fixtures/reference/sigv4-presigned-get-example.json,
        // "the Host header is not part of the SigV2 string to sign").
        let hostUnsigned = vector.signatureVersion == "s3" && url.endpoint?.addressing == .path
        let mutations = Mutation.all(of: vector.url, signatureVersion: vector.signatureVersion)
        #expect(mutations.count == 4)
        for mutated in mutations {
            let check = try verify(mutated.url, secret: vector.secret, headers: vector.requiredHeaders)
            if hostUnsigned && mutated.what == "host" {
                #expect(check?.matches == true, "SigV2 path-style: the host is not signed")
            } else {
                #expect(check?.matches != true, "\(mutated.what) still verifies: \(mutated.url)")
            }
        }
    }

    @Test(arguments: BotocoreVector.all)
    func hostFormIsRecognised(vector: BotocoreVector) throws {
        let url = try PresignedURL(vector.url)
        if vector.quirk != nil {
            // botocore produced a URL S3 would not accept; see BotocoreQuirkTests.
            return
        }
        let endpoint = try #require(url.endpoint, "\(url.host) not recognised")
        // Accelerate hosts carry no region, so they cannot name the partition: botocore signs
        // GovCloud clients' accelerate URLs for s3-accelerate.amazonaws.com with a us-gov scope.
        if endpoint.form != .accelerate { #expect(endpoint.partition.rawValue == vector.partition) }
        #expect(endpoint.addressing == (vector.addressing == "path" ? .path : .virtualHosted))
        #expect(url.bucketAndKey.bucket == vector.bucket)
        let expectedForm: S3Endpoint.Form = switch vector.hostForm {
        case "global": .global
        case "dash-regional": .dashRegional
        case "external-1": .external1
        case "accelerate", "accelerate-dualstack": .accelerate
        default: .regional
        }
        #expect(endpoint.form == expectedForm)
        #expect(endpoint.dualstack == vector.hostForm.hasSuffix("dualstack"))
        #expect(endpoint.fips == vector.hostForm.hasPrefix("fips"))
        // SigV4: the host's serving region agrees with the credential scope, except accelerate
        // (no region in the host) and the global host used for other regions (botocore's default).
        if vector.signatureVersion == "s3v4", endpoint.form != .accelerate, endpoint.form != .global {
            #expect(endpoint.servingRegion == vector.region)
        }
    }
}

/// One-character changes of host, path, a query value and the signature.
struct Mutation {
    var what: String
    var url: String

    static func all(of url: String, signatureVersion: String) -> [Mutation] {
        let chars = Array(url)
        guard let schemeEnd = url.range(of: "://")?.upperBound.utf16Offset(in: url),
              let pathStart = chars[schemeEnd...].firstIndex(of: "/"),
              let queryStart = chars.firstIndex(of: "?") else { return [] }
        var out = [Mutation]()
        func replace(_ index: Int, _ what: String) {
            var copy = chars
            let old = copy[index]
            copy[index] = old == "a" ? "b" : (old == "0" ? "1" : (old.isUppercase ? "A" == old ? "B" : "A" : "a"))
            if copy[index] == old { copy[index] = "z" }
            out.append(Mutation(what: what, url: String(copy)))
        }
        // Host: the first letter of the host (bucket or service label).
        replace(schemeEnd, "host")
        // Path: the last character of the path.
        replace(queryStart - 1, "path")
        // A query value: the last character of the date/expiry value.
        let signatureName = signatureVersion == "s3v4" ? "X-Amz-Signature=" : "Signature="
        let dateName = signatureVersion == "s3v4" ? "X-Amz-Date=" : "Expires="
        if let range = url.range(of: dateName) {
            let valueStart = range.upperBound.utf16Offset(in: url)
            replace(valueStart + 3, "query value \(dateName)")
        }
        if let range = url.range(of: signatureName) {
            replace(range.upperBound.utf16Offset(in: url) + 1, "signature")
        }
        _ = pathStart
        return out
    }
}

/// SigV2 signs every x-amz-* header S3 receives, so a header added on the way breaks it: the
/// X-Amz-Cf-Id CloudFront adds (fixtures/errors/SignatureDoesNotMatch.sigv2-behind-cloudfront-x-amz-cf-id.xml).
struct SigV2AddedHeaderTests {
    @Test(arguments: BotocoreVector.sigV2.prefix(5))
    func xAmzCfIdAddedOnTheWayBreaksSigV2(vector: BotocoreVector) throws {
        let url = try PresignedURL(vector.url)
        guard case .sigV2(let query) = QueryAuth(url) else { Issue.record("not SigV2"); return }
        var request = ReceivedRequest(url)
        request.headers["x-amz-cf-id"] = "c2FtcGxlLWNsb3VkZnJvbnQtcmVxdWVzdC1pZA=="
        let bucket = url.endpoint?.addressing == .virtualHosted ? url.endpoint?.bucket : nil
        let check = try #require(SignatureVerifier.verifySigV2(query, request: request, bucket: bucket, secret: vector.secret))
        #expect(check.stringToSign.contains("\nx-amz-cf-id:c2FtcGxlLWNsb3VkZnJvbnQtcmVxdWVzdC1pZA==\n"))
        #expect(!check.matches)
    }

    @Test(arguments: BotocoreVector.sigV4.prefix(5))
    func anUnsignedHeaderDoesNotEnterTheSigV4CanonicalRequest(vector: BotocoreVector) throws {
        // SigV4 covers only X-Amz-SignedHeaders; S3 rejects unsigned x-amz-* headers separately
        // (HeadersNotSigned, docs/aws-facts.md #2) — that is CFD201/CFD202's business, not the signature's.
        let url = try PresignedURL(vector.url)
        let query = try #require(QueryAuth(url).sigV4)
        var request = ReceivedRequest(url)
        request.headers = vector.requiredHeaders
        request.headers["x-amz-cf-id"] = "abc"
        #expect(SignatureVerifier.verifySigV4(query, request: request, secret: vector.secret)?.matches == true)
    }
}
