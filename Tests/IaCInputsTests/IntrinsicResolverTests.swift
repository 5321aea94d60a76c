import Testing
@testable import IaCInputs

/// CloudFormation intrinsics as the CloudFormation template reference defines them
/// (docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html).
struct IntrinsicResolverTests {
    /// Resolves `Resources.R.Properties.Value` of a one-resource template written around `value`.
    static func value(_ yaml: String, extra: String = "", region: String? = nil) throws -> IaCValue {
        let text = """
            AWSTemplateFormatVersion: "2010-09-09"
            \(extra)
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: media-prod
              Generated:
                Type: AWS::S3::Bucket
              Oac:
                Type: AWS::CloudFront::OriginAccessControl
              R:
                Type: Custom::Probe
                Properties:
                  Value: \(yaml)
            """
        let document = try Document.parse(text, file: "t.yaml")
        let template = try #require(CloudFormationTemplate(root: document.cursor))
        var resolver = IntrinsicResolver(template: template, region: region)
        return resolver.resolve(try #require(template.resource("R")?.properties?["Value"]))
    }

    @Test func getAttDomainNameIsTheGlobalHostAndRegionalNeedsTheRegion() throws {
        #expect(try Self.value("!GetAtt Bucket.DomainName").text == "media-prod.s3.amazonaws.com")
        #expect(try Self.value("!GetAtt [Bucket, RegionalDomainName]", region: "eu-west-1").text
                == "media-prod.s3.eu-west-1.amazonaws.com")
        let unknown = try #require(try Self.value("{ \"Fn::GetAtt\": [Bucket, RegionalDomainName] }").unknown)
        #expect(unknown.reason.contains("--region"))
        #expect(unknown.location.line == 15)
    }

