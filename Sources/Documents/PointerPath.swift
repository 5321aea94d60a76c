/// An RFC 6901 JSON pointer kept as an ancestor's pointer (a string shared by every value below
/// it) plus up to three steps (member names or element indexes), joined only when read. Cursors
/// and locations of one export then share a handful of strings instead of each building its own.
struct PointerPath: Sendable {
    enum Step: Sendable {
        case key(String)
        case index(Int)
    }

    private var base: String
    private var step1: Step?
    private var step2: Step?
    private var step3: Step?

    init(_ pointer: String) {
        self.base = pointer
    }

    private init(base: String, step1: Step?, step2: Step? = nil, step3: Step? = nil) {
        self.base = base
        self.step1 = step1
        self.step2 = step2
        self.step3 = step3
    }

    /// One step further down; past three pending steps the path is joined first.
    func appending(_ step: Step) -> PointerPath {
        if step1 == nil { return PointerPath(base: base, step1: step) }
        if step2 == nil { return PointerPath(base: base, step1: step1, step2: step) }
        if step3 == nil { return PointerPath(base: base, step1: step1, step2: step2, step3: step) }
        return PointerPath(base: joined, step1: step)
    }

    /// The same path with nothing pending, for a parent about to hand it to all its children.
    var flattened: PointerPath { step1 == nil ? self : PointerPath(joined) }

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

    private static func maximumLength(_ step: Step?) -> Int {
        switch step {
        case .key(let key)?: 1 + 2 * key.utf8.count  // every byte could need "~0" / "~1"
        case .index?: 1 + 20
        case nil: 0
        }
    }

    private static func write(_ step: Step, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        buffer[start] = UInt8(ascii: "/")
        switch step {
        case .key(let key):
            return write(key, escaped: true, into: buffer, at: start + 1)
        case .index(let index):
            var digits = 1, rest = index / 10
            while rest > 0 { digits += 1; rest /= 10 }
            rest = index
            for offset in stride(from: start + digits, to: start, by: -1) {
                buffer[offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            return start + 1 + digits
        }
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
