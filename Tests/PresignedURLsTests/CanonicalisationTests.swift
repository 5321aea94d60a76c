import Testing
@testable import PresignedURLs

/// What S3 canonicalises, beyond the botocore corpus: S3 decodes the path once and re-encodes it
/// with AWS UriEncode, keeping '/', never normalising (docs/aws-facts.md #8).
struct CanonicalisationTests {
    @Test(arguments: [
        ("/a%2Fb.txt", "/a/b.txt"),              // an encoded slash is a slash in the key
        ("/%e6%97%a5.txt", "/%E6%97%A5.txt"),    // escapes come out upper-case
        ("/a b", "/a%20b"),
        ("/a+b", "/a%2Bb"),                      // '+' in the path is a plus
        ("/./a/../b//c", "/./a/../b//c"),        // no dot-segment removal, no '//' collapsing
        ("/~user/x-_.txt", "/~user/x-_.txt"),    // unreserved characters stay
        ("/日本.png", "/%E6%97%A5%E6%9C%AC.png"),  // raw Unicode as pasted from a browser: its UTF-8 bytes
        ("", "/"),
    ])
    func canonicalURI(raw: String, canonical: String) {
        #expect(SigV4Signer.canonicalURI(rawPath: raw) == canonical)
    }

    @Test func canonicalQuerySortsByNameThenValueAndEncodesEverythingReserved() {
        let query = SigV4Signer.canonicalQuery([
            ("b", "2"), ("a", "x y"), ("A", "+"), ("a", "w"), ("X-Amz-Signature", "dropped"), ("versionId", ""),
        ])
        #expect(query == "A=%2B&a=w&a=x%20y&b=2&versionId=")
    }

    @Test func duplicateParametersAreBothSignedAsS3Sees() throws {
        // S3 signs what it receives: a parameter given twice appears twice in the canonical query,
        // so a duplicated X-Amz-Date changes the signature (and CFD603 reports it).
        let url = try PresignedURL("https://b.s3.eu-west-1.amazonaws.com/k?X-Amz-Date=1&X-Amz-Date=2")
        #expect(SigV4Signer.canonicalQuery(url.parameters.map { ($0.name, $0.value) }) == "X-Amz-Date=1&X-Amz-Date=2")
    }
}
