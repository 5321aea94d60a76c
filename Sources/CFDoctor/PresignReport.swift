import Foundation
import Presigning

/// What `presign` prints: the URL first, then the times that decide how it caches, with the
/// arithmetic spelled out. JSON carries the same fields (camelCase, seconds and RFC 3339).
struct PresignReport {
    var signed: PresignedGET
    var request: PresignRequest
    var origin: PresignOrigin?
    var maxExposure: Int64?
    var warnings: [String]

    func text() -> String {
        let window = signed.roundingWindow
        var lines = [signed.url, ""]
        func row(_ label: String, _ value: String) { lines.append(label.padding(toLength: 13, withPad: " ", startingAt: 0) + value) }
        row("signed for", "\(signed.signedHost) (the Host S3 must receive)"
            + (signed.url == signed.s3URL ? "" : "; viewers use \(request.cdn?.host.lowercased() ?? "")"))
        if let origin {
            row("origin", "\(origin.origin.id) of \(origin.distribution.displayName), behavior \(origin.behavior.displayName)"
                + (origin.originPath.isEmpty ? "" : ", OriginPath \(origin.originPath)"))
        }
        row("signed at", window > 0
            ? "\(signed.signedAt.rfc3339) (rounded down to a \(DurationText.format(window)) window; the same URL is "
                + "handed out until \(signed.handedOutUntil.rfc3339))"
            : "\(signed.signedAt.rfc3339) (not rounded: every signing makes a new URL and a cache miss)")
        row("expires at", "\(signed.expiresAt.rfc3339) (X-Amz-Expires \(signed.expiresIn) s = \(DurationText.format(signed.expiresIn)))")
        row("valid for", "at least \(DurationText.format(signed.minimumValidity)), at most \(DurationText.format(signed.maximumValidity))"
            + (window > 0 ? " (handed out at the end of the window: expires − window = \(signed.expiresIn) − \(window) s; "
                + "at its start: \(signed.expiresIn) s)" : ""))
        if let exposure = signed.exposure {
            row("cache TTL", "\(DurationText.format(exposure.cacheTTL))" + (ttlSource.map { " (\($0))" } ?? ""))
            row("exposure", "\(DurationText.format(exposure.seconds)) at worst: a request at \(signed.expiresAt.rfc3339), "
                + "the last valid moment, is cached until \(exposure.reachableUntil.rfc3339) (expires \(signed.expiresIn) s + "
                + "TTL \(exposure.cacheTTL) s = \(exposure.seconds) s from signing)"
                + (maxExposure.map { exposure.seconds > $0 ? "; OVER --max-exposure \(DurationText.format($0))" : "; within --max-exposure \(DurationText.format($0))" } ?? ""))
            if let ttl = origin?.ttl, ttl.default != exposure.cacheTTL {
                row("", "\(DurationText.format(signed.expiresIn + ttl.default)) for objects without Cache-Control (DefaultTTL \(ttl.default) s)")
            }
        } else {
            row("exposure", "unknown: give --cache-ttl (or --distribution) to compute the worst case")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var ttlSource: String? {
        guard let origin, let ttl = origin.ttl else { return nil }
        return "the longest behavior \(origin.behavior.displayName) allows: MinTTL \(ttl.minimum), DefaultTTL \(ttl.default), MaxTTL \(ttl.maximum)"
    }

    struct Document: Encodable {
        struct ExposureJSON: Encodable {
            var cacheTTL: Int64
            var seconds: Int64
            var reachableUntil: String
            var overBudget: Bool?
        }
        struct OriginJSON: Encodable {
            var file: String
            var distribution: String
            var behavior: String
            var origin: String
            var originPath: String
            var minTTL: Int64?
            var defaultTTL: Int64?
            var maxTTL: Int64?
        }
        var version = 1
        var url: String
        var s3URL: String
        var signedHost: String
        var bucket: String
        var key: String
        var region: String
        var signedAt: String
        var amzDate: String
        var roundingWindow: Int64
        var handedOutUntil: String
        var expiresIn: Int64
        var expiresAt: String
        var minimumValidity: Int64
        var maximumValidity: Int64
        var exposure: ExposureJSON?
        var maxExposure: Int64?
        var distribution: OriginJSON?
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case version, url, s3URL, signedHost, bucket, key, region, signedAt, amzDate, roundingWindow, handedOutUntil,
                 expiresIn, expiresAt, minimumValidity, maximumValidity, exposure, maxExposure, distribution, warnings
        }

        func encode(to encoder: any Encoder) throws {
            // Every key present, null when unknown, as the other commands' JSON.
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(version, forKey: .version)
            try c.encode(url, forKey: .url)
            try c.encode(s3URL, forKey: .s3URL)
            try c.encode(signedHost, forKey: .signedHost)
            try c.encode(bucket, forKey: .bucket)
            try c.encode(key, forKey: .key)
            try c.encode(region, forKey: .region)
            try c.encode(signedAt, forKey: .signedAt)
            try c.encode(amzDate, forKey: .amzDate)
            try c.encode(roundingWindow, forKey: .roundingWindow)
            try c.encode(handedOutUntil, forKey: .handedOutUntil)
            try c.encode(expiresIn, forKey: .expiresIn)
            try c.encode(expiresAt, forKey: .expiresAt)
            try c.encode(minimumValidity, forKey: .minimumValidity)
            try c.encode(maximumValidity, forKey: .maximumValidity)
            try c.encode(exposure, forKey: .exposure)
            try c.encode(maxExposure, forKey: .maxExposure)
            try c.encode(distribution, forKey: .distribution)
            try c.encode(warnings, forKey: .warnings)
        }
    }

    func json() throws -> String {
        let exposure = signed.exposure.map { e in
            Document.ExposureJSON(cacheTTL: e.cacheTTL, seconds: e.seconds, reachableUntil: e.reachableUntil.rfc3339,
                                  overBudget: maxExposure.map { e.seconds > $0 })
        }
        let distribution = origin.map { o in
            Document.OriginJSON(file: o.file, distribution: o.distribution.displayName, behavior: o.behavior.displayName,
                                origin: o.origin.id, originPath: o.originPath, minTTL: o.ttl?.minimum,
                                defaultTTL: o.ttl?.default, maxTTL: o.ttl?.maximum)
        }
        let document = Document(
            url: signed.url, s3URL: signed.s3URL, signedHost: signed.signedHost, bucket: request.bucket, key: request.key,
            region: signed.region, signedAt: signed.signedAt.rfc3339, amzDate: signed.signedAt.amzDate,
            roundingWindow: signed.roundingWindow, handedOutUntil: signed.handedOutUntil.rfc3339, expiresIn: signed.expiresIn,
            expiresAt: signed.expiresAt.rfc3339, minimumValidity: signed.minimumValidity, maximumValidity: signed.maximumValidity,
            exposure: exposure, maxExposure: maxExposure, distribution: distribution, warnings: warnings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
