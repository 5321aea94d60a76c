#!/usr/bin/env python3
"""A large `terraform show -json plan.out`, deterministic for a given seed.

    python3 bench/generate_terraform_plan.py OUT.json [--megabytes 50] [--seed 15]

Shape: Terraform's JSON output format (https://developer.hashicorp.com/terraform/internals/json-format),
format_version 1.2 as Terraform 1.9 writes it: one line, no indentation, object keys sorted (as
Terraform's cty JSON encoding does), blocks as arrays. An account with many
`aws_cloudfront_distribution` resources (hashicorp/aws 5.x schema, schema_version 1) and their
`aws_s3_bucket` origins, in the root module and in `module.cdn_NN` child modules:

- `prior_state`: every existing resource with all its values;
- `planned_values`: every resource; for the ~10 % created by this plan, values unknown until apply
  (arn, id, domain_name, etag, …) are absent, as Terraform omits them;
- `resource_changes`: `no-op` for existing resources, `create` (before null, `after_unknown`) for
  new ones, with `before_sensitive` / `after_sensitive`;
- `configuration`: provider_config (the region) and each resource's expressions, where an origin's
  `domain_name` is a reference to `aws_s3_bucket.<name>.bucket_regional_domain_name` or
  `.bucket_domain_name` (the global host: the article's bug).

Resources are added until the file reaches the requested size.
"""

import argparse
import json
import random
import string

ID_ALPHABET = string.ascii_uppercase + string.digits
PROVIDER = "registry.terraform.io/hashicorp/aws"
REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"]
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CORS_S3_ORIGIN = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"
UNKNOWN_UNTIL_APPLY = ["arn", "caller_reference", "domain_name", "etag", "hosted_zone_id", "id",
                       "in_progress_validation_batches", "last_modified_time", "status", "trusted_key_groups",
                       "trusted_signers"]


def rid(rng, prefix="E", n=13):
    return prefix + "".join(rng.choice(ID_ALPHABET) for _ in range(n))


def cache_behavior(rng, origin_id, path_pattern=None):
    legacy = rng.random() < 0.5
    behavior = {
        "allowed_methods": ["GET", "HEAD"],
        "cache_policy_id": "" if legacy else CACHING_OPTIMIZED,
        "cached_methods": ["GET", "HEAD"],
        "compress": not legacy,
        "default_ttl": rng.choice([0, 300, 3600, 86400]) if legacy else 0,
        "field_level_encryption_id": "",
        "forwarded_values": [{
            "cookies": [{"forward": "none", "whitelisted_names": []}],
            "headers": [],
            "query_string": rng.random() < 0.6,
            "query_string_cache_keys": [],
        }] if legacy else [],
        "function_association": [],
        "grpc_config": [{"enabled": False}],
        "lambda_function_association": [],
        "max_ttl": 31536000 if legacy else 0,
        "min_ttl": 0,
        "origin_request_policy_id": "" if legacy else CORS_S3_ORIGIN,
        "realtime_log_config_arn": "",
        "response_headers_policy_id": "",
        "smooth_streaming": False,
        "target_origin_id": origin_id,
        "trusted_key_groups": [],
        "trusted_signers": [],
        "viewer_protocol_policy": rng.choice(["allow-all", "redirect-to-https", "https-only"]),
    }
    if path_pattern is not None:
        behavior["path_pattern"] = path_pattern
    return dict(sorted(behavior.items()))


def bucket_values(name, region):
    return {
        "acceleration_status": "", "acl": None, "arn": f"arn:aws:s3:::{name}", "bucket": name,
        "bucket_domain_name": f"{name}.s3.amazonaws.com", "bucket_prefix": "",
        "bucket_regional_domain_name": f"{name}.s3.{region}.amazonaws.com",
        "cors_rule": [], "force_destroy": False, "grant": [], "hosted_zone_id": "Z3AQBSTGFYJSTF",
        "id": name, "lifecycle_rule": [], "logging": [], "object_lock_configuration": [],
        "object_lock_enabled": False, "policy": "", "region": region, "replication_configuration": [],
        "request_payer": "BucketOwner", "server_side_encryption_configuration": [{"rule": [{
            "apply_server_side_encryption_by_default": [{"kms_master_key_id": "", "sse_algorithm": "AES256"}],
            "bucket_key_enabled": False}]}],
        "tags": {}, "tags_all": {}, "timeouts": None, "versioning": [{"enabled": False, "mfa_delete": False}],
        "website": [], "website_domain": None, "website_endpoint": None,
    }


