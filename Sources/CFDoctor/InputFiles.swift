import Checking
import Documents
import PresignedURLs
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file argument, or standard input for `-`, with a size limit and clear errors.
enum InputFiles {
    static func readBytes(_ path: String, maximumBytes: Int = SourceText.defaultMaximumBytes) throws(InputFailure) -> [UInt8] {
        let descriptor: Int32
        var expectedSize = 0
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            // A URL where a file belongs: say so, without printing its signature (issue 8 §5).
            if let message = URLInputMistakes.urlGivenAsFile(path, expected: "give a presigned URL with --url '…' "
                + "(check) or as `cfdoctor url '…'`, in single quotes") {
                throw InputFailure(message)
            }
            var info = stat()
            guard stat(path, &info) == 0 else { throw InputFailure("\(path): \(String(cString: strerror(errno)))") }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw InputFailure("\(path): is a directory") }
            if (info.st_mode & S_IFMT) == S_IFREG { expectedSize = Int(info.st_size) }
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw InputFailure("\(path): \(String(cString: strerror(errno)))") }
        }
        defer { if path != "-" { close(descriptor) } }
        var bytes = [UInt8]()
        // A regular file's size is known: one allocation instead of doubling (and briefly holding
        // both halves of) a 50 MB export. One more byte lets the read that finds the end fit.
        if expectedSize > 0, expectedSize <= maximumBytes { bytes.reserveCapacity(expectedSize + 1) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputFailure("\(displayName(path)): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > maximumBytes {
                throw InputFailure("\(displayName(path)): larger than the \(maximumBytes >> 20) MiB limit")
            }
        }
        return bytes
    }

    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The file's bytes under the name messages give it.
    static func named(_ path: String, maximumBytes: Int = SourceText.defaultMaximumBytes) throws(InputFailure) -> NamedInput {
        NamedInput(name: displayName(path), bytes: try readBytes(path, maximumBytes: maximumBytes))
    }
}
