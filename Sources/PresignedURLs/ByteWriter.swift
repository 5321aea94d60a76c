/// Appends bytes into memory of a known capacity, checking every write against it. Used to
/// build canonical requests and strings to sign straight into a String's storage
/// (`String(unsafeUninitializedCapacity:)`): one allocation instead of one per part and per
/// `+=` (SigV4 verifications/s, bench/VerifyBench).
struct ByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        precondition(count < capacity, "ByteWriter capacity exceeded")
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= capacity - count, "ByteWriter capacity exceeded")
        guard let source = bytes.baseAddress else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// AWS `UriEncode` of one byte: unreserved bytes (and `/` when `keepSlash`) as they are,
    /// every other byte as `%XX` upper-case.
    @inline(__always) mutating func appendEncoded(_ byte: UInt8, keepSlash: Bool) {
        if PercentEncoding.isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
            append(byte)
        } else {
            append(UInt8(ascii: "%"))
            append(PercentEncoding.upperHexDigit(byte >> 4))
            append(PercentEncoding.upperHexDigit(byte & 0x0F))
        }
    }

    mutating func appendEncoded(_ bytes: UnsafeBufferPointer<UInt8>, keepSlash: Bool) {
        // Checked once for the worst case (every byte escaped) rather than per byte; a buffer
        // sized exactly (PercentEncoding.encode counts its escapes) takes the checked path.
        guard 3 * bytes.count <= capacity - count else {
            for byte in bytes { appendEncoded(byte, keepSlash: keepSlash) }
            return
        }
        var position = count
        for byte in bytes {
            if PercentEncoding.isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                base[position] = byte
                position += 1
            } else {
                base[position] = UInt8(ascii: "%")
                base[position + 1] = PercentEncoding.upperHexDigit(byte >> 4)
                base[position + 2] = PercentEncoding.upperHexDigit(byte & 0x0F)
                position += 3
            }
        }
        count = position
    }
}

extension String {
    /// A String of at most `capacity` UTF-8 bytes written by `body`.
    init(capacity: Int, writing body: (inout ByteWriter) -> Void) {
        self.init(unsafeUninitializedCapacity: Swift.max(capacity, 1)) { buffer in
            var writer = ByteWriter(buffer)
            body(&writer)
            return writer.count
        }
    }
}
