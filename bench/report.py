#!/usr/bin/env python3
"""Writes BENCHMARKS.md from the results bench/bench.sh left in a folder (hyperfine JSON exports,
peak RSS files, the verifier benchmarks' output). Run by `make bench`; not meant to be run alone.

    python3 bench/report.py RESULTS_DIR OUT.md --cfdoctor PATH --venv PATH ...
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess

AIM_CFN_LINT = 100
AIM_CHECKOV = 200
AIM_SIGV4 = 35


def sh(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def support_text(results, name):
    """The first line cfdoctor printed on a file it could not read, without markup characters."""
    text = read(os.path.join(results, name + ".support"), "?").replace("`", "'").replace("|", "/")
    return text if len(text) < 120 else text[:117] + "…"


def read(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return default


def hyperfine(results, name):
    text = read(os.path.join(results, name + ".json"))
    if text is None:
        return {}
    out = {}
    for entry in json.loads(text)["results"]:
        times = entry["times"]
        out[entry["command"]] = {
            "median": statistics.median(times), "min": min(times), "max": max(times),
            "stddev": statistics.stdev(times) if len(times) > 1 else 0.0, "runs": len(times),
            "cpu": entry["user"] + entry["system"],
        }
    return out


def ms(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def timing(entry):
    if not entry:
        return "—", "—"
    return ms(entry["median"]), (f"{ms(entry['min'])} – {ms(entry['max'])} (σ {ms(entry['stddev'])}, {entry['runs']} runs; "
                                 f"CPU user+sys {ms(entry['cpu'])})")


def rate(text, label):
    match = re.search(re.escape(label) + r"[^:]*: (\d+) urls/s", text or "")
    return int(match.group(1)) if match else None


def machine(args):
    cpu = "?"
    for line in (read("/proc/cpuinfo", "") or "").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in (read("/proc/meminfo", "") or "").splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    os_name = "?"
    for line in (read("/etc/os-release", "") or "").splitlines():
        if line.startswith("PRETTY_NAME="):
            os_name = line.split("=", 1)[1].strip('"')
    swift = sh("swift", "--version").splitlines()
    venv = args.venv
    return [
        ("CPUs (`nproc`)", sh("nproc")),
        ("CPU model", cpu),
        ("Memory", memory),
        ("OS", f"{os_name}, Linux {platform.release()} {platform.machine()}"),
        ("Swift", swift[0] if swift else "?"),
        ("Python", sh(args.python, "-c", "import sys; print(sys.version.split()[0])")),
        ("botocore / rsa", sh(args.python, "-c", "import botocore, rsa; print(botocore.__version__, '/', rsa.__version__)")),
        ("cfn-lint", sh(f"{venv}/bin/cfn-lint", "--version")),
        ("checkov", sh(f"{venv}/bin/checkov", "--version")),
        ("hyperfine", sh("hyperfine", "--version")),
        ("cfdoctor", sh(args.cfdoctor, "--version") + f" (release build, commit {sh('git', 'rev-parse', '--short', 'HEAD')}"
         + (", uncommitted changes" if sh("git", "status", "--porcelain", "--untracked-files=no") else "") + ")"),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("out")
    for option in ("cfdoctor", "venv", "python"):
        parser.add_argument("--" + option, required=True)
    parser.add_argument("--baseline", default="")
    for option in ("small-runs", "linter-runs", "large-runs", "rss-runs", "verify-seconds", "presign-n", "cf-n"):
        parser.add_argument("--" + option, required=True)
    args = parser.parse_args()
    r = args.results
    quick = os.environ.get("BENCH_QUICK") == "1"
    lines = []
    add = lines.append

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    add("# Benchmarks")
    add("")
    add(f"Written by `make bench` (bench/bench.sh, bench/report.py) on {now}. Every ratio compares two "
        "programs measured in the same run on the same machine: ratios are the claim, absolute times are "
        "context. Timings are wall-clock medians of repeated runs (hyperfine, `-N`: no shell in between) "
        "with min – max and σ as the spread; peak memory is GNU time's maximum resident set size.")
    if quick:
        add("")
        add("**BENCH_QUICK=1: few runs, figures for checking the script only.**")
    add("")
    add("## Machine")
    add("")
    add("| | |")
    add("|---|---|")
    for key, value in machine(args):
        add(f"| {key} | {value} |")
    load_start, load_end = read(os.path.join(r, "load-start"), "?"), read(os.path.join(r, "load-end"), "?")
    add(f"| Load average (1/5/15 min) at start / end | {' '.join(load_start.split()[:3])} / {' '.join(load_end.split()[:3])} |")
    add("")
    add("A load average above the number of CPUs means other work shared the machine during the run: "
        "absolute times are then inflated, and ratios between programs measured in the same run stay "
        "the figure to trust. Instruction counts (`valgrind --tool=callgrind`, in bench/README.md) "
        "are the repeatable measure of cfdoctor's own cost.")

    # 1. Cold check and linters
    small = hyperfine(r, "small")
    linters = hyperfine(r, "linters")
    add("")
    add("## 1. Cold check against the linters, on the same CloudFormation template")
    add("")
    add("The 18-line template (`bench/generate_cloudformation.py`: a private bucket behind a distribution, "
        "the article's setup) passes cfn-lint; each command is a fresh process. "
        f"{args.small_runs} runs for cfdoctor, {args.linter_runs} for the linters (1 warm-up each).")
    add("")
    add("| command | median | spread |")
    add("|---|---|---|")
    for label in ("cfdoctor check article example", "cfdoctor check 40 behaviors", "cfdoctor check template"):
        entry = small.get(label)
        if label == "cfdoctor check template" and not entry:
            support = support_text(r, "cfn")
            add(f"| {label} | not supported by this build | `{support}` |")
            continue
        add(f"| {label} | " + " | ".join(timing(entry)) + " |")
    for label in ("cfn-lint template", "checkov -f template"):
        add(f"| {label} | " + " | ".join(timing(linters.get(label))) + " |")
    for label in ("baseline check article example", "baseline check 40 behaviors"):
        if small.get(label):
            add(f"| {label} (before: `{args.baseline}`) | " + " | ".join(timing(small.get(label))) + " |")
    add("")
    template = small.get("cfdoctor check template")
    article = small.get("cfdoctor check article example")
    for tool, aim in (("cfn-lint template", AIM_CFN_LINT), ("checkov -f template", AIM_CHECKOV)):
        other = linters.get(tool)
        name = tool.split()[0]
        if other and template:
            ratio = other["median"] / template["median"]
            add(f"- **{name} ÷ cfdoctor on the template: {ratio:.0f}×** (aim ≥ {aim}×: {'met' if ratio >= aim else 'not met'})")
        elif other and article:
            add(f"- {name} ÷ cfdoctor on the template: not measurable, this build cannot read CloudFormation. "
                f"For context only, {name} on the template ÷ cfdoctor on the article's export: "
                f"{other['median'] / article['median']:.0f}× (aim ≥ {aim}× on the same template)")

    # 2. Large inputs
    add("")
    add("## 2. Large inputs against Python's `json.load` of the same file")
    add("")
    add("`cfdoctor check FILE` (text report to /dev/null) against `python3 -c 'import json, sys; "
        "json.load(open(sys.argv[1]))' FILE`, which only parses. Both in one hyperfine run per file, "
        f"{args.large_runs} runs each after 1 warm-up; peak RSS is the median of {args.rss_runs} runs. "
        "cfdoctor judges a large input's distributions on every core (the rules are pure functions of "
        "one distribution); parsing and loading run on one, as `json.load` does. CPU is user + system "
        "time summed over threads, so the CPU ratio is the one-core comparison.")
    add("")
    add("| input | size | cfdoctor check | json.load | cfdoctor ÷ json.load (aim ≤ 1) | CPU ÷ CPU | cfdoctor peak RSS | RSS ÷ file size (aim ≤ 2) | json.load peak RSS |")
    add("|---|---|---|---|---|---|---|---|---|")
    medians = {}
    descriptions = {
        "list-1000": "`list-distributions`, 1,000 distributions",
        "list-10000": "`list-distributions`, 10,000 distributions",
        "plan-50mb": "`terraform show -json` plan",
    }
    for name, description in descriptions.items():
        runs = hyperfine(r, name)
        size = int(read(os.path.join(r, name + ".bytes"), "0"))
        mine = runs.get(f"cfdoctor check {name}")
        python = runs.get(f"json.load {name}")
        python_rss = read(os.path.join(r, name + ".python.rss"))
        python_cell = f"{ms(python['median'])} ({ms(python['min'])} – {ms(python['max'])}; CPU {ms(python['cpu'])})" if python else "—"
        python_rss_cell = f"{int(python_rss) / 1024:.0f} MB" if python_rss else "—"
        if mine:
            medians[name] = (mine["median"], size)
            cfd_rss = int(read(os.path.join(r, name + ".cfdoctor.rss"), "0"))
            add(f"| {description} | {size / 1e6:.1f} MB | {ms(mine['median'])} ({ms(mine['min'])} – {ms(mine['max'])}; CPU {ms(mine['cpu'])}) "
                f"| {python_cell} | **{mine['median'] / python['median']:.2f}×** | {mine['cpu'] / python['cpu']:.2f}× | {cfd_rss / 1024:.0f} MB "
                f"| **{cfd_rss * 1024 / size:.2f}×** | {python_rss_cell} |")
        else:
            support = support_text(r, name)
            add(f"| {description} | {size / 1e6:.1f} MB | not supported by this build (`{support}`) | {python_cell} "
                f"| — | — | — | — | {python_rss_cell} |")
    before_rows = []
    for name, description in descriptions.items():
        runs = hyperfine(r, name)
        before, after = runs.get(f"baseline check {name}"), runs.get(f"cfdoctor check {name}")
        if before and after:
            before_rss = int(read(os.path.join(r, name + ".baseline.rss"), "0"))
            after_rss = int(read(os.path.join(r, name + ".cfdoctor.rss"), "0"))
            before_rows.append(f"| {description} | {ms(before['median'])} (CPU {ms(before['cpu'])}) | {ms(after['median'])} "
                               f"(CPU {ms(after['cpu'])}) | {before['median'] / after['median']:.1f}× | {before_rss / 1024:.0f} MB "
                               f"| {after_rss / 1024:.0f} MB |")
    if before_rows:
        add("")
        add(f"Before and after, same runs (before: `{args.baseline}`):")
        add("")
        add("| input | before | after | speed-up | peak RSS before | peak RSS after |")
        add("|---|---|---|---|---|---|")
        lines.extend(before_rows)
    if "list-1000" in medians and "list-10000" in medians:
        (t1, s1), (t10, s10) = medians["list-1000"], medians["list-10000"]
        add("")
        add(f"Linearity: 10,000 vs 1,000 distributions is {s10 / s1:.1f}× the bytes and {t10 / t1:.1f}× the time "
            "(process start-up, a few ms, is in both).")

    # 3. Signatures
    add("")
    add("## 3. Signature verifications per second, one core")
    add("")
    sigv4_swift = read(os.path.join(r, "sigv4.swift"), "")
    sigv4_python = read(os.path.join(r, "sigv4.python"), "")
    swift = rate(sigv4_swift, "swift verify")
    presign = rate(sigv4_python, "botocore presign")
    verify = rate(sigv4_python, "botocore verify")
    add(f"SigV4: `bench/VerifyBench` (release) verifies every botocore vector of "
        f"fixtures/presigned/botocore-vectors.json round-robin for {args.verify_seconds} s; "
        f"`bench/botocore_presign.py {args.presign_n}` presigns with botocore. Both pinned to CPU 0 (`taskset -c 0`).")
    add("")
    add("| | rate |")
    add("|---|---|")
    add(f"| cfdoctor SigV4 verify (parse + verify) | {swift or '—'} urls/s |")
    add(f"| botocore `generate_presigned_url` (presign) | {presign or '—'} urls/s |")
    add(f"| botocore re-sign to verify (`S3SigV4QueryAuth`) | {verify or '—'} urls/s |")
    add("")
    if swift and presign:
        ratio = swift / presign
        add(f"- **cfdoctor verify ÷ botocore presign: {ratio:.1f}×** (aim ≥ {AIM_SIGV4}×: {'met' if ratio >= AIM_SIGV4 else 'not met'})")
    if swift and verify:
        add(f"- cfdoctor verify ÷ botocore verify (the closer like-for-like): {swift / verify:.1f}×")
    add("")
    cf_python = read(os.path.join(r, "cfsign.python"), "")
    cf_swift = read(os.path.join(r, "cfsign.swift"))
    cf_sign = rate(cf_python, "botocore CloudFrontSigner sign")
    cf_verify = rate(cf_python, "rsa verify")
    add(f"CloudFront signed URLs (canned policy, RSA-2048, SHA-1): `bench/cloudfront_signer.py {args.cf_n}`, "
        "botocore's `CloudFrontSigner` with `rsa` signing, and `rsa.verify` over the canned policy rebuilt from the URL.")
    add("")
    add("| | rate |")
    add("|---|---|")
    swift_cf = rate(cf_swift, "swift cloudfront verify") if cf_swift else None
    swift_cf_sign = rate(cf_swift, "swift cloudfront sign") if cf_swift else None
    add(f"| cfdoctor CloudFront signature verify (`bench/CFSignBench`) | {f'{swift_cf} urls/s' if swift_cf else 'not in this build (no CloudFrontSigning library yet)'} |")
    if swift_cf_sign:
        add(f"| cfdoctor `CloudFrontSigner` sign | {swift_cf_sign} urls/s |")
    add(f"| botocore `CloudFrontSigner` sign (rsa) | {cf_sign or '—'} urls/s |")
    add(f"| `rsa.verify` (pure Python) | {cf_verify or '—'} urls/s |")
    if swift_cf and cf_sign:
        add("")
        add(f"- cfdoctor verify ÷ botocore CloudFrontSigner sign: {swift_cf / cf_sign:.0f}×; ÷ rsa.verify: {swift_cf / cf_verify:.0f}×")
        if swift_cf_sign:
            add(f"- cfdoctor sign ÷ botocore CloudFrontSigner sign: {swift_cf_sign / cf_sign:.0f}×")

    # Instruction counts
    counts = {os.path.basename(f)[3:-3]: int(read(os.path.join(r, f), "0") or 0)
              for f in os.listdir(r) if f.startswith("ir.") and f.endswith(".ir")}
    if counts:
        add("")
        add("## 4. Instruction counts (callgrind)")
        add("")
        add("`valgrind --tool=callgrind` total instructions of one whole run (process start-up included): "
            "deterministic, so they show what changed even on a loaded machine.")
        add("")
        add("| run | before | after | before ÷ after |")
        add("|---|---|---|---|")
        for name, label in (("article", "check article example"), ("behaviors-40", "check 40 behaviors"),
                            ("list-1000", "check list-distributions, 1,000")):
            before, after = counts.get(f"baseline.{name}"), counts.get(f"cfdoctor.{name}")
            if after:
                add(f"| {label} | {f'{before:,}' if before else '—'} | {after:,} | {f'{before / after:.1f}×' if before else '—'} |")
        py, start = counts.get("python.list-1000"), counts.get("python.startup")
        if py and start:
            add("")
            add(f"For scale: Python's `json.load` of the 1,000-distribution file is {py:,} instructions, "
                f"{py - start:,} of them after the interpreter's own start-up ({start:,}).")

    # Reproduce
    add("")
    add("## Reproduce")
    add("")
    add("```")
    add("make bench                      # everything above; BENCH_QUICK=1 for a fast smoke run")
    add("```")
    add("")
    add("Inputs (generated into .build-bench/inputs by committed, seeded generators; same seed, same bytes):")
    add("")
    add("- `bench/generate_distributions.py config --behaviors 40` — the article's distribution grown to 40 behaviors over 6 S3 origins")
    add("- `bench/generate_distributions.py list --count 1000|10000` — `aws cloudfront list-distributions` as the CLI prints it after paginating")
    add("- `bench/generate_terraform_plan.py --megabytes 50` — `terraform show -json` of a plan with many `aws_cloudfront_distribution` resources")
    add("- `bench/generate_cloudformation.py` — the 18-line template")
    add("")
    add("Commands, as hyperfine ran them:")
    add("")
    add("```")
    for command in (read(os.path.join(r, "commands.txt"), "") or "").splitlines():
        add(command)
    add("/usr/bin/time -f %M <each large-input command>   # peak RSS")
    add(f"taskset -c 0 bench/VerifyBench/.build/release/verify-bench fixtures/presigned/botocore-vectors.json {args.verify_seconds}")
    add(f"taskset -c 0 python3 bench/botocore_presign.py {args.presign_n}")
    add(f"taskset -c 0 python3 bench/cloudfront_signer.py {args.cf_n}")
    add("```")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
