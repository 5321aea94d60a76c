import Foundation
import PresignedURLs

// verify-bench [vectors.json] [seconds]
//
// Verifies every SigV4 vector of fixtures/presigned/botocore-vectors.json, round-robin, on the
// calling thread only, for the given number of seconds (default 10). Each verification is what
// `cfdoctor url` does with a secret: parse the URL text, read the SigV4 parameters, build the
// canonical request and string to sign, derive the signing key (4 HMACs) and compare the signature.
// Prints verifications per second; exits 1 if any vector fails to verify.

struct Vector {
    var url: String
    var secret: String
    var headers: [String: String]
}

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "fixtures/presigned/botocore-vectors.json"
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 10 : 10

guard let data = FileManager.default.contents(atPath: path),
      let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let entries = root["vectors"] as? [[String: Any]] else {
    FileHandle.standardError.write(Data("verify-bench: cannot read \(path)\n".utf8))
    exit(2)
}
let vectors: [Vector] = entries.compactMap { entry in
    guard entry["signature_version"] as? String == "s3v4", let url = entry["url"] as? String,
          let secret = entry["secret_key"] as? String else { return nil }
    return Vector(url: url, secret: secret, headers: entry["required_headers"] as? [String: String] ?? [:])
}

@inline(never)
func verify(_ vector: Vector) -> Bool {
    guard let url = try? PresignedURL(vector.url), let query = QueryAuth(url).sigV4 else { return false }
    var request = ReceivedRequest(url)
    request.headers = vector.headers
    return SignatureVerifier.verifySigV4(query, request: request, secret: vector.secret)?.matches == true
}

// Correctness first: every vector must verify.
let failures = vectors.filter { !verify($0) }
guard failures.isEmpty else {
    FileHandle.standardError.write(Data("verify-bench: \(failures.count) vectors failed to verify\n".utf8))
    exit(1)
}

// Warm-up, then the timed loop; the clock is read every 256 verifications.
for vector in vectors { _ = verify(vector) }
let clock = ContinuousClock()
let start = clock.now
let budget = Duration.milliseconds(Int64(seconds * 1000))
var done = 0
var index = 0
var verified = 0
while true {
    for _ in 0..<256 {
        if verify(vectors[index]) { verified += 1 }
        index += 1
        if index == vectors.count { index = 0 }
    }
    done += 256
    if clock.now - start >= budget { break }
}
let elapsed = clock.now - start
let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
precondition(verified == done, "a verification failed during the timed loop")
print("# \(vectors.count) SigV4 botocore vectors, \(done) verifications in \(String(format: "%.2f", elapsedSeconds)) s, one thread")
print("swift verify (parse + SigV4 verify): \(Int((Double(done) / elapsedSeconds).rounded())) urls/s")
