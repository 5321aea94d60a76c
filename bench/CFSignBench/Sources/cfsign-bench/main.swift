import CloudFrontSigning
import Foundation

// cfsign-bench PRIVATE-KEY.pem [seconds]
//
// Signs 2,000 canned-policy URLs with cfdoctor's CloudFrontSigner (RSA-2048, SHA-1, as botocore's
// CloudFrontSigner does), then verifies them round-robin on the calling thread only for the given
// number of seconds (default 10). One verification is what `cfdoctor url URL --public-key K` does:
// read the signing parameters from the URL, rebuild the canned policy, decode the signature and
// check it with OpenSSL (CloudFrontAnalysis.analyse). Exits 1 if any URL fails to verify.

let arguments = CommandLine.arguments
guard arguments.count > 1, let pem = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: cfsign-bench PRIVATE-KEY.pem [seconds]\n".utf8))
    exit(2)
}
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 10 : 10
let now: Int64 = 1_700_000_000
let expires: Int64 = 1_893_456_000  // 2030-01-01

let privateKey: CloudFrontPrivateKey
do { privateKey = try CloudFrontPrivateKey.load(Array(pem), file: arguments[1]) } catch {
    FileHandle.standardError.write(Data("cfsign-bench: \(error)\n".utf8))
    exit(2)
}
let publicKey = privateKey.publicKey
let signer = CloudFrontSigner(keyPairID: "K2JCJMDEHXQW5F", privateKey: privateKey)

let clock = ContinuousClock()
func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

var urls = [String]()
let signStart = clock.now
for i in 0..<2000 {
    let resource = "https://d111111abcdef8.cloudfront.net/media/object-\(String(format: "%05d", i)).mp4"
    do { urls.append(try signer.signedURL(resource, policy: .canned(expires: expires))) } catch {
        FileHandle.standardError.write(Data("cfsign-bench: signing failed: \(error)\n".utf8))
        exit(1)
    }
}
let signRate = Double(urls.count) / elapsedSeconds(since: signStart)

@inline(never)
func verify(_ url: String) -> Bool {
    guard let request = CloudFrontSignedRequest.fromURL(url),
          let analysis = try? CloudFrontAnalysis.analyse(request, now: now, keys: [publicKey]) else { return false }
    return analysis.isValid
}

// Correctness first: every URL must verify, and a tampered one must not.
guard urls.allSatisfy(verify), !verify(urls[0].replacingOccurrences(of: "object-00000", with: "object-00001")) else {
    FileHandle.standardError.write(Data("cfsign-bench: verification gave a wrong answer\n".utf8))
    exit(1)
}

let start = clock.now
var done = 0, index = 0, verified = 0
while true {
    for _ in 0..<64 {
        if verify(urls[index]) { verified += 1 }
        index = (index + 1) % urls.count
    }
    done += 64
    if elapsedSeconds(since: start) >= seconds { break }
}
let elapsed = elapsedSeconds(since: start)
precondition(verified == done, "a verification failed during the timed loop")
print("# CloudFrontSigning, RSA-2048 SHA-1 canned policy, \(done) verifications in \(String(format: "%.2f", elapsed)) s, one thread")
print("swift cloudfront sign: \(Int(signRate.rounded())) urls/s")
print("swift cloudfront verify: \(Int((Double(done) / elapsed).rounded())) urls/s")
