import Testing
@testable import PresignedURLs

/// The byte-level URL parser against RFC 3986 (generic URI syntax: authority ends at the first
/// '/', '?' or '#'; the fragment is never sent), the form decoding S3 applies to the query ('+'
/// is a space, docs/aws-facts.md #7) and AWS's SigV4 canonicalisation rules ("Create a canonical
/// request": unreserved A-Z a-z 0-9 - _ . ~; parameters sorted by name, then value; a parameter
/// without a value signs as `name=`).
struct ByteParserEdgeTests {
    static let host = "https://b.s3.eu-west-1.amazonaws.com"

    @Test func nonASCIIHostsAreLowerCasedAndPathsKeptAsWritten() throws {
        let url = try PresignedURL("https://BÜCKET.s3.eu-west-1.amazonaws.com/日本.png?x=1")
        #expect(url.host == "bücket.s3.eu-west-1.amazonaws.com")
        #expect(url.endpoint?.bucket == "bücket")
        #expect(url.rawPath == "/日本.png")
        // 日 is E6 97 A5 and 本 is E6 9C AC in UTF-8.
        #expect(SigV4Signer.canonicalURI(rawPath: String(url.rawPath)) == "/%E6%97%A5%E6%9C%AC.png")
    }

    @Test func rawAndEscapedNonASCIIPathBytesCanonicaliseAlike() {
        #expect(SigV4Signer.canonicalURI(rawPath: "/é%C3%A9%c3%a9") == "/%C3%A9%C3%A9%C3%A9")
    }

    @Test func lowerCaseEscapesDecodeInNamesAndValues() throws {
        let url = try PresignedURL(Self.host + "/k?X-Amz-Credential=AKID%2f20130524%2Fus-east-1%2Fs3%2Faws4_request&%41b=1")
        #expect(url.value("X-Amz-Credential") == "AKID/20130524/us-east-1/s3/aws4_request")
        #expect(url.parameters.map(\.name) == ["X-Amz-Credential", "Ab"])
        #expect(url.parameters.map(\.rawName) == ["X-Amz-Credential", "%41b"])
        #expect(url.encodingProblems.isEmpty)
    }

    @Test func plusIsASpaceInQueryNamesAndValues() throws {
        let url = try PresignedURL(Self.host + "/a+b?a+b=c+d")
        #expect(url.rawPath == "/a+b")
        #expect(url.parameters.first?.name == "a b")
        #expect(url.parameters.first?.value == "c d")
        #expect(url.parameters.first?.rawValue == "c+d")
    }

    @Test func emptyPiecesAreDroppedAndValuelessParametersSignAsNameEquals() throws {
        let url = try PresignedURL(Self.host + "/k?&&acl&a=&&b=2&")
        #expect(url.parameters.map(\.name) == ["acl", "a", "b"])
        #expect(url.parameters.map(\.value) == ["", "", "2"])
        #expect(url.parameters.map(\.hasEquals) == [false, true, true])
        #expect(SigV4Signer.canonicalQuery(url.parameters.map { ($0.name, $0.value) }) == "a=&acl=&b=2")
    }

    @Test func repeatedParametersSortByValueAndTheFirstIsRead() throws {
        let url = try PresignedURL(Self.host + "/k?b=2&a=x&b=1&X-Amz-Date=2&X-Amz-Date=1")
        #expect(url.value("b") == "2")
        #expect(url.count(of: "b") == 2)
        #expect(SigV4Signer.canonicalQuery(url.parameters.map { ($0.name, $0.value) }) == "X-Amz-Date=1&X-Amz-Date=2&a=x&b=1&b=2")
        let query = try #require(QueryAuth(url).sigV4)
        #expect(query.amzDateText == "2")
        #expect(query.malformed.contains("X-Amz-Date appears 2 times"))
    }

