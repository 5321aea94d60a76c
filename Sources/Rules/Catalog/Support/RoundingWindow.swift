import CloudFrontModel
import EdgeSimulation
import PresignedURLs

/// The rounding window of the article's "Solution #2": a signer that freezes time at the last
/// whole window (e.g. every 30 minutes) hands out one URL per window, so the URL — and its cache
/// key — stays the same for everyone inside the window.
enum RoundingWindow {
    /// Windows cfdoctor recognises, largest first.
    static let candidates: [Int64] = [86_400, 3600, 1800, 900, 600, 300, 60]

    /// The largest window `date` sits on the boundary of; 0 when it is not on a whole minute,
    /// i.e. the URL was signed at request time and every URL is different.
    static func of(_ date: Timestamp) -> Int64 {
        candidates.first { date.seconds % $0 == 0 } ?? 0
    }
}
