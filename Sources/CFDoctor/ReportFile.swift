import Checking
#if canImport(Glibc)
import Glibc
#endif

/// `--output FILE`: the report appears whole or not at all. It is written to a temporary file in
/// the same directory (so the rename stays on one file system and is atomic, POSIX rename(2)),
/// flushed, and renamed over FILE; on any failure the temporary file is removed and FILE is left
/// as it was.
enum ReportFile {
    static func write(_ text: String, to path: String) throws(InputFailure) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw InputFailure("--output \(path): names a directory, not a file") }
        var template = Array(((directory.isEmpty ? "" : directory + "/") + "." + name + ".cfdoctor-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do throws(InputFailure) {
            // mkstemp creates 0600; a report is an ordinary file: 0666 less the umask.
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw failure(path) }
                offset += written
            }
            guard fsync(descriptor) == 0 else { throw failure(path) }
            closed = true
            guard close(descriptor) == 0 else { throw failure(path) }
            guard rename(temporary, path) == 0 else { throw failure(path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ path: String) -> InputFailure {
        InputFailure("--output \(path): cannot write: \(String(cString: strerror(errno)))")
    }
}
