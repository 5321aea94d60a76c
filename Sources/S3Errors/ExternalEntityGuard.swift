import CLibXML2
import Foundation

/// A process-wide deny-all external entity loader. libxml2 consults it for external DTDs,
/// SYSTEM/PUBLIC entities and XIncludes; with it nothing outside the body is ever read, even if a
/// future change sets a dangerous option by mistake. libxml2's loader is global state shared with
/// anything else in the process that uses libxml2 (FoundationXML included), so it is installed
/// once, before the first parse, through a `static let` (Swift runs it exactly once, thread-safely).
enum ExternalEntityGuard {
    private static let installed: Void = {
        xmlSetExternalEntityLoader { _, _, _ in
            ExternalEntityGuard.attempts.increment()
            return nil
        }
    }()

    static func install() { _ = installed }

    /// How many times libxml2 asked to load something external (every one refused). Tests read it
    /// to prove hostile documents caused no load attempt at all.
    static var loadAttempts: Int { attempts.value }

    private static let attempts = Counter()
}

/// A lock-protected counter: the loader may run on any parsing thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
