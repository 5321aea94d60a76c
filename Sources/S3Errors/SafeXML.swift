import CLibXML2

/// libxml2, configured so that a hostile body cannot reach the network or the file system, expand
/// entities, or print to stderr (shared/notes/swift-toolchain.md §2 has the measurements):
/// - options NONET | NOERROR | NOWARNING | NOCDATA; never NOENT (entity substitution), DTDLOAD,
///   DTDVALID or HUGE (HUGE lifts the 256-level depth limit and the amplification checks);
/// - a per-context structured error handler, so libxml2's messages become our error with line and
///   column instead of stderr noise (the global handler is thread-local in 2.9 and leaks on other
///   threads);
/// - a deny-all external entity loader, installed once for the process (`ExternalEntityGuard`);
/// - a DOCTYPE is refused before any content is read, and text is read from text nodes only,
///   never through entity references;
/// - no recursion in Swift: only the root's direct children and their own text nodes are read.
enum SafeXML {
    /// The root element and its direct child elements, each with its whole text content.
    struct Root: Sendable, Equatable {
        struct Child: Sendable, Equatable {
            var name: String
            var text: String
            var line: Int
        }

        var name: String
        var line: Int
        var children: [Child]
    }

    static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                                          | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Billion laughs raises the same error nine times; one copy of each, and a few at most.
    static let maximumIssues = 8

    /// Parses UTF-8 bytes. Refuses a DOCTYPE after parsing (the caller also refuses it before
    /// parsing; this is the second line of defence).
    static func parse(_ utf8: [UInt8]) throws(ErrorBodyFailure) -> Root {
        ExternalEntityGuard.install()
        guard let context = xmlNewParserCtxt() else { throw .malformed([]) }
        defer { xmlFreeParserCtxt(context) }
        let box = Unmanaged.passRetained(IssueBox())
        defer { box.release() }
        context.pointee._private = box.toOpaque()
        // Types are not annotated: libxml2 2.12 makes the error pointer const.
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let opaque = context.pointee._private else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? ""
            Unmanaged<IssueBox>.fromOpaque(opaque).takeUnretainedValue().add(ErrorBodyFailure.Issue(
                line: Int(error.pointee.line), column: Int(error.pointee.int2), code: Int(error.pointee.code),
                message: message.trimmingWhitespace()))
        }
        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), "body.xml", "UTF-8", options)
            }
        }
        let issues = box.takeUnretainedValue().issues
        guard let document else { throw .malformed(issues) }
        defer { xmlFreeDoc(document) }
        if context.pointee.wellFormed == 0 { throw .malformed(issues) }
        // Before any content is read: xmlNodeGetContent would expand entity references itself
        // (a quadratic blow-up took 15 s and 2.5 GB that way, with the parser options all safe).
        if document.pointee.intSubset != nil { throw .doctypeNotAllowed(line: 1) }
        guard let root = xmlDocGetRootElement(document) else { throw .noRootElement }
        var children = [Root.Child]()
        var node = root.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                children.append(Root.Child(name: name(of: current), text: content(of: current),
                                           line: Int(xmlGetLineNo(current))))
            }
            node = current.pointee.next
        }
        return Root(name: name(of: root), line: Int(xmlGetLineNo(root)), children: children)
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The element's own text nodes, concatenated. Entity references and nested elements are
    /// skipped, not followed: S3's fields are flat text, and dereferencing entities is exactly
    /// what must not happen. Not recursive, so no depth can exhaust the stack.
    private static func content(of element: xmlNodePtr) -> String {
        var text = ""
        var node = element.pointee.children
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                text += String(cString: content)
            }
            node = current.pointee.next
        }
        return text
    }
}

/// Collects libxml2's errors for one parse. Only touched from that parse's thread.
private final class IssueBox {
    var issues: [ErrorBodyFailure.Issue] = []

    func add(_ issue: ErrorBodyFailure.Issue) {
        guard issues.count < SafeXML.maximumIssues, !issues.contains(issue) else { return }
        issues.append(issue)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start...end])
        return String(out)
    }
}