def distribution_values(rng, index, buckets, region, global_host):
    origins = []
    for bucket in buckets:
        origins.append({
            "connection_attempts": 3, "connection_timeout": 10, "custom_header": [], "custom_origin_config": [],
            "domain_name": f"{bucket}.s3.amazonaws.com" if global_host else f"{bucket}.s3.{region}.amazonaws.com",
            "origin_access_control_id": "", "origin_id": f"S3-{bucket}", "origin_path": "", "origin_shield": [],
            "s3_origin_config": [{"origin_access_identity": ""}], "vpc_origin_config": [],
        })
    ordered = [cache_behavior(rng, rng.choice(origins)["origin_id"], f"/assets/{index}/{k}/*")
               for k in range(rng.choice([0, 1, 1, 2, 3]))]
    distribution_id = rid(rng)
    return {
        "aliases": [f"cdn{index}.brightlane.io"] if rng.random() < 0.5 else [],
        "arn": f"arn:aws:cloudfront::123456789012:distribution/{distribution_id}",
        "caller_reference": f"terraform-2024{rng.randrange(10**16):016d}",
        "comment": f"terraform audit {index:05d}",
        "continuous_deployment_policy_id": "",
        "custom_error_response": [],
        "default_cache_behavior": [cache_behavior(rng, origins[0]["origin_id"])],
        "default_root_object": "",
        "domain_name": f"d{rid(rng, '', 13).lower()}.cloudfront.net",
        "enabled": True,
        "etag": rid(rng),
        "hosted_zone_id": "Z2FDTNDATAQYW2",
        "http_version": "http2",
        "id": distribution_id,
        "in_progress_validation_batches": 0,
        "is_ipv6_enabled": True,
        "last_modified_time": f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} "
                              f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(10**9):09d} +0000 UTC",
        "logging_config": [],
        "ordered_cache_behavior": ordered,
        "origin": origins,
        "origin_group": [],
        "price_class": "PriceClass_All",
        "restrictions": [{"geo_restriction": [{"locations": [], "restriction_type": "none"}]}],
        "retain_on_delete": False,
        "staging": False,
        "status": "Deployed",
        "tags": {"Team": "media", "Index": str(index)},
        "tags_all": {"Team": "media", "Index": str(index)},
        "trusted_key_groups": [{"enabled": False, "items": []}],
        "trusted_signers": [{"enabled": False, "items": []}],
        "viewer_certificate": [{"acm_certificate_arn": "", "cloudfront_default_certificate": True,
                                "iam_certificate_id": "", "minimum_protocol_version": "TLSv1",
                                "ssl_support_method": ""}],
        "wait_for_deployment": True,
        "web_acl_id": "",
    }


def sensitive_shape(value):
    """Terraform's *_sensitive values: the structure of the value, `false` for non-sensitive leaves."""
    if isinstance(value, dict):
        return {k: sensitive_shape(v) for k, v in value.items() if isinstance(v, (dict, list))}
    if isinstance(value, list):
        return [sensitive_shape(v) if isinstance(v, (dict, list)) else False for v in value]
    return False


