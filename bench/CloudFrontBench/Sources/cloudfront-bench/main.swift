import CloudFrontSigning
import Foundation

// Verifications and signatures per second with the committed TEST-ONLY key (RSA 2048), on one
// canned and one custom URL from fixtures/cloudfront-signed/vectors.json's recipe.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let keys = root.appendingPathComponent("fixtures/cloudfront-signed/keys")
func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: keys.appendingPathComponent(name))) }

let privateKey = try CloudFrontPrivateKey.load(try bytes("test-a.private.pkcs1.pem"), file: "test-a")
let publicKeys = try CloudFrontPublicKey.load(try bytes("test-a.public.pem"), file: "test-a.public")
let signer = CloudFrontSigner(keyPairID: "K2TESTKEYAAAAA", privateKey: privateKey)
let canned = try signer.signedURL("https://d111111abcdef8.cloudfront.net/image.jpg", policy: .canned(expires: 1_767_290_400))
let policy = CloudFrontPolicy.custom(resource: "https://d111111abcdef8.cloudfront.net/videos/*", dateLessThan: 1_767_290_400)
let custom = try signer.signedURL("https://d111111abcdef8.cloudfront.net/videos/a.mp4", policy: .custom(policy))

func measure(_ label: String, seconds: Double = 2, _ body: () throws -> Void) rethrows {
    var count = 0
    let start = Date()
    while Date().timeIntervalSince(start) < seconds {
        try body()
        count += 1
    }
    let rate = Double(count) / Date().timeIntervalSince(start)
    print("\(label): \(Int(rate)) per second")
}

for (label, url) in [("verify canned URL (decode + rebuild + RSA-SHA1)", canned), ("verify custom URL (decode + parse policy + RSA-SHA1)", custom)] {
    try measure(label) {
        let request = CloudFrontSignedRequest.fromURL(url)!
        let analysis = try CloudFrontAnalysis.analyse(request, now: 1_767_200_000, keys: publicKeys)
        precondition(analysis.isValid)
    }
}
try measure("sign canned URL (RSA 2048 private key)") {
    _ = try signer.signedURL("https://d111111abcdef8.cloudfront.net/image.jpg", policy: .canned(expires: 1_767_290_400))
}
