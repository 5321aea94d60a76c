import Foundation
import Presigning
import Testing

/// botocore 1.43.11 `generate_presigned_url` outputs for frozen, rounded signing times
/// (fixtures/presign/presign-vectors.json, made by fixtures/presign/generate_presign_vectors.py).
struct PresignVector: Sendable, CustomTestStringConvertible {
    var id: String
    var bucket: String
    var key: String
    var region: String
    var addressing: String
    var exactHost: String?
    var credentials: Credentials
    var expiresIn: Int64
    var now: Int64
    var roundingWindow: Int64?
    var signingTime: Int64
    var overrides: [String: String]
    var versionId: String?
    var url: String
    var cdnHost: String?
    var originPath: String
    var cdnURL: String?

    var testDescription: String { id }

    static func root() -> [String: Any] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/presign/presign-vectors.json")
        guard let data = try? Data(contentsOf: file),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return root
    }

    /// botocore's region list, as the generator recorded it.
    static let knownRegions: [String] = (root()["generator"] as? [String: Any])?["known_regions"] as? [String] ?? []

    static let all: [PresignVector] = {
        guard let vectors = root()["vectors"] as? [[String: Any]] else { return [] }
        return vectors.map { v in
            PresignVector(
                id: v["id"] as? String ?? "?", bucket: v["bucket"] as? String ?? "", key: v["key"] as? String ?? "",
                region: v["region"] as? String ?? "", addressing: v["addressing"] as? String ?? "",
                exactHost: v["exact_host"] as? String,
                credentials: Credentials(accessKeyId: v["access_key"] as? String ?? "", secretAccessKey: v["secret_key"] as? String ?? "",
                                         sessionToken: v["session_token"] as? String),
                expiresIn: (v["expires_in"] as? NSNumber)?.int64Value ?? 0, now: (v["now_epoch"] as? NSNumber)?.int64Value ?? 0,
                roundingWindow: (v["rounding_window"] as? NSNumber)?.int64Value,
                signingTime: (v["signing_time_epoch"] as? NSNumber)?.int64Value ?? 0,
                overrides: v["response_overrides"] as? [String: String] ?? [:], versionId: v["version_id"] as? String,
                url: v["url"] as? String ?? "", cdnHost: v["cdn_host"] as? String, originPath: v["origin_path"] as? String ?? "",
                cdnURL: v["cdn_url"] as? String)
        }
    }()

    /// The library request that should reproduce this vector.
    var request: PresignRequest {
        let addressing: PresignRequest.Addressing = switch self.addressing {
        case "path": .pathStyle
        case "global": .legacyGlobal
        case "exact": .exactHost(exactHost ?? "")
        default: .virtualHosted
        }
        let responseOverrides = ResponseOverrides(
            cacheControl: overrides["response-cache-control"], contentDisposition: overrides["response-content-disposition"],
            contentEncoding: overrides["response-content-encoding"], contentLanguage: overrides["response-content-language"],
            contentType: overrides["response-content-type"])
        return PresignRequest(bucket: bucket, key: key, region: region, expiresIn: expiresIn, roundingWindow: roundingWindow,
                              addressing: addressing, cdn: cdnHost.map { .init(host: $0, originPath: originPath) },
                              responseOverrides: responseOverrides, versionId: versionId)
    }
}
