import Checking
import Documents
import PresignedURLs
#if canImport(Glibc)
import Glibc
#endif

/// How large one input may be, and why: the flag, or what a kind of input can plausibly hold.
struct InputLimit {
    var bytes: Int
    var reason: String

    /// `--max-input-size` (default 256 MiB).
    static func flag(_ bytes: Int) -> InputLimit { InputLimit(bytes: bytes, reason: "--max-input-size") }

    /// The smaller of the flag and a cap of the input's kind (an error body is at most 1 MiB).
    func capped(at cap: Int, _ what: String) -> InputLimit {
        cap < bytes ? InputLimit(bytes: cap, reason: "\(what) is at most \(ByteCount.describe(cap))") : self
    }
}

/// Reads a file argument, or standard input for `-`, with a size limit and clear errors. Memory
/// stays bounded by the limit: a regular file's size is checked before any byte is read, and
/// standard input (or a pipe, a device) is read in 64 KiB chunks and refused as soon as it passes
/// the limit.
enum InputFiles {
    static func readBytes(_ path: String, limit: InputLimit) throws(InputFailure) -> [UInt8] {
        try contents(path, limit: limit, mapLarge: false).bytes
    }

    /// `mapLarge`: a regular file of at least `InputBytes.mappingThreshold` bytes is mapped, not
    /// copied (see `InputBytes`: the JSON reader hands its pages back as it goes).
    static func contents(_ path: String, limit: InputLimit, mapLarge: Bool) throws(InputFailure) -> InputBytes {
        let name = displayName(path)
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            // A URL where a file belongs: say so, without printing its signature (issue 8 §5).
            if let message = URLInputMistakes.urlGivenAsFile(path, expected: "give a presigned URL with --url '…' "
                + "(check) or as `cfdoctor url '…'`, in single quotes") {
                throw InputFailure(message)
            }
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw InputFailure("\(path): cannot open: \(String(cString: strerror(errno)))") }
        }
        defer { if path != "-" { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw InputFailure("\(name): is a directory; expected a file") }
            if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > limit.bytes {
                throw tooLarge(name, "is \(info.st_size) bytes", limit)
            }
        }
        if mapLarge, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= InputBytes.mappingThreshold,
           let mapped = InputBytes(mapping: descriptor, count: Int(info.st_size)) {
            return mapped
        }
        var bytes = [UInt8]()
        if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputFailure("\(name): cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            guard bytes.count + count <= limit.bytes else {
                throw tooLarge(name, "is more than \(limit.bytes) bytes", limit)
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return InputBytes(bytes)
    }

    private static func tooLarge(_ name: String, _ size: String, _ limit: InputLimit) -> InputFailure {
        InputFailure("\(name): the input \(size); expected at most \(limit.bytes) bytes (\(limit.reason))")
    }

    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The file's bytes under the name messages give it.
    static func named(_ path: String, limit: InputLimit) throws(InputFailure) -> NamedInput {
        NamedInput(name: displayName(path), contents: try contents(path, limit: limit, mapLarge: true))
    }
}
