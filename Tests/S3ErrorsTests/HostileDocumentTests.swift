import Testing
@testable import S3Errors

/// Documents built to attack an XML parser. Each must be refused or read without expansion, without
/// touching the network or the file system (shared/notes/swift-toolchain.md §2). How quickly lives
/// in no test: speed is measured by `make bench`, never by a timed assertion.
@Suite struct HostileDocumentTests {
    func failure(_ text: String) -> ErrorBodyFailure? { failure(bytes: Array(text.utf8)) }

    func failure(bytes: [UInt8]) -> ErrorBodyFailure? {
        do throws(ErrorBodyFailure) { _ = try ErrorBody.parse(bytes); return nil } catch { return error }
    }

    static let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE Error [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <Error><Code>&xxe;</Code><Message>m</Message></Error>
        """

    @Test func externalEntityIsNeitherLoadedNorAccepted() throws {
        let attempts = ExternalEntityGuard.loadAttempts
        #expect(failure(Self.xxe) == .doctypeNotAllowed(line: 2))
        // Straight through libxml2 (no DOCTYPE pre-check): parsed without loading, then refused.
        #expect(throws: ErrorBodyFailure.doctypeNotAllowed(line: 1)) { try SafeXML.parse(Array(Self.xxe.utf8)) }
        #expect(ExternalEntityGuard.loadAttempts == attempts)
    }

    @Test func billionLaughsIsRejected() {
        var dtd = "<!ENTITY lol0 \"lol\">"
        for level in 1...10 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE Error [\(dtd)]>\n<Error><Code>&lol10;</Code></Error>"
        #expect(failure(document) == .doctypeNotAllowed(line: 2))
        let direct = Result { () throws(ErrorBodyFailure) in try SafeXML.parse(Array(document.utf8)) }
        // libxml2 alone rejects it too (entity loop, or the DOCTYPE once parsed).
        if case .success = direct { Issue.record("billion laughs was accepted") }
    }

    @Test func quadraticBlowUpIsNotExpanded() throws {
        let big = String(repeating: "a", count: 50_000)
        let references = String(repeating: "&a;", count: 50_000)
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE Error [<!ENTITY a \"\(big)\">]>\n<Error><Code>\(references)</Code></Error>"
        // Refused at the DOCTYPE, before any entity is declared: reading <Code> through
        // xmlNodeGetContent would build 2.5 GB. (How fast the refusal is lives in no test: speed is
        // measured by `make bench`, never by a timed assertion.)
        #expect(failure(document) == .doctypeNotAllowed(line: 2))
        #expect(throws: ErrorBodyFailure.doctypeNotAllowed(line: 1)) { try SafeXML.parse(Array(document.utf8)) }
    }

    @Test func deepNestingIsRejectedWithTheDepthError() {
        let document = "<Error>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</Error>"
        guard case .malformed(let issues) = failure(document) else {
            Issue.record("expected a malformed-XML failure")
            return
        }
        #expect(issues.first?.message.contains("Excessive depth in document: 256") == true)
    }

    @Test(arguments: [
        "<!DOCTYPE Error SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<Error><Code>C</Code></Error>",
        "<!DOCTYPE Error [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n<Error><Code>C</Code></Error>",
        "<!DOCTYPE Error PUBLIC \"-//X//Y\" \"file:///etc/passwd\">\n<Error><Code>C</Code></Error>",
    ])
    func externalDTDAndParameterEntitiesLoadNothing(document: String) throws {
        let attempts = ExternalEntityGuard.loadAttempts
        #expect(failure(document) == .doctypeNotAllowed(line: 1))
        _ = try? SafeXML.parse(Array(document.utf8))
        #expect(ExternalEntityGuard.loadAttempts == attempts)
    }

    @Test func xIncludeIsNotProcessed() throws {
        let document = "<Error xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Code>AccessDenied</Code>"
            + "<Message><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></Message><RequestId>R</RequestId><HostId>H</HostId></Error>"
        let parsed = try ErrorBody.parse(Array(document.utf8))
        #expect(parsed.code == "AccessDenied")
        #expect(parsed.message == "")
    }

    @Test func malformedXMLNamesLineAndColumn() {
        let document = "<Error>\n<Code>AccessDenied</Code>\n<Message>Access Denied</Mesage>\n</Error>"
        let found = failure(document)
        guard case .malformed(let issues) = found else {
            Issue.record("expected malformed, got \(String(describing: found))")
            return
        }
        #expect(issues.first?.line == 3)
        #expect(found?.description.hasPrefix("3:") == true)
        #expect(found?.description.contains("Opening and ending tag mismatch") == true)
    }

    @Test func positionsCountTheHTTPHeadLines() {
        let document = "HTTP/1.1 403 Forbidden\nContent-Type: application/xml\n\n<Error>\n<Code>X</Code>\n<Message>y</Mesage>\n</Error>"
        #expect(failure(document)?.description.hasPrefix("6:") == true)
    }

    @Test func fiftyMegabytesAreRefusedBeforeParsing() {
        let huge = [UInt8](repeating: 0x20, count: 50 << 20)
        let found = failure(bytes: huge)
        #expect(found == .tooLarge(bytes: 50 << 20, limit: ErrorBody.maximumBytes))
        #expect(found?.description.contains("limit") == true)
    }
}
