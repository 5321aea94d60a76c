#!/usr/bin/env python3
"""The CloudFormation template the linters are compared on: 18 lines of YAML, the article's setup.

    python3 bench/generate_cloudformation.py OUT.yaml

A private bucket behind a distribution whose origin is `!GetAtt Bucket.DomainName` (the global
host, the article's first bug, CFD101), legacy ForwardedValues forwarding the query string, and
the default TTLs (CFD501). It passes `cfn-lint` (the bench script checks this before timing it);
checkov reports its posture checks (logging, WAF, TLS) and none of the presigned-URL breaks. The
text is fixed, so every run times the same bytes.
"""

import sys

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Description: Private S3 objects served through CloudFront with presigned URLs (the article's setup)
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: S3-bucket
            DomainName: !GetAtt Bucket.DomainName
            S3OriginConfig: {}
        DefaultCacheBehavior:
          TargetOriginId: S3-bucket
          ViewerProtocolPolicy: allow-all
          ForwardedValues: {QueryString: true}
"""


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write(TEMPLATE)


if __name__ == "__main__":
    main()