    @Test func websiteURLUsesTheRegionsEndpointForm() throws {
        #expect(try Self.value("!GetAtt Bucket.WebsiteURL", region: "eu-west-1").text == "http://media-prod.s3-website-eu-west-1.amazonaws.com")
        #expect(try Self.value("!Select [1, !Split ['://', !GetAtt Bucket.WebsiteURL]]", region: "eu-central-1").text
                == "media-prod.s3-website.eu-central-1.amazonaws.com")
    }

    @Test func generatedNamesArePlaceholdersThatTheValueRemembers() throws {
        let host = try Self.value("!GetAtt Generated.DomainName")
        #expect(host.text == "generated.s3.amazonaws.com")
        #expect(host.placeholders == ["Generated"])
        let oac = try Self.value("!GetAtt Oac.Id")
        #expect(oac.text == "Oac" && oac.placeholders == ["Oac"])
    }

    @Test func subJoinSelectSplitAndBase64() throws {
        #expect(try Self.value("!Sub '${Bucket}.s3.${AWS::Region}.${AWS::URLSuffix}'", region: "cn-north-1").text
                == "media-prod.s3.cn-north-1.amazonaws.com.cn")
        #expect(try Self.value("!Sub ['${Name}-logs', {Name: !Ref Bucket}]").text == "media-prod-logs")
        #expect(try Self.value("!Sub '${!Literal} ${Bucket.Arn}'").text == "${Literal} arn:aws:s3:::media-prod")
        #expect(try Self.value("!Join ['', ['origin-access-identity/cloudfront/', !GetAtt Oac.Id]]").text
                == "origin-access-identity/cloudfront/Oac")
        #expect(try Self.value("!Select [1, !Split [',', 'a,b,c']]").text == "b")
        #expect(try Self.value("!Base64 'hello'").text == "aGVsbG8=")
    }

    @Test func parametersUseTheirDefaultsAndListsSplit() throws {
        let parameters = """
            Parameters:
              Stage: {Type: String, Default: prod}
              Hosts: {Type: CommaDelimitedList, Default: "a.example, b.example"}
              Secret: {Type: String}
              Version: {Type: "AWS::SSM::Parameter::Value<String>", Default: /cdk/version}
            """
        #expect(try Self.value("!Ref Stage", extra: parameters).text == "prod")
        #expect(try Self.value("!Select [1, !Ref Hosts]", extra: parameters).text == "b.example")
        #expect(try Self.value("!Ref Secret", extra: parameters).unknown?.reason.contains("no Default") == true)
        #expect(try Self.value("!Ref Version", extra: parameters).unknown?.reason.contains("SSM") == true)
    }

    @Test func conditionsAreDecidedWhenTheTemplateDecidesThem() throws {
        let extra = """
            Parameters:
              Stage: {Type: String, Default: prod}
              Legacy: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsLegacy: !Equals [!Ref Legacy, "true"]
              ProdAndNotLegacy: !And [!Condition IsProd, !Not [!Condition IsLegacy]]
              ProdOrLegacy: !Or [!Condition IsProd, !Condition IsLegacy]
            """
        #expect(try Self.value("!If [IsProd, first, second]", extra: extra).text == "first")
        let unknown = try Self.value("!If [IsLegacy, a, b]", extra: extra)
        #expect(unknown.unknown?.reason == "condition IsLegacy depends on values known only at deploy")
        #expect(try Self.value("!If [ProdAndNotLegacy, a, b]", extra: extra).unknown != nil)
        #expect(try Self.value("!If [ProdOrLegacy, a, b]", extra: extra).text == "a")
    }

    @Test func noValueRemovesTheMember() throws {
        let value = try Self.value("{Keep: 1, Drop: !Ref AWS::NoValue, List: [a, !Ref AWS::NoValue, b]}")
        #expect(value["Drop"] == nil && value["Keep"]?.text == "1")
        #expect(value["List"]?.elements.compactMap(\.text) == ["a", "b"])
    }

    @Test func findInMapReturnsTheMappedValue() throws {
        let extra = """
            Mappings:
              TTL:
                prod: {Max: 900}
            """
        let value = try Self.value("!FindInMap [TTL, prod, Max]", extra: extra)
        #expect(value.int64 == 900)
        #expect(value.location.line == 4, "points at the mapping, where the number is written")
        #expect(try Self.value("!FindInMap [TTL, dev, Max]", extra: extra).unknown != nil)
    }

    @Test func importValueAccountAndUnknownTagsAreUnknownNotGuessed() throws {
        #expect(try Self.value("!ImportValue shared-bucket").unknown?.reason.contains("'shared-bucket'") == true)
        #expect(try Self.value("!Sub '${AWS::AccountId}-media'").unknown?.reason.contains("AWS::AccountId") == true)
        #expect(try Self.value("!Vault secret/x").unknown?.reason == "unsupported intrinsic function !Vault")
        #expect(try Self.value("!GetAtt Nope.DomainName").unknown?.reason.contains("not a resource") == true)
    }

    @Test func circularBucketNamesEndInANoteNamingTheCycle() throws {
        let document = try Fixtures.document("iac/bad/circular-refs.yaml")
        let template = try #require(CloudFormationTemplate(root: document.cursor))
        var resolver = IntrinsicResolver(template: template)
        let node = try #require(template.resource("Cdn")?.properties?["DistributionConfig"]?["Origins"]?.elements.first?["DomainName"])
        let unknown = try #require(resolver.resolve(node).unknown)
        #expect(unknown.reason.hasPrefix("circular reference: "))
        #expect(unknown.reason.contains("PrimaryBucket") && unknown.reason.contains("ReplicaBucket"))
    }

    /// 40 buckets, each named after the previous one twice: 2^40 steps without memoization.
    @Test func chainedReferencesStayLinear() throws {
        var lines = ["Resources:", "  B0:", "    Type: AWS::S3::Bucket", "    Properties: {BucketName: b0}"]
        for index in 1..<40 {
            lines += ["  B\(index):", "    Type: AWS::S3::Bucket",
                      "    Properties: {BucketName: !Join ['-', [!Ref B\(index - 1), !Ref B\(index - 1)]]}"]
        }
        let document = try Document.parse(lines.joined(separator: "\n"), file: "chain.yaml")
        let template = try #require(CloudFormationTemplate(root: document.cursor))
        var resolver = IntrinsicResolver(template: template)
        let value = resolver.resolve(try #require(template.resource("B39")?.properties?["BucketName"]))
        // The text would be 2^39 copies of "b0": the budget ends it with a note instead.
        #expect(value.unknown?.reason.contains("more work than its size allows") == true)
        #expect(resolver.exhaustedBudget)
    }

    @Test func aTemplateIsRecognisedOnlyByItsShape() throws {
        let bucketPolicy = try Document.parse(#"{"Version": "2012-10-17", "Statement": []}"#, file: "p.json")
        #expect(CloudFormationTemplate(root: bucketPolicy.cursor) == nil)
        let fragment = try Fixtures.document("iac/cloudformation/module-fragment.yaml")
        let template = try #require(CloudFormationTemplate(root: fragment.cursor))
        #expect(template.resources(ofType: "AWS::CloudFront::Distribution").isEmpty)
    }

    @Test func theYAMLBombStopsAtTheReadersNodeBudget() throws {
        let error = #expect(throws: InputError.self) { try Fixtures.document("iac/bad/yaml-bomb.yaml") }
        #expect(error?.message.contains("alias bomb") == true)
    }
}
