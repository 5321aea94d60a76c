#!/usr/bin/env python3
"""Writes the seed corpora under Fuzz/corpus/<target>/ from fixtures/ (run from the repository
root: python3 Fuzz/make-corpus.py). The output is committed; libFuzzer adds what it finds to a
scratch copy (Fuzz/run.sh), never to these directories. Seeds stay small: the fuzzer mutates them.
"""
import base64, hashlib, json, os, pathlib, shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Fuzz" / "corpus"
SEPARATOR = b"\n#--8<--#\n"  # FuzzTarget.separator
MAX_SEED = 24 * 1024
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  # FuzzTarget.secretKey

def put(target, name, data):
    if len(data) > MAX_SEED:
        print(f"{target}: {name} skipped ({len(data)} bytes > {MAX_SEED})")
        return
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)

def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    fx = ROOT / "fixtures"
    urls = [p.read_bytes().strip() for p in sorted((fx / "urls").glob("*.url"))]
    vectors = json.loads((fx / "presigned" / "botocore-vectors.json").read_text())["vectors"]
    # A spread of botocore vectors: every 16th, so addressing styles, regions and quirks vary.
    for v in vectors[::16]:
        if v.get("url"):
            urls.append(v["url"].encode())
    urls.append(json.loads((fx / "reference" / "sigv4-presigned-get-example.json").read_text())["presigned_url"].encode())
    for i, u in enumerate(urls):
        put("url", f"url-{i:02d}", u)

    bodies = sorted(p for p in (fx / "errors").iterdir() if p.suffix in (".xml", ".html", ".txt"))
    for p in bodies:
        put("xml", p.name, p.read_bytes())

    configs = sorted((fx / "distributions").glob("*.json")) + sorted((fx / "policies").glob("*.json")) \
        + sorted((fx / "bad").glob("*.json"))
    for p in configs:
        put("json", p.name, p.read_bytes())
    # The YAML loader reads the same shapes as YAML (CloudFormation-style block mappings).
    import yaml
    for p in sorted((fx / "distributions").glob("*.json"))[:8]:
        try:
            doc = json.loads(p.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        put("yaml", p.stem + ".yaml", yaml.safe_dump(doc, sort_keys=False).encode())
    put("yaml", "anchors.yaml", b"a: &x {b: [1, 2, *y]}\nc: *x\nd: !Ref Bucket\ne: !GetAtt [B, Arn]\n")
    put("yaml", "flow.yaml", b"{DistributionConfig: {Origins: {Quantity: 1, Items: [{Id: o, DomainName: b.s3.amazonaws.com}]}}}\n")

    settings = [
        b"fail-on: warning\nignore: [CFD503]\nseverity: { CFD502: warning }\nsignature-lifetime: 15m\nmax-exposure: 2h\npresigned-paths: [\"/downloads/*\"]\n",
        b"fail-on: never\nignore:\n  - CFD101\n  - CFD610\nsignature-lifetime: 900\n",
        b"{\"fail-on\": \"info\", \"presigned-paths\": \"*\"}\n",
        b"\xef\xbb\xbfseverity:\r\n  CFD301: info\r\n",
    ]
    for i, s in enumerate(settings):
        put("settings", f"settings-{i}.yml", s)

    small = [p for p in sorted((fx / "distributions").glob("*.json")) if p.stat().st_size < 8 * 1024]
    xml = [p for p in bodies if p.suffix == ".xml"]
    for i, p in enumerate(small):
        parts = [p.read_bytes(), urls[i % len(urls)], xml[i % len(xml)].read_bytes()]
        put("check", f"check-{i:02d}", SEPARATOR.join(parts[: 1 + i % 3]))

    cloudfront_signed(fx)
    # The CloudFormation loader and intrinsic resolver: every template, good and bad (main.tf is
    # HCL, which the loader refuses: a seed for that refusal).
    for p in sorted((fx / "iac" / "cloudformation").iterdir()) + sorted((fx / "iac" / "bad").iterdir()):
        put("cloudformation", p.name, p.read_bytes())
    # The Terraform loader and walker: `terraform show -json` plans and state, the real 1.0.3 plan
    # among them, and the raw state file Terraform 1.0.3 wrote beside it.
    for p in sorted((fx / "iac" / "terraform").iterdir()):
        put("terraform", p.name, p.read_bytes())
    put("terraform", "media.tfstate", (fx / "iac" / "tools" / "terraform-1.0.3-remote-state" / "media.tfstate").read_bytes())

    for d in sorted(OUT.iterdir()):
        files = list(d.iterdir())
        print(f"{d.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")

def cloudfront_signed(fx):
    """cfurl seeds: each distinct URL (with its cookies) of the botocore vectors, and hand-made
    variants: truncated, repeated and mixed parameters, and the secret key where a user might paste it."""
    vectors = json.loads((fx / "cloudfront-signed" / "vectors.json").read_text())["vectors"]
    seen = set()
    def seed(name, url, cookies=()):
        data = url.encode() + (SEPARATOR + "\n".join(cookies).encode() if cookies else b"")
        if data not in seen:
            seen.add(data)
            put("cfurl", f"{len(seen):03d}-{name.replace('/', '-')}", data)
    for v in vectors:
        seed(v["name"], v["url"], v.get("cookies") or ())
    by_name = {v["name"]: v for v in vectors}
    canned = by_name["canned/plain/valid"]["url"]
    custom = by_name["custom/everything"]["url"]
    cookies = by_name["cookies/custom/valid"]
    seed("mutated-signature-cut", canned[: canned.index("Signature=") + 120] + "&Key-Pair-Id=K2TESTKEYAAAAA")
    seed("mutated-repeated-expires", canned + "&Expires=1767290400&Signature=AAAA")
    seed("mutated-fragment", canned + "#Expires=1")
    seed("mutated-s3-and-cloudfront", urls_s3(fx) + "&Expires=1767290400&Key-Pair-Id=K2TESTKEYAAAAA&Signature=" + canned.split("Signature=")[1].split("&")[0])
    seed("mutated-cookie-quoted", cookies["url"], [c.replace("Policy=", "Policy=\"").replace("; CloudFront-Signature", "\"; CloudFront-Signature") for c in cookies["cookies"]])
    seed("mutated-cookie-and-url", custom, cookies["cookies"])
    # The secret key never printed, wherever it appears: in Key-Pair-Id, in a custom policy's
    # Resource (base64, CloudFront's alphabet) and in a cookie.
    seed("secret-key-pair-id", canned.replace("K2TESTKEYAAAAA", SECRET_KEY.replace("/", "%2F")))
    policy = json.dumps({"Statement": [{"Resource": "https://d111111abcdef8.cloudfront.net/" + SECRET_KEY + "/*",
                                        "Condition": {"DateLessThan": {"AWS:EpochTime": 1767290400}}}]}, separators=(",", ":"))
    encoded = base64.b64encode(policy.encode()).decode().translate(str.maketrans("+=/", "-_~"))
    seed("secret-in-policy", f"https://d111111abcdef8.cloudfront.net/a.mp4?Policy={encoded}&Signature=" + canned.split("Signature=")[1])
    seed("secret-in-cookie", cookies["url"], ["Cookie: CloudFront-Key-Pair-Id=" + SECRET_KEY + "; " + cookies["cookies"][0].split(": ", 1)[1]])

def urls_s3(fx):
    return (fx / "urls" / "article-s3.url").read_text().strip()

main()
