extension Rule {
    /// CFD707: the policy admits only some viewer IP addresses.
    static let ipCondition = Rule(RuleDescription(
        id: "CFD707", name: "ip-condition", severity: .info,
        summary: "The CloudFront policy restricts the viewer's IP address (IpAddress / AWS:SourceIp).",
        rationale: """
            A custom policy may add "IpAddress":{"AWS:SourceIp":"…"}: CloudFront serves only viewers whose address \
            is in that range. A URL made for one network fails from a phone on mobile \
            data, behind a VPN or a corporate proxy, or when a server fetches it on the viewer's behalf.
            """,
        fix: "Make sure the range covers every address the URL is used from (IPv6 too), or drop the condition and rely "
            + "on a short DateLessThan.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html",
        ],
        triggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.customIPRange, note: "192.0.2.0/24"),
        ],
        nonTriggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.custom),
        ]
    ), kind: .url) { context in
        context.cloudFrontViolations(.ipCondition, because: ".")
    }
}
