/// The AWS regions cfdoctor can sign for, grouped by partition, with the DNS suffix of their S3
/// hosts: botocore 1.43.11 `endpoints.json` partitions `aws`, `aws-cn` and `aws-us-gov` (the
/// isolated partitions have other suffixes and are not S3 REST hosts under amazonaws.com).
public enum AWSRegion {
    /// A partition: a group of regions with one DNS suffix and one set of bucket names.
    public enum Partition: String, Sendable, CaseIterable {
        /// Standard regions, `amazonaws.com`.
        case aws
        /// China regions, `amazonaws.com.cn`.
        case awsCN = "aws-cn"
        /// AWS GovCloud (US), `amazonaws.com`.
        case awsUSGov = "aws-us-gov"

        /// The suffix of S3 host names in this partition.
        public var dnsSuffix: String { self == .awsCN ? "amazonaws.com.cn" : "amazonaws.com" }
    }

    /// Regions by partition (botocore 1.43.11 endpoints.json).
    public static let known: [Partition: [String]] = [
        .aws: [
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
            "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2",
            "us-west-1", "us-west-2",
        ],
        .awsCN: ["cn-north-1", "cn-northwest-1"],
        .awsUSGov: ["us-gov-east-1", "us-gov-west-1"],
    ]

    /// The partition of a known region; nil for anything else.
    public static func partition(of region: String) -> Partition? {
        Partition.allCases.first { known[$0]?.contains(region) == true }
    }

    /// The partition a well-formed but unlisted region would belong to (a region launched after
    /// this list): `cn-` → China, `us-gov-` → GovCloud, else standard.
    static func assumedPartition(of region: String) -> Partition {
        region.hasPrefix("cn-") ? .awsCN : region.hasPrefix("us-gov-") ? .awsUSGov : .aws
    }

    /// Whether `region` has the shape of a region name (`eu-west-1`, `us-gov-west-1`): the test
    /// cfdoctor's S3 host parser applies to the region label of `s3.REGION.amazonaws.com`.
    static func isWellFormed(_ region: String) -> Bool {
        guard !region.isEmpty, region == region.lowercased() else { return false }
        return S3Endpoint.parse(host: "s3.\(region).amazonaws.com")?.region == region
    }
}
