#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one input, which the parsers read once from the front.
///
/// A large regular file is mapped instead of copied into memory, and the JSON reader hands back
/// the pages it has read every few megabytes (`releaseRead`): a 50 MB Terraform plan or account
/// export is then never resident whole next to its tree and the model (10,000-distribution
/// export: peak RSS 91.6 -> 64 MB). The pages stay mapped, so anything that reads them again (an
/// error's column, a plan's values, the rare second parse) faults them back in from the file.
///
/// The one cost of mapping: a file truncated by another process while cfdoctor reads it ends the
/// process with SIGBUS instead of a message, as it does for other tools that map their inputs
/// (compilers, git). Files below `mappingThreshold` are always read.
public final class InputBytes: @unchecked Sendable {
    // Sendable: nothing here changes after init; madvise on the mapping is thread-safe.
    private let array: [UInt8]
    private let mapping: UnsafeRawBufferPointer?

    /// Regular files at least this large are mapped: below it the copy costs less than the
    /// mapping's set-up and the memory saved is small.
    public static let mappingThreshold = 1 << 20

    public init(_ bytes: [UInt8]) {
        array = bytes
        mapping = nil
    }

    /// Maps `count` bytes of an open regular file read-only; nil when the system refuses (the
    /// caller then reads the file). The descriptor may be closed afterwards.
    public init?(mapping descriptor: Int32, count: Int) {
        guard count > 0 else { return nil }
        let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        // Read once, front to back: read ahead, and drop pages behind the reader first.
        _ = madvise(address, count, MADV_SEQUENTIAL)
        array = []
        mapping = UnsafeRawBufferPointer(start: address, count: count)
    }

    deinit {
        if let mapping, let base = mapping.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), mapping.count) }
    }

    public var count: Int { mapping?.count ?? array.count }

    public var isMapped: Bool { mapping != nil }

    /// The bytes as an array: the one given, or a copy of the mapped file (small inputs only
    /// take this path: error bodies, settings, the first bytes of a file).
    public var bytes: [UInt8] {
        guard let mapping else { return array }
        return Array(mapping.bindMemory(to: UInt8.self))
    }

    public func withUnsafeBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard let mapping else { return try array.withUnsafeBufferPointer(body) }
        return try body(mapping.bindMemory(to: UInt8.self))
    }

    /// Hands the pages wholly before `end` (a byte offset), from the one holding `start`, back to
    /// the system: the reader is past them. Does nothing for bytes in memory, whose pages cannot be dropped and read again.
    public func releaseRead(from start: Int, to end: Int) {
        guard let mapping, let base = mapping.baseAddress else { return }
        let page = Self.pageSize
        let first = max(0, start) / page * page
        let last = min(end, mapping.count) / page * page
        guard last > first else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, MADV_DONTNEED)
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}