def expressions(values, bucket_refs):
    """configuration expressions: constants, and origin domain names as references to the buckets."""
    def constant(value):
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return [{k: constant(v) for k, v in item.items() if v not in ([], "", None)} for item in value]
        return {"constant_value": value}

    out = {}
    for key in ("aliases", "comment", "enabled", "http_version", "is_ipv6_enabled", "price_class",
                "default_cache_behavior", "ordered_cache_behavior", "restrictions", "viewer_certificate"):
        if values.get(key) not in ([], "", None):
            out[key] = constant(values[key])
    out["origin"] = []
    for origin, (bucket_address, attribute) in zip(values["origin"], bucket_refs):
        out["origin"].append({
            "domain_name": {"references": [f"{bucket_address}.{attribute}", bucket_address]},
            "origin_id": {"constant_value": origin["origin_id"]},
            "s3_origin_config": [{"origin_access_identity": {"constant_value": ""}}],
        })
    return dict(sorted(out.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    target = int(args.megabytes * 1_000_000)

    modules = {}  # module address ("" = root) -> lists
    def module(address):
        if address not in modules:
            modules[address] = {"planned": [], "prior": [], "config": []}
        return modules[address]

    changes = []
    size = 2000  # the envelope
    index = 0
    while size < target:
        module_address = "" if index % 2 == 0 else f"module.cdn_{(index // 2) % 40:02d}"
        prefix = module_address + "." if module_address else ""
        region = REGIONS[index % len(REGIONS)]
        created = rng.random() < 0.1
        global_host = rng.random() < 0.3
        buckets = [f"acct-media-{index:05d}-{k}" for k in range(rng.choice([1, 1, 2]))]
        entries = []
        bucket_refs = []
        for k, bucket in enumerate(buckets):
            name = f"media_{index:05d}_{k}"
            bucket_refs.append((f"aws_s3_bucket.{name}", "bucket_domain_name" if global_host else "bucket_regional_domain_name"))
            entries.append(("aws_s3_bucket", name, bucket_values(bucket, region), 0, {}))
        values = distribution_values(rng, index, buckets, region, global_host)
        entries.append(("aws_cloudfront_distribution", f"site_{index:05d}", values, 1, bucket_refs))
        lists = module(module_address)
        for rtype, name, vals, schema, refs in entries:
            address = f"{prefix}{rtype}.{name}"
            is_new = created and rtype == "aws_cloudfront_distribution"
            planned_vals = {k: v for k, v in vals.items() if not (is_new and k in UNKNOWN_UNTIL_APPLY)}
            resource = {"address": address, "mode": "managed", "type": rtype, "name": name,
                        "provider_name": PROVIDER, "schema_version": schema,
                        "values": planned_vals, "sensitive_values": sensitive_shape(planned_vals)}
            lists["planned"].append(resource)
            if not is_new:
                lists["prior"].append(dict(resource, values=vals, sensitive_values=sensitive_shape(vals)))
            change = {"actions": ["create"] if is_new else ["no-op"],
                      "after": planned_vals,
                      "after_sensitive": sensitive_shape(planned_vals),
                      "after_unknown": {k: True for k in UNKNOWN_UNTIL_APPLY if k in vals} if is_new else {},
                      "before": None if is_new else vals,
                      "before_sensitive": False if is_new else sensitive_shape(vals)}
            rc = {"address": address, "mode": "managed", "type": rtype, "name": name,
                  "provider_name": PROVIDER, "change": change}
            if module_address:
                rc = {"address": address, "module_address": module_address, **{k: v for k, v in rc.items() if k != "address"}}
            changes.append(rc)
            config_expr = expressions(vals, refs) if rtype == "aws_cloudfront_distribution" else \
                {"bucket": {"constant_value": vals["bucket"]}}
            lists["config"].append({"address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
                                    "provider_config_key": "aws", "expressions": config_expr,
                                    "schema_version": schema})
            size += len(json.dumps(resource, separators=(",", ":"))) * (4 if not is_new else 2) \
                + len(json.dumps(config_expr, separators=(",", ":"))) + 300
        index += 1

    def module_tree(kind):
        root = {"resources": modules.get("", {}).get(kind, [])}
        children = [{"resources": modules[a][kind], "address": a} for a in sorted(modules) if a]
        if kind == "config":
            root["module_calls"] = {a.split(".", 1)[1]: {"source": "./modules/cdn", "module": {"resources": modules[a][kind]}}
                                    for a in sorted(modules) if a}
        else:
            root["child_modules"] = [dict(sorted(c.items())) for c in children]
        return root

    plan = {
        "applyable": True,
        "complete": True,
        "configuration": {
            "provider_config": {"aws": {"expressions": {"region": {"constant_value": "eu-west-1"}},
                                        "full_name": PROVIDER, "name": "aws", "version_constraint": "~> 5.0"}},
            "root_module": module_tree("config"),
        },
        "errored": False,
        "format_version": "1.2",
        "planned_values": {"root_module": module_tree("planned")},
        "prior_state": {"format_version": "1.0", "terraform_version": "1.9.8",
                        "values": {"root_module": module_tree("prior")}},
        "resource_changes": changes,
        "terraform_version": "1.9.8",
        "timestamp": "2026-11-30T09:00:00Z",
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(plan, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
