import CloudFrontSigning

extension Rule {
    /// CFD705: the Key-Pair-Id is not one the behavior trusts.
    static let cloudFrontKeyNotTrusted = Rule(RuleDescription(
        id: "CFD705", name: "cloudfront-key-not-trusted", severity: .error,
        summary: "The Key-Pair-Id is not in the behavior's trusted key groups (or is an access key ID), or the "
            + "behavior uses legacy trusted signers.",
        rationale: """
            "The key pair ID … tells CloudFront which public key to use to validate the signed URL"; it must be a \
            public key in one of the behavior's TrustedKeyGroups (IDs like K2JCJMDEHXQW5F), or, with legacy \
            TrustedSigners, an AWS account's CloudFront key pair (APKA…). An ID CloudFront does not know for this \
            behavior is answered 403 InvalidKey "Unknown Key"; an IAM access key ID (AKIA…/ASIA…) never works. \
            AWS recommends trusted key groups over root-account key pairs.
            """,
        fix: "Sign with a private key whose public key is in one of the behavior's trusted key groups and put that "
            + "public key's ID in Key-Pair-Id (aws cloudfront get-key-group --id ID lists them); move legacy "
            + "TrustedSigners to TrustedKeyGroups.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html",
            "https://repost.aws/knowledge-center/cloudfront-troubleshoot-signed-url-cookies",
            "https://github.com/commitdev/zero/issues/287 (403 InvalidKey \"Unknown Key\", captured)",
        ],
        triggering: [
            CloudFrontExamples.example(config: Self.keyGroupBehavior(marked: true), url: CloudFrontExamples.cannedSignedByKeyB,
                                       keys: false, keyGroups: true, note: "K2TESTKEYBBBBB is not in the key group"),
            CloudFrontExamples.example(config: """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "media.s3.us-east-1.amazonaws.com",
                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "s3",
                   "TrustedSigners": ↓{"Enabled": true, "Quantity": 1, "Items": ["self"]},
                   "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}}
                """, url: CloudFrontExamples.canned, keys: false, note: "legacy trusted signers and a key-group key ID"),
        ],
        nonTriggering: [
            CloudFrontExamples.example(config: Self.keyGroupBehavior(marked: false), url: CloudFrontExamples.canned,
                                       keyGroups: true, note: "K2TESTKEYAAAAA is in the key group"),
        ]
    )) { context in
        guard let target = context.target, target.behavior.trustedSigners.required,
              let analysis = context.cloudFront, let id = analysis.request.keyPairID else { return [] }
        let signers = target.behavior.trustedSigners
        let behavior = target.behavior.displayName
        let origin = target.origins.first?.id
        let kind = KeyPairIDKind(id)
        var violations = analysis.findings.filter { $0.kind == .keyNotTrusted }.map {
            Violation("Behavior \(behavior): \($0.message).", at: target.behavior.location(of: signers.keyGroupsEnabled ? .trustedKeyGroups : .trustedSigners), origin: origin)
        }
        if signers.signersEnabled && !signers.keyGroupsEnabled {
            if kind == .keyGroupPublicKey {
                violations.append(Violation(
                    "Behavior \(behavior) trusts only legacy TrustedSigners (AWS account key pairs, APKA…), but the request is "
                        + "signed with key-group public key \(id): CloudFront answers 403 InvalidKey \"Unknown Key\".",
                    at: target.behavior.location(of: .trustedSigners), origin: origin))
            } else if kind == .legacyKeyPair {
                violations.append(Violation(
                    "Behavior \(behavior) uses legacy TrustedSigners with root-account key pair \(id); AWS recommends trusted "
                        + "key groups (no root user needed, keys managed through the API).",
                    at: target.behavior.location(of: .trustedSigners), origin: origin, severity: .warning))
            }
        }
        if signers.keyGroupsEnabled && !signers.signersEnabled {
            let at = target.behavior.location(of: .trustedKeyGroups)
            if kind == .legacyKeyPair {
                violations.append(Violation(
                    "Behavior \(behavior) trusts key groups only, but the request is signed with legacy key pair \(id): "
                        + "CloudFront answers 403 InvalidKey \"Unknown Key\".", at: at, origin: origin))
            } else if kind == .keyGroupPublicKey {
                let groups = context.options.cloudFront.keyGroups.filter { signers.keyGroupIDs.contains($0.id) }
                // Judge only when every trusted group's keys are known (get-key-group output for each).
                if !signers.keyGroupIDs.isEmpty, groups.count == Set(signers.keyGroupIDs).count,
                   !groups.contains(where: { $0.publicKeyIDs.contains(id) }) {
                    let trusted = groups.flatMap(\.publicKeyIDs).joined(separator: ", ")
                    violations.append(Violation(
                        "Behavior \(behavior) trusts key group(s) \(signers.keyGroupIDs.joined(separator: ", ")) with public "
                            + "keys \(trusted.isEmpty ? "none" : trusted); Key-Pair-Id \(id) is not among them: CloudFront "
                            + "answers 403 InvalidKey \"Unknown Key\".", at: at, origin: origin))
                }
            }
        }
        return violations
    }

    static func keyGroupBehavior(marked: Bool) -> String {
        """
        {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "media.s3.us-east-1.amazonaws.com",
          "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
         "DefaultCacheBehavior": {"TargetOriginId": "s3",
           "TrustedKeyGroups": \(marked ? "↓" : ""){"Enabled": true, "Quantity": 1, "Items": ["\(CloudFrontExamples.keyGroupID)"]},
           "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}}
        """
    }
}
