#!/usr/bin/env python3
"""Benchmark inputs in the AWS CLI's JSON shape, deterministic for a given seed.

    python3 bench/generate_distributions.py config --behaviors 40 OUT.json
    python3 bench/generate_distributions.py list --count 10000 OUT.json

`config`: `aws cloudfront get-distribution-config` output: the article's broken distribution
(fixtures/distributions/article-broken.get-distribution-config.json) grown to N behaviors (the
default one plus N-1 cache behaviors) over six S3 origins, mixing legacy ForwardedValues and AWS
managed cache / origin request policies, so every configuration rule has work on every behavior.

`list`: `aws cloudfront list-distributions` output for an account with COUNT distributions. The CLI
paginates (100 per page) and merges the pages with botocore's `build_full_result`; the
ListDistributions paginator has no non-aggregate keys, so the merged output is exactly
`{"DistributionList": {"Items": [...]}}`. Each item is a copy of one of the four DistributionSummary
items of fixtures/distributions/list-distributions.json (real key order and wrappers) with its own
Id, ARN, ETag, domain, bucket names, and, for one in ten, one extra cache behavior.

Both are written like awscli's JSONFormatter (`json.dump(indent=4, ensure_ascii=False)` + "\\n"),
see fixtures/README.md. Same seed, same bytes.
"""

import argparse
import copy
import json
import os
import random
import string

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "fixtures", "distributions")
ID_ALPHABET = string.ascii_uppercase + string.digits

# AWS managed policies (fixtures/reference/managed-policies.json).
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
CORS_S3_ORIGIN = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"
REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]


def load(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return json.load(f)


def write(document, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=4, ensure_ascii=False)
        f.write("\n")


def cloudfront_id(rng, prefix="E"):
    return prefix + "".join(rng.choice(ID_ALPHABET) for _ in range(13))


def domain_id(rng):
    return "d" + "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(13))


def s3_host(rng, bucket, region):
    """The host forms users put in DomainName: global, dot-regional, dash-regional."""
    form = rng.randrange(3)
    if form == 0:
        return f"{bucket}.s3.amazonaws.com"
    if form == 1:
        return f"{bucket}.s3.{region}.amazonaws.com"
    return f"{bucket}.s3-{region}.amazonaws.com"


LEGACY_FORWARDING = {
    "ForwardedValues": {"QueryString": True, "Cookies": {"Forward": "none"}, "Headers": {"Quantity": 0},
                        "QueryStringCacheKeys": {"Quantity": 0}},
    "MinTTL": 0, "DefaultTTL": 86400, "MaxTTL": 31536000,
}


def cache_behavior(rng, default_behavior, pattern, origin_id):
    """A CacheBehavior in botocore member order: PathPattern first, then the default's members,
    with either legacy ForwardedValues + TTLs (at the end) or policy IDs (after FieldLevelEncryptionId)."""
    kind = rng.randrange(4)
    behavior = {"PathPattern": pattern}
    for key, value in default_behavior.items():
        if key in ("CachePolicyId", "OriginRequestPolicyId") or key in LEGACY_FORWARDING:
            continue
        behavior[key] = copy.deepcopy(value)
        if key == "FieldLevelEncryptionId" and kind >= 2:
            behavior["CachePolicyId"] = CACHING_OPTIMIZED if kind == 2 else CACHING_DISABLED
            behavior["OriginRequestPolicyId"] = CORS_S3_ORIGIN if kind == 2 else ALL_VIEWER_EXCEPT_HOST
    behavior["TargetOriginId"] = origin_id
    if kind < 2:
        behavior.update(copy.deepcopy(LEGACY_FORWARDING))
        if kind == 0:
            behavior["ForwardedValues"]["QueryString"] = rng.random() < 0.5
        else:
            behavior["ForwardedValues"]["QueryStringCacheKeys"] = {"Quantity": 1, "Items": ["version"]}
            behavior["DefaultTTL"] = rng.choice([300, 3600, 86400])
    return behavior


def config_with_behaviors(rng, behaviors):
    document = load("article-broken.get-distribution-config.json")
    config = document["DistributionConfig"]
    template_origin = config["Origins"]["Items"][0]
    origins = []
    for i in range(6):
        origin = copy.deepcopy(template_origin)
        bucket = f"brightlane-media-{i:02d}"
        origin["Id"] = f"S3-{bucket}"
        origin["DomainName"] = s3_host(rng, bucket, REGIONS[i % len(REGIONS)])
        origins.append(origin)
    config["Origins"] = {"Quantity": len(origins), "Items": origins}
    default = config["DefaultCacheBehavior"]
    default["TargetOriginId"] = origins[0]["Id"]
    items = [cache_behavior(rng, default, f"/media/{i:02d}/*", rng.choice(origins)["Id"])
             for i in range(behaviors - 1)]
    config["CacheBehaviors"] = {"Quantity": len(items), "Items": items} if items else {"Quantity": 0}
    config["Comment"] = f"bench: {behaviors} behaviors"
    return document


def summary(rng, templates, index):
    item = copy.deepcopy(rng.choice(templates))
    distribution_id = cloudfront_id(rng)
    item["Id"] = distribution_id
    item["ARN"] = f"arn:aws:cloudfront::123456789012:distribution/{distribution_id}"
    item["ETag"] = cloudfront_id(rng)
    item["DomainName"] = f"{domain_id(rng)}.cloudfront.net"
    item["LastModifiedTime"] = (f"20{rng.randrange(18, 26)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
                                f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}."
                                f"{rng.randrange(1000):03d}Z")
    item["Comment"] = f"account audit {index:05d}"
    region = rng.choice(REGIONS)
    for origin in item["Origins"].get("Items", []):
        if ".s3" in origin["DomainName"]:
            bucket = f"acct-{index:05d}-{origin['Id'].lower()[:20].strip('-')}"
            origin["DomainName"] = s3_host(rng, bucket, region)
    if item.get("Aliases", {}).get("Quantity"):
        item["Aliases"] = {"Quantity": 1, "Items": [f"cdn{index}.brightlane.io"]}
        if "AliasICPRecordals" in item:
            item["AliasICPRecordals"] = [{"CNAME": f"cdn{index}.brightlane.io", "ICPRecordalStatus": "APPROVED"}]
    extra = 1 if rng.random() < 0.1 else 0
    if extra:
        origin_ids = [o["Id"] for o in item["Origins"]["Items"]]
        existing = item["CacheBehaviors"].get("Items", [])
        added = [cache_behavior(rng, item["DefaultCacheBehavior"], f"/assets/{index}/{k}/*", rng.choice(origin_ids))
                 for k in range(extra)]
        all_items = existing + added
        item["CacheBehaviors"] = {"Quantity": len(all_items), "Items": all_items}
    return item


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["config", "list"])
    parser.add_argument("out")
    parser.add_argument("--behaviors", type=int, default=40)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.kind == "config":
        write(config_with_behaviors(rng, args.behaviors), args.out)
    else:
        templates = load("list-distributions.json")["DistributionList"]["Items"]
        items = [summary(rng, templates, i) for i in range(args.count)]
        write({"DistributionList": {"Items": items}}, args.out)


if __name__ == "__main__":
    main()