    @Test func everyDelimiterIsFoundAtEveryByteOffset() throws {
        // Names and values of every length from 1 to 19 put '&', '=', '%' and '+' at every
        // offset modulo 8 and 16; the expectation comes from splitting the text at '&' and '='.
        var pieces = [String]()
        for length in 1...19 {
            let name = String(repeating: "n", count: length)
            let value = String(repeating: "v", count: 20 - length) + (length % 3 == 0 ? "%2B" : length % 3 == 1 ? "+" : "")
            pieces.append(name + "=" + value)
        }
        let url = try PresignedURL(Self.host + "/k?" + pieces.joined(separator: "&"))
        let expected = pieces.map { piece -> (String, String) in
            let parts = piece.split(separator: "=", maxSplits: 1)
            let value = String(parts[1]).replacingOccurrences(of: "%2B", with: "+", plus: " ")
            return (String(parts[0]), value)
        }
        #expect(url.parameters.map(\.name) == expected.map(\.0))
        #expect(url.parameters.map(\.value) == expected.map(\.1))
    }

    @Test func portsAreSeparatedAndValidated() throws {
        let url = try PresignedURL("https://b.s3.eu-west-1.amazonaws.com:8443/k")
        #expect(url.host == "b.s3.eu-west-1.amazonaws.com")
        #expect(url.port == 8443)
        #expect(url.endpoint?.bucket == "b")
        #expect(ReceivedRequest(url).host == "b.s3.eu-west-1.amazonaws.com:8443")
        for bad in [":0", ":65536", ":", ":https"] {
            #expect(throws: URLInputError.self) { _ = try PresignedURL("https://b.s3.amazonaws.com" + bad + "/k") }
        }
    }

    /// RFC 3986 section 3.2.2-3.2.3: an IP literal is bracketed, and the port after it is digits.
    @Test func anIPv6HostTakesItsPortAfterTheBracketAndAPortIsDigitsOnly() throws {
        let local = try PresignedURL("http://[::1]:4566/bucket/key?X-Amz-Date=1")
        #expect(local.host == "[::1]")
        #expect(local.port == 4566)
        #expect(local.rawPath == "/bucket/key")
        #expect(ReceivedRequest(local).host == "[::1]:4566")
        #expect(try PresignedURL("https://[2001:db8::7]/k").port == nil)
        for bad in ["https://host:+443/k", "https://host:44a/k", "https://host:/k", "https://host:0/k", "https://host:65536/k",
                    "https://[::1]:/k", "https://host:99999999999999999999999/k"] {
            #expect(throws: URLInputError.self, Comment(rawValue: bad)) { try PresignedURL(bad) }
        }
        #expect(try PresignedURL("https://host:443/k").port == 443)
        // Leading zeros are digits (WHATWG URL reads "0443" as 443).
        #expect(try PresignedURL("https://host:0443/k").port == 443)
    }

    @Test func anIPv6HostIsNoS3EndpointAndKeepsItsPath() throws {
        let url = try PresignedURL("http://[::1]/bucket/key?X-Amz-Date=1")
        #expect(url.host == "[::1]")
        #expect(url.endpoint == nil)
        #expect(url.rawPath == "/bucket/key")
        #expect(url.bucketAndKey.key == "bucket/key")
    }

    @Test func theFragmentIsNeverPartOfPathOrQuery() throws {
        let url = try PresignedURL(Self.host + "/k?a=1#frag&b=2")
        #expect(url.parameters.map(\.name) == ["a"])
        let noQuery = try PresignedURL(Self.host + "/k#x?y=1")
        #expect(noQuery.rawPath == "/k")
        #expect(noQuery.parameters.isEmpty)
        let bare = try PresignedURL(Self.host + "#x")
        #expect(bare.rawPath == "/")
    }

    @Test func userInformationIsRefusedButAnAtSignInThePathIsAKey() throws {
        #expect(throws: URLInputError.self) { _ = try PresignedURL("https://user:pw@b.s3.amazonaws.com/k") }
        let url = try PresignedURL("https://b.s3.amazonaws.com/a@b?c=d@e")
        #expect(url.rawPath == "/a@b")
        #expect(url.value("c") == "d@e")
    }

