import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work split over the machine's cores, with the result in input order.
enum Parallel {
    /// `transform` of every element, in order. Fewer than `minimumPerThread` elements per core are
    /// not worth a thread: a single distribution, the usual case, runs on the calling thread.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], minimumPerThread: Int, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let threads = min(processors, elements.count / max(1, minimumPerThread))
        guard threads > 1 else { return elements.map(transform) }
        // More pieces than threads, so a thread that drew quick distributions takes another piece.
        let pieces = threads * 8
        let results = ResultSlots<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            let range = (elements.count * piece / pieces)..<(elements.count * (piece + 1) / pieces)
            for index in range { results.store(transform(elements[index]), at: index) }
        }
        return results.collected()
    }

    /// Online processors, at least one.
    static let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// One slot per element, each written by exactly one thread and read after all have finished
/// (`concurrentPerform` returns only then): no two threads touch the same memory.
private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) { slots[index] = result }

    func collected() -> [Result] {
        (0..<count).map { slots[$0]! }
    }
}
