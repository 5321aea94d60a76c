#!/usr/bin/env python3
"""Writes the seed corpora under Fuzz/corpus/<target>/ from fixtures/ (run from the repository
root: python3 Fuzz/make-corpus.py). The output is committed; libFuzzer adds what it finds to a
scratch copy (Fuzz/run.sh), never to these directories. Seeds stay small: the fuzzer mutates them.
"""
import hashlib, json, os, pathlib, shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Fuzz" / "corpus"
SEPARATOR = b"\n#--8<--#\n"  # FuzzTarget.separator
MAX_SEED = 24 * 1024

def put(target, name, data):
    if len(data) > MAX_SEED:
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

    for d in sorted(OUT.iterdir()):
        files = list(d.iterdir())
        print(f"{d.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")

main()
