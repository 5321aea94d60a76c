import Foundation
import Reporters
import Testing

/// Issue 14 §5, SPEC §8: every command in every registered format (new reporters are covered as
/// they join `Reporters.all`), on inputs that carry a secret key in the environment, a session
/// token and a signature. The secret key appears in no output, ever; the signature and the token
/// appear only in the user's own `url` output, in a format that echoes the URL as given, without
/// --redact.
@Suite struct SecretLeakTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"
    static let signature = "4c704abd24cce99804db5836150ec26c6f8e701f4163818e33764ed4cb7fae04"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLE+token/with+plus/and/slash0ZpVK8Zq1Wc2Vzc2lvblRva2VuRXhhbXBsZQ=="
    static let encodedToken = "IQoJb3JpZ2luX2VjEXAMPLE%2F%2F%2F%2F%2F%2F%2F%2F%2F%2FwEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLE%2Btoken"
        + "%2Fwith%2Bplus%2Fand%2Fslash0ZpVK8Zq1Wc2Vzc2lvblRva2VuRXhhbXBsZQ%3D%3D"
    /// botocore's token URL (fixtures/presigned/botocore-vectors.json) with its key changed after
    /// signing, so verification fails and the canonical request and expected signature are in play.
    static let url = "https://examplebucket.s3.us-west-2.amazonaws.com/reports/q2.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20191231%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Date=20191231T235959Z"
        + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Security-Token=\(encodedToken)&X-Amz-Signature=\(signature)"
    static let now = ["--now", "2020-01-01T00:00:00Z"]
    static let distribution = CLI.fixture("distributions/article-broken.get-distribution-config.json")
    /// A SignatureDoesNotMatch body quoting the signature and the token in its canonical request.
    static let body = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message>\
        <AWSAccessKeyId>ASIAIOSFODNN7EXAMPLE</AWSAccessKeyId><SignatureProvided>\(signature)</SignatureProvided>\
        <CanonicalRequest>GET\n/reports/q2.csv\nX-Amz-Security-Token=\(encodedToken)&amp;X-Amz-Signature=\(signature)\n\
        host:examplebucket.s3.us-west-2.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest>\
        <RequestId>R</RequestId><HostId>H</HostId></Error>
        """

    /// One way of running cfdoctor on the secret-carrying inputs.
    struct Invocation: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var stdin: String?
        /// The user's own URL, shown as given: the one place SPEC §8 lets the signature through.
        var echoesOwnURL: Bool
        var testDescription: String { arguments.prefix(3).joined(separator: " ") }
    }

    static func file(_ name: String, _ contents: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-secrets-\(name)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
        return path
    }

    static var invocations: [Invocation] {
        let bodyFile = file("body.xml", body)
        let urlFile = file("urls.txt", url + "\n")
        return [
            Invocation(arguments: ["url", url] + now, echoesOwnURL: true),
            Invocation(arguments: ["url", url, "--redact"] + now, echoesOwnURL: false),
            Invocation(arguments: ["url", "-"] + now, stdin: url + "\n", echoesOwnURL: true),
            Invocation(arguments: ["check", distribution, "--url", url, "--error-body", bodyFile] + now, echoesOwnURL: false),
            Invocation(arguments: ["check", distribution, "--url-file", urlFile] + now, echoesOwnURL: false),
            Invocation(arguments: ["check", distribution, "--url", url, "--error-body", "-"] + now, stdin: body, echoesOwnURL: false),
            Invocation(arguments: ["error", bodyFile], echoesOwnURL: false),
            Invocation(arguments: ["error", "-"], stdin: body, echoesOwnURL: false),
            Invocation(arguments: ["rules"], echoesOwnURL: false),
            Invocation(arguments: ["rules", "CFD610"], echoesOwnURL: false),
        ]
    }

    /// `presign` prints a URL it signed with the environment's credentials: the URL is the
    /// product, so its signature and the session token appear in it, and nowhere else.
    @Test(arguments: [
        ["presign", "--bucket", "examplebucket", "--key", "reports/q1.csv", "--region", "us-west-2"],
        ["presign", "--distribution", distribution, "--path", "/test.txt", "--region", "eu-west-1",
         "--cdn-domain", "d111111abcdef8.cloudfront.net"],
    ])
    func presignPrintsTheTokenOnlyInsideTheURLItSigned(_ arguments: [String]) throws {
        for reporter in Reporters.all {
            let result = try CLI.run(arguments + Self.now + ["--format", reporter.name], environment: [
                "AWS_ACCESS_KEY_ID": "ASIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_SESSION_TOKEN": Self.token])
            let context = "\(arguments.prefix(2).joined(separator: " ")) --format \(reporter.name)"
            #expect(result.status < 2, "\(context): \(result.stderr)")
            let output = result.stdout + result.stderr
            #expect(!output.contains(Self.secret), "\(context) printed the secret key")
            #expect(output.contains("X-Amz-Security-Token=\(Self.encodedToken)"), "\(context)")
            // Every occurrence of the token is inside a presigned URL's query.
            let bare = output.replacingOccurrences(of: "X-Amz-Security-Token=\(Self.encodedToken)", with: "")
            #expect(!bare.contains(Self.token) && !bare.contains(Self.encodedToken), "\(context) printed the token outside the URL")
        }
    }

    @Test(arguments: invocations)
    func noSecretOutsideWhatSPEC8Allows(_ invocation: Invocation) throws {
        for reporter in Reporters.all {
            let result = try CLI.run(invocation.arguments + ["--format", reporter.name], stdin: invocation.stdin,
                                     environment: ["AWS_SECRET_ACCESS_KEY": Self.secret])
            let context = "\(invocation.arguments.joined(separator: " ")) --format \(reporter.name)"
            #expect(result.status < 2, "\(context): \(result.stderr)")
            let output = result.stdout + result.stderr
            #expect(!output.isEmpty)
            #expect(!output.contains(Self.secret), "\(context) printed the secret key")
            let allowed = invocation.echoesOwnURL && reporter.echoesURLAsGiven
            for (what, value) in [("signature", Self.signature), ("token", Self.token), ("encoded token", Self.encodedToken)] {
                if allowed {
                    #expect(output.contains(value), "\(context) should show the user's own URL with its \(what)")
                } else {
                    #expect(!output.contains(value), "\(context) printed the \(what)")
                }
            }
        }
    }

    /// Found by the `url` fuzz target (Fuzz/.build/artifacts/url-crash-576a32a4…): a URL that
    /// carries the secret key itself, as given and percent-encoded, echoed by `url`'s text output
    /// "as given" printed the key. The user's own URL keeps its signature, never the key.
    @Test func aURLCarryingTheSecretKeyItselfNeverPrintsIt() throws {
        let key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        let fuzzed = "https://cf-signed-urls-test.s3-eu-west-1.amazpnaws.com/test.txt?\(key)X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIps://examplebucket.s3.ap-northeast-1.amazonaws.coA//lrequest&X-Amz-Date=20180930T145820Z"
            + "&X-Amz-Expires=900&X-Amz-Signature=ebb4245bcd774a678c06:5419ab5b4012845f61cea6aa2092661f89f3948cf8b&X-Amz-SignedHeaders=host"
        let encoded = URLCommandTests.article + "&note=wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY"
        for url in [fuzzed, encoded] {
            for reporter in Reporters.all {
                for redact in [[], ["--redact"]] {
                    let result = try CLI.run(["url", url, "--format", reporter.name, "--now", "2018-09-30T14:59:00Z"] + redact,
                                             environment: ["AWS_SECRET_ACCESS_KEY": key])
                    let output = result.stdout + result.stderr
                    #expect(result.status < 2, "\(result.stderr)")
                    #expect(!output.contains(key) && !output.contains("wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY"),
                            "url --format \(reporter.name) \(redact) printed the secret key")
                }
            }
        }
    }

    /// Input errors quote what they could not read: never the secret-bearing parts of a URL.
    @Test func inputErrorsDoNotQuoteTheSignatureOrToken() throws {
        let damaged = [Self.url.replacingOccurrences(of: "https://", with: "htps://"),
                       Self.url.replacingOccurrences(of: "X-Amz-Date=", with: "X-Amz-Date= "),
                       Self.url.replacingOccurrences(of: "&X-Amz-Expires", with: "\t&X-Amz-Expires")]
        for text in damaged {
            for arguments in [["url", text], ["check", Self.distribution, "--url", text]] {
                let result = try CLI.run(arguments + Self.now, environment: ["AWS_SECRET_ACCESS_KEY": Self.secret])
                #expect(result.status == 2)
                for value in [Self.secret, Self.signature, Self.token, Self.encodedToken] {
                    #expect(!result.stderr.contains(value), "\(arguments[0]) error quoted a secret: \(result.stderr)")
                }
            }
        }
    }
}
