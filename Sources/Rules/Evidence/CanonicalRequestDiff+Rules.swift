import S3Errors

extension CanonicalRequestDiff.Cause {
    /// The rules that explain a canonical request line S3 computed differently (SPEC §7: host →
    /// CFD101/CFD102, path → CFD105, query → CFD302 or CFD611; a CloudFront host → CFD401).
    var rules: [RuleID] {
        switch self {
        case .method, .payload: []
        case .path: ["CFD105"]
        case .query(let droppedOrAdded, let changed):
            (droppedOrAdded || !changed ? ["CFD302"] : []) + (changed ? ["CFD611"] : [])
        case .signedHeader: ["CFD402"]
        case .viewerHost: ["CFD401"]
        case .host: ["CFD101", "CFD102"]
        }
    }
}