    @Test(arguments: [("\u{00}", "0x00"), ("\u{1B}", "0x1B"), ("\u{7F}", "0x7F")])
    func controlCharactersAreRefusedWithTheirByteOffset(control: String, code: String) {
        let prefix = Self.host + "/ké"
        let offset = prefix.utf8.count
        #expect {
            _ = try PresignedURL(prefix + control + "y")
        } throws: { error in
            let message = (error as? URLInputError)?.message ?? ""
            return message.contains(code) && message.contains("byte offset \(offset)")
        }
    }

    @Test(arguments: [" ", "\t", "\n", "\r"])
    func interiorWhitespaceIsRefusedAndOuterWhitespaceTrimmed(space: String) throws {
        #expect {
            _ = try PresignedURL(Self.host + "/a" + space + "b")
        } throws: { error in
            (error as? URLInputError)?.message.contains("whitespace") == true
        }
        let url = try PresignedURL(space + "\u{00A0}" + Self.host + "/k?a=1" + space)
        #expect(url.value("a") == "1")
    }

    @Test func upperCaseSchemesAreHTTPS() throws {
        #expect(try PresignedURL("HTTPS://b.s3.amazonaws.com/k").scheme == "https")
        #expect(try PresignedURL("Http://b.s3.amazonaws.com/k").scheme == "http")
        #expect {
            _ = try PresignedURL("ftps://b.s3.amazonaws.com/k")
        } throws: { error in
            (error as? URLInputError)?.message.contains("'ftps'") == true
        }
    }

    @Test func aURLAtTheLengthLimitParsesAndOneByteMoreIsRefused() throws {
        let head = Self.host + "/k?X-Amz-Security-Token="
        let token = String(repeating: "A%2B", count: (PresignedURL.maximumLength - head.utf8.count) / 4)
        let padding = String(repeating: "z", count: PresignedURL.maximumLength - head.utf8.count - token.utf8.count)
        let url = try PresignedURL(head + token + padding)
        #expect(url.original.utf8.count == PresignedURL.maximumLength)
        #expect(url.value("X-Amz-Security-Token")?.utf8.count == token.utf8.count / 4 * 2 + padding.utf8.count)
        #expect(throws: URLInputError.self) { _ = try PresignedURL(head + token + padding + "z") }
    }

    @Test func escapesThatAreNotUTF8AreReportedInPathAndQuery() throws {
        let url = try PresignedURL(Self.host + "/%C3x?a=%FF&b=%E6%97")
        #expect(url.encodingProblems.map(\.part) == [.path, .query, .query])
        #expect(url.encodingProblems.allSatisfy { $0.detail.contains("UTF-8") })
        // What cannot be decoded becomes U+FFFD, as String(decoding:) repairs it.
        #expect(url.value("a") == "\u{FFFD}")
    }

    @Test func onlyAWSUnreservedBytesStayUnencoded() {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)
        for byte in UInt8(0)...UInt8(0x7F) {
            let text = String(UnicodeScalar(byte))
            let expected = unreserved.contains(byte) ? text : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            #expect(PercentEncoding.encode(text) == expected, "byte \(byte)")
        }
        #expect(PercentEncoding.encode("é/") == "%C3%A9%2F")
        #expect(PercentEncoding.encode("é/", keepSlash: true) == "%C3%A9/")
    }
}

private extension String {
    /// Form decoding for the test's expectation: "%2B" is '+', a literal '+' a space.
    func replacingOccurrences(of escape: String, with literal: String, plus space: String) -> String {
        split(separator: escape, omittingEmptySubsequences: false)
            .map { $0.split(separator: "+", omittingEmptySubsequences: false).joined(separator: space) }
            .joined(separator: literal)
    }
}
