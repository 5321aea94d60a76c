import Checking
import PresignedURLs

extension TextReporter {
    /// `presign`: the URL first and whole (it is the product), then the times that decide how it
    /// caches, with the arithmetic spelled out. Warnings go to standard error (the command prints
    /// them), so the first line can be piped straight into a backend.
    func presign(_ view: PresignView) -> String {
        let window = view.roundingWindow, expiresIn = view.expiresIn
        var lines = [view.url, ""]
        func row(_ label: String, _ value: String) { lines.append(label.padding(to: 13) + value) }
        row("signed for", "\(view.signedHost) (the Host S3 must receive)" + (view.viewerHost.map { "; viewers use \($0)" } ?? ""))
        if let origin = view.distribution {
            row("origin", "\(origin.origin) of \(origin.distribution), behavior \(origin.behavior)"
                + (origin.originPath.isEmpty ? "" : ", OriginPath \(origin.originPath)"))
        }
        row("signed at", window > 0
            ? "\(view.signedAt) (rounded down to a \(DurationText.format(window)) window; the same URL is "
                + "handed out until \(view.handedOutUntil))"
            : "\(view.signedAt) (not rounded: every signing makes a new URL and a cache miss)")
        row("expires at", "\(view.expiresAt) (X-Amz-Expires \(expiresIn) s = \(DurationText.format(expiresIn)))")
        row("valid for", "at least \(DurationText.format(view.minimumValidity)), at most \(DurationText.format(view.maximumValidity))"
            + (window > 0 ? " (handed out at the end of the window: expires − window = \(expiresIn) − \(window) s; "
                + "at its start: \(expiresIn) s)" : ""))
        if let exposure = view.exposure {
            row("cache TTL", DurationText.format(exposure.cacheTTL) + (ttlSource(view).map { " (\($0))" } ?? ""))
            let budget = view.maxExposure.map { budget in
                (exposure.seconds > budget ? "; OVER --max-exposure " : "; within --max-exposure ") + DurationText.format(budget)
            }
            row("exposure", "\(DurationText.format(exposure.seconds)) at worst: a request at \(view.expiresAt), "
                + "the last valid moment, is cached until \(exposure.reachableUntil) (expires \(expiresIn) s + "
                + "TTL \(exposure.cacheTTL) s = \(exposure.seconds) s from signing)" + (budget ?? ""))
            if let defaultTTL = view.distribution?.defaultTTL, defaultTTL != exposure.cacheTTL {
                row("", "\(DurationText.format(expiresIn + defaultTTL)) for objects without Cache-Control (DefaultTTL \(defaultTTL) s)")
            }
        } else {
            row("exposure", "unknown: give --cache-ttl (or --distribution) to compute the worst case")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func ttlSource(_ view: PresignView) -> String? {
        guard let origin = view.distribution, let minimum = origin.minTTL, let defaultTTL = origin.defaultTTL,
              let maximum = origin.maxTTL else { return nil }
        return "the longest behavior \(origin.behavior) allows: MinTTL \(minimum), DefaultTTL \(defaultTTL), MaxTTL \(maximum)"
    }
}
