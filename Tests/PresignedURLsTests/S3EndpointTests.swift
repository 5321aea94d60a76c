import Testing
@testable import PresignedURLs

/// Every host form of SPEC §6 / shared/reference/s3-endpoint-forms.md §1.
struct S3EndpointTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var host: String
        var bucket: String?
        var region: String?
        var servingRegion: String?
        var form: S3Endpoint.Form
        var addressing: S3Endpoint.Addressing = .virtualHosted
        var dualstack = false
        var fips = false
        var partition: S3Endpoint.Partition = .aws
        var testDescription: String { host }
    }

    static let cases: [Case] = [
        Case(host: "examplebucket.s3.eu-west-1.amazonaws.com", bucket: "examplebucket", region: "eu-west-1",
             servingRegion: "eu-west-1", form: .regional),
        Case(host: "cf-signed-urls-test.s3-eu-west-1.amazonaws.com", bucket: "cf-signed-urls-test", region: "eu-west-1",
             servingRegion: "eu-west-1", form: .dashRegional),
        // The global endpoint has us-east-1 semantics (S3 user guide, "Legacy global endpoint").
        Case(host: "examplebucket.s3.amazonaws.com", bucket: "examplebucket", region: nil, servingRegion: "us-east-1",
             form: .global),
        Case(host: "examplebucket.s3-external-1.amazonaws.com", bucket: "examplebucket", region: nil,
             servingRegion: "us-east-1", form: .external1),
        Case(host: "s3.eu-west-1.amazonaws.com", bucket: nil, region: "eu-west-1", servingRegion: "eu-west-1",
             form: .regional, addressing: .path),
        Case(host: "s3.amazonaws.com", bucket: nil, region: nil, servingRegion: "us-east-1", form: .global, addressing: .path),
        Case(host: "s3-eu-west-1.amazonaws.com", bucket: nil, region: "eu-west-1", servingRegion: "eu-west-1",
             form: .dashRegional, addressing: .path),
        Case(host: "examplebucket.s3.dualstack.eu-west-1.amazonaws.com", bucket: "examplebucket", region: "eu-west-1",
             servingRegion: "eu-west-1", form: .regional, dualstack: true),
        Case(host: "s3.dualstack.us-east-1.amazonaws.com", bucket: nil, region: "us-east-1", servingRegion: "us-east-1",
             form: .regional, addressing: .path, dualstack: true),
        Case(host: "examplebucket.s3-fips.us-east-1.amazonaws.com", bucket: "examplebucket", region: "us-east-1",
             servingRegion: "us-east-1", form: .regional, fips: true),
        Case(host: "examplebucket.s3-fips.dualstack.us-east-2.amazonaws.com", bucket: "examplebucket", region: "us-east-2",
             servingRegion: "us-east-2", form: .regional, dualstack: true, fips: true),
        // Transfer Acceleration names no region; the credential scope still names the bucket's.
        Case(host: "examplebucket.s3-accelerate.amazonaws.com", bucket: "examplebucket", region: nil, servingRegion: nil,
             form: .accelerate),
        Case(host: "examplebucket.s3-accelerate.dualstack.amazonaws.com", bucket: "examplebucket", region: nil,
             servingRegion: nil, form: .accelerate, dualstack: true),
        Case(host: "docs-site.s3-website-us-west-2.amazonaws.com", bucket: "docs-site", region: "us-west-2",
             servingRegion: "us-west-2", form: .website),
        Case(host: "docs-site.s3-website.eu-central-1.amazonaws.com", bucket: "docs-site", region: "eu-central-1",
             servingRegion: "eu-central-1", form: .website),
        Case(host: "docs-site.s3-website.cn-north-1.amazonaws.com.cn", bucket: "docs-site", region: "cn-north-1",
             servingRegion: "cn-north-1", form: .website, partition: .awsCN),
        Case(host: "examplebucket.s3.cn-north-1.amazonaws.com.cn", bucket: "examplebucket", region: "cn-north-1",
             servingRegion: "cn-north-1", form: .regional, partition: .awsCN),
        Case(host: "s3.dualstack.cn-northwest-1.amazonaws.com.cn", bucket: nil, region: "cn-northwest-1",
             servingRegion: "cn-northwest-1", form: .regional, addressing: .path, dualstack: true, partition: .awsCN),
        // GovCloud shares the amazonaws.com suffix: the partition comes from the region name.
        Case(host: "examplebucket.s3.us-gov-west-1.amazonaws.com", bucket: "examplebucket", region: "us-gov-west-1",
             servingRegion: "us-gov-west-1", form: .regional, partition: .awsUSGov),
        Case(host: "examplebucket.s3-fips.us-gov-east-1.amazonaws.com", bucket: "examplebucket", region: "us-gov-east-1",
             servingRegion: "us-gov-east-1", form: .regional, fips: true, partition: .awsUSGov),
        Case(host: "myap-123456789012.s3-accesspoint.eu-west-1.amazonaws.com", bucket: "myap-123456789012",
             region: "eu-west-1", servingRegion: "eu-west-1", form: .accessPoint),
        Case(host: "myap-123456789012.s3-accesspoint-fips.dualstack.us-east-1.amazonaws.com", bucket: "myap-123456789012",
             region: "us-east-1", servingRegion: "us-east-1", form: .accessPoint, dualstack: true, fips: true),
        Case(host: "myol-123456789012.s3-object-lambda.us-west-2.amazonaws.com", bucket: "myol-123456789012",
             region: "us-west-2", servingRegion: "us-west-2", form: .objectLambda),
        Case(host: "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com", bucket: "mfzwi23gnjvgw.mrap", region: nil,
             servingRegion: nil, form: .multiRegionAccessPoint),
        // An access point alias is used like a bucket name on the regional host (CloudFront guide).
        Case(host: "my-ap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias.s3.us-east-1.amazonaws.com",
             bucket: "my-ap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias", region: "us-east-1", servingRegion: "us-east-1",
             form: .regional),
        // Upper case and a trailing dot are the same DNS name.
        Case(host: "ExampleBucket.S3.EU-WEST-1.amazonaws.com.", bucket: "examplebucket", region: "eu-west-1",
             servingRegion: "eu-west-1", form: .regional),
        // A bucket whose name contains "s3" is still found from the right.
        Case(host: "my-s3-bucket.s3.us-east-2.amazonaws.com", bucket: "my-s3-bucket", region: "us-east-2",
             servingRegion: "us-east-2", form: .regional),
    ]

    @Test(arguments: cases)
    func parsesHostForm(_ c: Case) throws {
        let endpoint = try #require(S3Endpoint.parse(host: c.host))
        #expect(endpoint.bucket == c.bucket)
        #expect(endpoint.region == c.region)
        #expect(endpoint.servingRegion == c.servingRegion)
        #expect(endpoint.form == c.form)
        #expect(endpoint.addressing == c.addressing)
        #expect(endpoint.dualstack == c.dualstack)
        #expect(endpoint.fips == c.fips)
        #expect(endpoint.partition == c.partition)
    }

    @Test(arguments: [
        "d2tphqjsvmbzmt.cloudfront.net",               // a CloudFront domain
        "media.brightlane.io",                          // a custom CNAME
        "app-prod-alb-1234567890.eu-central-1.elb.amazonaws.com",
        "ec2-203-0-113-25.compute-1.amazonaws.com",
        "examplebucket.s3.s3-external-1.amazonaws.com", // botocore quirk: pseudo-region pasted into the template
        "examplebucket.s3.notaregion.amazonaws.com",
        "examplebucket.s3.eu-west-1.amazonaws.com.evil.example",
        "s3.dualstack.amazonaws.com",
        "examplebucket..s3.amazonaws.com",
        "amazonaws.com",
        "",
    ])
    func otherHostsAreNotS3(host: String) {
        #expect(S3Endpoint.parse(host: host) == nil)
    }

    @Test func summaryNamesStyleRegionAndFlags() throws {
        let endpoint = try #require(S3Endpoint.parse(host: "b.s3-fips.dualstack.us-east-1.amazonaws.com"))
        #expect(endpoint.summary == "virtual-hosted, regional, dualstack, FIPS, us-east-1")
        #expect(S3Endpoint.parse(host: "b.s3.amazonaws.com")?.summary.contains("global") == true)
    }
}
