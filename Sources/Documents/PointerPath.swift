#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pointer as a `SourceLocation` keeps it: the ancestor's string, shared by every location under
/// it, and the rest joined once. 32 bytes, where a `PointerPath` is 64: a model keeps a location
/// for every field it read (a 10,000-distribution export: a quarter of a million of them), and most
/// are never printed.
struct StoredPointer: Sendable {
    private(set) var base: String
    private(set) var suffix: String

    init(base: String, suffix: String) {
        self.base = base
        self.suffix = suffix
    }

    init(_ pointer: String) {
        self.base = pointer
        self.suffix = ""
    }

    init(_ path: PointerPath) {
        self.base = path.base
        self.suffix = Self.shared(path.suffix)
    }

    var joined: String { suffix.isEmpty ? base : base + suffix }

    /// Suffixes longer than a small string (15 UTF-8 bytes, stored inline) are heap strings: the same
    /// few ("/ForwardedValues/QueryString") recur under every behavior, so each is kept once.
    private static let suffixes = SuffixTable()

    private static func shared(_ suffix: String) -> String {
        guard suffix.utf8.count > 15 else { return suffix }
        return suffixes.shared(suffix)
    }
}

/// The shared suffixes, behind a pthread mutex: ThreadSanitizer knows pthread locks, while it took
/// Synchronization's futex-based `Mutex` for no lock at all and reported a race.
private final class SuffixTable: @unchecked Sendable {
    private static let maximumShared = 65_536
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var table = Set<String>()

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    func shared(_ suffix: String) -> String {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let existing = table.firstIndex(of: suffix) { return table[existing] }
        if table.count < Self.maximumShared { table.insert(suffix) }
        return suffix
    }
}

/// An RFC 6901 JSON pointer kept as an ancestor's pointer (a string shared by every value below
/// it) plus up to three steps (member names or element indexes), joined only when read. Cursors
/// and locations of one export then share a handful of strings instead of each building its own.
///
/// A step is kept as the text it adds: an index as its digits, which RFC 6901's escaping leaves
/// alone. Four optional strings are 64 bytes where an enum of key or index per step made 88, and
/// every located field of a large export's model holds one.
struct PointerPath: Sendable {
    enum Step: Sendable {
        case key(String)
        case index(Int)

        var text: String {
            switch self {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }
    }

    private(set) var base: String
    private var step1: String?
    private var step2: String?
    private var step3: String?

    init(_ pointer: String) {
        self.base = pointer
    }

    private init(base: String, step1: String?, step2: String? = nil, step3: String? = nil) {
        self.base = base
        self.step1 = step1
        self.step2 = step2
        self.step3 = step3
    }

    /// One step further down; past three pending steps the path is joined first.
    func appending(_ step: Step) -> PointerPath {
        let text = step.text
        if step1 == nil { return PointerPath(base: base, step1: text) }
        if step2 == nil { return PointerPath(base: base, step1: step1, step2: text) }
        if step3 == nil { return PointerPath(base: base, step1: step1, step2: step2, step3: text) }
        return PointerPath(base: joined, step1: text)
    }

    /// The same path with nothing pending, for a parent about to hand it to all its children.
    var flattened: PointerPath { step1 == nil ? self : PointerPath(joined) }

    /// The pending steps alone, escaped: what `joined` adds to `base`.
    var suffix: String {
        guard let step1 else { return "" }
        let capacity = Self.maximumLength(step1) + Self.maximumLength(step2) + Self.maximumLength(step3)
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var at = Self.write(step1, into: buffer, at: 0)
            if let step2 { at = Self.write(step2, into: buffer, at: at) }
            if let step3 { at = Self.write(step3, into: buffer, at: at) }
            return at
        }
    }

    var joined: String {
        guard let step1 else { return base }
        // Written once into a string of the right capacity: appending component by component
        // cost more than the rest of a lookup.
        let capacity = base.utf8.count + Self.maximumLength(step1) + Self.maximumLength(step2) + Self.maximumLength(step3)
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var at = Self.write(base, escaped: false, into: buffer, at: 0)
            at = Self.write(step1, into: buffer, at: at)
            if let step2 { at = Self.write(step2, into: buffer, at: at) }
            if let step3 { at = Self.write(step3, into: buffer, at: at) }
            return at
        }
    }

    private static func maximumLength(_ step: String?) -> Int {
        guard let step else { return 0 }
        return 1 + 2 * step.utf8.count  // every byte could need "~0" / "~1"
    }

    private static func write(_ step: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        buffer[start] = UInt8(ascii: "/")
        return write(step, escaped: true, into: buffer, at: start + 1)
    }

    /// Copies the UTF-8 of `text`, escaping `~` and `/` as RFC 6901 says when `escaped`.
    private static func write(_ text: String, escaped: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var at = start
        func put(_ byte: UInt8) {
            if escaped, byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") {
                buffer[at] = UInt8(ascii: "~")
                buffer[at + 1] = byte == UInt8(ascii: "~") ? UInt8(ascii: "0") : UInt8(ascii: "1")
                at += 2
            } else {
                buffer[at] = byte
                at += 1
            }
        }
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            if !escaped || !utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                if let source = utf8.baseAddress, !utf8.isEmpty {
                    (buffer.baseAddress! + at).initialize(from: source, count: utf8.count)
                }
                at += utf8.count
            } else {
                for byte in utf8 { put(byte) }
            }
        }
        if copied == nil {
            for byte in text.utf8 { put(byte) }
        }
        return at
    }
}
