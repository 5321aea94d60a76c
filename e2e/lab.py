#!/usr/bin/env python3
"""cfdoctor's end-to-end lab: a real SigV4-verifying S3 (LocalStack) behind a CloudFront-like
edge (nginx), on 127.0.0.1 only. For every scenario in scenarios.py it presigns a URL with boto3,
sends it through the edge, captures S3's real answer, then asks the release cfdoctor about the
same distribution and URL in eight variants and checks that the verdict and the top-ranked cause
agree with the real answer.

Usage (make e2e runs it): e2e/lab.py [--scenario NAME]... [--update-fixtures] [--list]
Environment: E2E_BUILD_DIR (default .build-e2e), CFDOCTOR (default .build/release/cfdoctor),
E2E_KEEP=1 keeps the servers up after the run until Ctrl-C (prints their ports).
"""

from __future__ import annotations

import argparse
import importlib.util
import datetime as dt
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scenarios import ACCESS_KEY, BODY, EXPIRES, KEY, REPO, SCENARIOS, SECRET_KEY, VARIANTS, BY_NAME, Scenario  # noqa: E402

BUILD = Path(os.environ.get("E2E_BUILD_DIR", REPO / ".build-e2e")).resolve()
CFDOCTOR = Path(os.environ.get("CFDOCTOR", REPO / ".build/release/cfdoctor")).resolve()
REQUEST_TIMEOUT = 5      # seconds, every HTTP request
CFDOCTOR_TIMEOUT = 30    # seconds, every cfdoctor run
STARTUP_TIMEOUT = 60     # seconds, LocalStack's start

# ----------------------------------------------------------------------------- servers

_children: list[subprocess.Popen] = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(name: str, argv: list[str], env: dict | None = None) -> subprocess.Popen:
    log = open(BUILD / "logs" / f"{name}.log", "wb")
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env=env, cwd=BUILD, start_new_session=True)
    _children.append(proc)
    return proc


def stop_all() -> None:
    """Stop every server this run started, by its PID (its own process group)."""
    while _children:
        proc = _children.pop()
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            try:
                # LocalStack's orderly shutdown takes 10 s or more; its state is throwaway.
                proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)


def wait_until(what: str, ready, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"e2e: {what} exited with status {proc.returncode}; see {BUILD}/logs/")
        try:
            if ready():
                return
        except (OSError, ValueError, KeyError):  # not listening yet, or a half-started health answer
            pass
        time.sleep(0.2)
    raise SystemExit(f"e2e: {what} not ready after {timeout:.0f} s; see {BUILD}/logs/")


def start_localstack(port: int) -> subprocess.Popen:
    root = BUILD / "localstack"
    shutil.rmtree(root, ignore_errors=True)
    (root / "tmp").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        SERVICES="s3",
        GATEWAY_LISTEN=f"127.0.0.1:{port}",
        S3_SKIP_SIGNATURE_VALIDATION="0",   # verify SigV4 query signatures: the point of the lab
        DISABLE_EVENTS="1",                 # no analytics
        DNS_ADDRESS="0",                    # no DNS server
        SKIP_SSL_CERT_DOWNLOAD="1",
        OVERRIDE_IN_DOCKER="0",             # host mode: keep every file under FILESYSTEM_ROOT
        FILESYSTEM_ROOT=str(root / "fs"),
        LOCALSTACK_VOLUME_DIR=str(root / "volume"),
        TMPDIR=str(root / "tmp"),
    )
    python = str(BUILD / "venv/bin/python")
    proc = start("localstack", [python, "-m", "localstack.runtime.main"], env)

    def ready() -> bool:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_localstack/health", timeout=2) as r:
            return json.load(r)["services"].get("s3") in ("available", "running")

    wait_until("LocalStack", ready, proc, STARTUP_TIMEOUT)
    return proc


def nginx_config(edge_port: int, shim_port: int, ls_port: int, scenarios: list[Scenario]) -> str:
    prefix = BUILD / "nginx"
    buckets = "\n".join(f"        {s.bucket} {s.region};" for s in SCENARIOS)
    servers = "\n".join(s.nginx_server(f"127.0.0.1:{edge_port}", f"127.0.0.1:{shim_port}") for s in scenarios)
    shim = (Path(__file__).parent / "s3-shim.conf").read_text()
    shim = shim.replace("@SHIM_LISTEN@", f"127.0.0.1:{shim_port}").replace("@LOCALSTACK@", f"127.0.0.1:{ls_port}")
    shim = shim.replace("@BUCKET_REGIONS@", buckets)
    edge = (Path(__file__).parent / "edge.conf").read_text()
    edge = edge.replace("@EDGE_LISTEN@", f"127.0.0.1:{edge_port}").replace("@SCENARIO_SERVERS@", servers)
    main = (Path(__file__).parent / "nginx.conf").read_text()
    return main.replace("@PREFIX@", str(prefix)).replace("@EDGE@", edge).replace("@SHIM@", shim)


def start_nginx(edge_port: int, shim_port: int, ls_port: int, scenarios: list[Scenario]) -> subprocess.Popen:
    prefix = BUILD / "nginx"
    shutil.rmtree(prefix, ignore_errors=True)
    for d in ("conf", "logs", "cache", "temp"):
        (prefix / d).mkdir(parents=True)
    conf = prefix / "conf/nginx.conf"
    conf.write_text(nginx_config(edge_port, shim_port, ls_port, scenarios))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    test = subprocess.run([nginx, "-t", "-q", "-p", str(prefix), "-e", str(prefix / "logs/error.log"), "-c", str(conf)],
                          capture_output=True, text=True, timeout=30)
    if test.returncode != 0:
        raise SystemExit(f"e2e: nginx rejects {conf}:\n{test.stderr}")
    proc = start("nginx", [nginx, "-p", str(prefix), "-e", str(prefix / "logs/error.log"), "-c", str(conf)])

    def ready() -> bool:
        with socket.create_connection(("127.0.0.1", edge_port), timeout=1):
            return True

    wait_until("nginx", ready, proc, 10)
    return proc


# ----------------------------------------------------------------------------- S3 side

def s3_client(endpoint: str | None, region: str, addressing: str = "path", timeout: float = REQUEST_TIMEOUT):
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(region_name=region, signature_version="s3v4", s3={"addressing_style": addressing},
                      connect_timeout=timeout, read_timeout=timeout, retries={"max_attempts": 1}),
    )


def create_buckets(ls_port: int, scenarios: list[Scenario]) -> None:
    for s in scenarios:
        # LocalStack loads its S3 provider on the first request: allow it longer than the rest.
        client = s3_client(f"http://127.0.0.1:{ls_port}", s.region, timeout=STARTUP_TIMEOUT)
        client.create_bucket(Bucket=s.bucket, CreateBucketConfiguration={"LocationConstraint": s.region})
        client.put_object(Bucket=s.bucket, Key=KEY, Body=BODY, ContentType="text/plain")


@contextmanager
def frozen_clock(at: dt.datetime):
    """botocore reads the signing time from get_current_datetime, imported into botocore.auth and,
    when awscrt is installed (LocalStack brings it), into botocore.crt.auth: freeze both."""
    import importlib

    modules = [importlib.import_module(m) for m in ("botocore.auth", "botocore.crt.auth")
               if importlib.util.find_spec(m) is not None]
    originals = [m.get_current_datetime for m in modules]

    def fixed(remove_tzinfo=True):
        return at.replace(tzinfo=None) if remove_tzinfo else at

    for m in modules:
        m.get_current_datetime = fixed
    try:
        yield
    finally:
        for m, original in zip(modules, originals):
            m.get_current_datetime = original


def presign(s: Scenario, at: dt.datetime) -> str:
    """The URL a backend hands out: boto3, virtual-hosted regional unless the scenario says."""
    sg = s.signing
    if sg.scope_region:
        # Credential scope of another region, host still the bucket's regional host.
        client = s3_client(f"https://s3.{s.region}.amazonaws.com", sg.scope_region, "virtual")
    else:
        client = s3_client(None, s.region, sg.addressing)
    with frozen_clock(at):
        url = client.generate_presigned_url("get_object", Params={"Bucket": s.bucket, "Key": KEY}, ExpiresIn=EXPIRES)
    host = urllib.parse.urlsplit(url).hostname
    want = f"s3.{s.region}.amazonaws.com" if sg.addressing == "path" else s.regional_host
    if host != want:
        raise SystemExit(f"e2e: {s.name}: boto3 signed for {host}, expected {want}")
    return url


def mutate(url: str, how: str | None) -> str:
    if how is None:
        return url
    parts = urllib.parse.urlsplit(url)
    if how == "drop-query":
        return urllib.parse.urlunsplit(parts._replace(query=""))
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    out = []
    for k, v in pairs:
        if k == "X-Amz-Signature":
            if how == "tamper":
                v = v[:-1] + ("0" if v[-1] != "0" else "1")
            elif how == "upper":
                v = v.upper()
        out.append(f"{urllib.parse.quote(k, safe='')}={urllib.parse.quote(v, safe='-_.~')}")
    return urllib.parse.urlunsplit(parts._replace(query="&".join(out)))


def cloudfront_url(s: Scenario, url: str) -> str:
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(netloc=s.domain_name))


def fetch(edge_port: int, s: Scenario, url: str) -> tuple[int, str, list[tuple[str, str]], bytes]:
    parts = urllib.parse.urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    conn = http.client.HTTPConnection("127.0.0.1", edge_port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", target, headers={"Host": s.domain_name, "Accept-Encoding": "identity"})
        r = conn.getresponse()
        return r.status, r.reason, r.getheaders(), r.read(1 << 20)
    finally:
        conn.close()


VOLATILE = {"date", "connection", "keep-alive"}


def capture_text(status: int, reason: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    """What `curl -i` prints (status line, headers, blank line, body), minus Date/Connection."""
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers if k.lower() not in VOLATILE)
    return head.encode() + b"\r\n" + body


def s3_code(body: bytes) -> str | None:
    import re

    m = re.search(rb"<Code>([^<]+)</Code>", body)
    return m.group(1).decode() if m else None


# ----------------------------------------------------------------------------- cfdoctor

def run_cfdoctor(s: Scenario, url: str, now: dt.datetime, secret: bool, body: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["NO_COLOR"] = "1"
    if secret:
        env["AWS_ACCESS_KEY_ID"] = ACCESS_KEY
        env["AWS_SECRET_ACCESS_KEY"] = SECRET_KEY
    argv = [str(CFDOCTOR), "check", str(s.export_path.relative_to(REPO)), "--url", url,
            "--now", now.strftime("%Y-%m-%dT%H:%M:%SZ"), "--format", "json"]
    if body is not None:
        argv += ["--error-body", str(body)]
    try:
        p = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=REPO, timeout=CFDOCTOR_TIMEOUT,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return {"exit": "timeout", "top": "-", "severity": "-", "errors": 0, "detail": "timed out"}
    result = {"exit": p.returncode, "top": "-", "severity": "-", "errors": 0, "detail": ""}
    try:
        report = json.loads(p.stdout)
        findings = report.get("findings", [])
        result["errors"] = sum(1 for f in findings if f.get("severity") == "error")
        if findings:
            result["top"] = findings[0].get("rule", "?")
            result["severity"] = findings[0].get("severity", "?")
        result["rules"] = [f"{f.get('rule')}:{f.get('severity')}" for f in findings]
    except (json.JSONDecodeError, AttributeError):
        result["detail"] = (p.stderr.strip().splitlines() or ["no JSON output"])[0][:160]
    return result


def judge(s: Scenario, variant: str, real_fail: bool, r: dict) -> str:
    """agree | DISAGREE | n/a, per the rules in e2e/README.md."""
    note = s.undecidable.get(variant)
    if note is not None and not note.startswith("rule:"):
        return "n/a"
    if real_fail:
        if r["exit"] != 1 or r["severity"] != "error":
            return "DISAGREE"
        if note is None and r["top"] != s.cause:
            return "DISAGREE"
        return "agree"
    return "agree" if r["exit"] == 0 and r["errors"] == 0 else "DISAGREE"


# ----------------------------------------------------------------------------- the run

def run(scenarios: list[Scenario], update: bool) -> int:
    t0 = time.monotonic()
    for d in ("logs", "captures"):
        (BUILD / d).mkdir(parents=True, exist_ok=True)
    if not CFDOCTOR.is_file():
        raise SystemExit(f"e2e: {CFDOCTOR} missing; run `make build` (swift build -c release --product cfdoctor)")

    # Exports are a pure function of the definitions: write them, and git shows any drift.
    for s in scenarios:
        s.export_path.parent.mkdir(parents=True, exist_ok=True)
        text = s.export_text()
        if not s.export_path.exists() or s.export_path.read_text() != text:
            s.export_path.write_text(text)
            print(f"e2e: wrote {s.export_path.relative_to(REPO)}")

    ls_port, shim_port, edge_port = free_port(), free_port(), free_port()
    start_localstack(ls_port)
    t_ls = time.monotonic()
    create_buckets(ls_port, scenarios)
    start_nginx(edge_port, shim_port, ls_port, scenarios)
    t_up = time.monotonic()
    print(f"e2e: LocalStack on 127.0.0.1:{ls_port} ({t_ls - t0:.1f} s), S3 shim :{shim_port}, "
          f"edge :{edge_port}; {len(scenarios)} scenarios")

    rows, lab_errors, requests = [], [], 0
    for s in scenarios:
        request_time = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        signed_at = request_time - dt.timedelta(seconds=s.signing.age_seconds)
        valid = presign(s, signed_at)
        for p in s.prime:
            fetch(edge_port, s, cloudfront_url(s, mutate(valid, p.mutate)))
            requests += 1
        url = mutate(valid, s.signing.mutate)
        status, reason, headers, body = fetch(edge_port, s, cloudfront_url(s, url))
        requests += 1
        emulated = dict((k.lower(), v) for k, v in headers).get("x-e2e-emulated")
        code = s3_code(body) if status >= 300 else None
        capture = BUILD / "captures" / f"{s.name}.http.txt"
        capture.write_bytes(capture_text(status, reason, headers, body))
        if update:
            s.capture_path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(capture, s.capture_path)

        # The lab itself must produce what the scenario is about, or the comparison is void.
        if s.expect_status is not None and status != s.expect_status:
            lab_errors.append(f"{s.name}: edge answered {status} {code or ''}, scenario expects {s.expect_status}")
        elif s.expect_status is None and status < 300:
            lab_errors.append(f"{s.name}: edge answered {status}, scenario expects an error")
        if s.expect_code and code != s.expect_code:
            lab_errors.append(f"{s.name}: S3 code {code}, scenario expects {s.expect_code}")
        if s.leak and body != BODY:
            lab_errors.append(f"{s.name}: expected the cached private object, got {status}")
        if bool(emulated) != bool(s.emulated):
            lab_errors.append(f"{s.name}: emulated={emulated!r} but the scenario says {s.emulated!r}")

        real_fail = status >= 300 or s.leak
        real = f"{status} {code or ('leak' if s.leak else 'OK')}" + (" (emulated)" if emulated else "")
        now = request_time + dt.timedelta(seconds=60)
        for variant in VARIANTS:
            which, secret, with_body = variant.split("-")
            if with_body == "body" and status < 300:
                rows.append((s, variant, real, {"exit": "-", "top": "-", "severity": "-"}, "n/a"))
                continue
            v_url = url if which == "s3" else cloudfront_url(s, url)
            r = run_cfdoctor(s, v_url, now, secret == "secret", capture if with_body == "body" else None)
            rows.append((s, variant, real, r, judge(s, variant, real_fail, r)))

    t_end = time.monotonic()
    table = render(rows)
    passed = sum(1 for *_, v in rows if v == "agree")
    failed = sum(1 for *_, v in rows if v == "DISAGREE") + len(lab_errors)
    skipped = sum(1 for *_, v in rows if v == "n/a")
    out = [table, ""]
    for s, variant, real, r, verdict in rows:
        if verdict == "DISAGREE":
            found = " ".join(r.get("rules", [])) or r.get("detail") or "no findings"
            out.append(f"disagreement: {s.name} {variant}: real {real}, want {s.cause or 'no error'}; "
                       f"cfdoctor exit {r['exit']}: {found}")
    for e in lab_errors:
        out.append(f"LAB ERROR: {e}")
    out.append(f"{len(scenarios)} scenarios, {requests} requests through the edge, "
               f"{sum(1 for *_, r, _v in rows if r.get('exit') != '-')} cfdoctor runs; "
               f"servers up in {t_up - t0:.1f} s, scenarios in {t_end - t_up:.1f} s; "
               f"{skipped} variants n/a (no error body, or undecidable: see e2e/README.md)")
    out.append(f"{passed} passed, {failed} failed")
    text = "\n".join(out) + "\n"
    (BUILD / "agreement.txt").write_text(text)
    (BUILD / "agreement.json").write_text(json.dumps(
        [{"scenario": s.name, "variant": v, "real": real, "cfdoctor": r, "verdict": verdict}
         for s, v, real, r, verdict in rows], indent=2) + "\n")
    print(text, end="")
    print(f"e2e: table in {BUILD / 'agreement.txt'}, captures in {BUILD / 'captures'}")

    if os.environ.get("E2E_KEEP") == "1":
        print(f"e2e: E2E_KEEP=1: servers stay up (LocalStack 127.0.0.1:{ls_port}, shim :{shim_port}, "
              f"edge :{edge_port}); Ctrl-C stops them")
        try:
            while all(p.poll() is None for p in _children):
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 1 if failed else 0


def render(rows) -> str:
    header = ("scenario", "variant", "real answer", "exit", "top rule", "expected", "agree")
    lines = [header]
    for s, variant, real, r, verdict in rows:
        top = r["top"] if r["top"] == "-" else f"{r['top']} ({r['severity']})"
        if r.get("detail"):
            top += f" [{r['detail']}]"
        lines.append((s.name, variant, real, str(r["exit"]), top, s.cause or "none", verdict))
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    fmt = lambda row: " | ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()  # noqa: E731
    return "\n".join([fmt(lines[0]), "-+-".join("-" * w for w in widths)] + [fmt(r) for r in lines[1:]])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", action="append", default=[], metavar="NAME", help="run only this scenario (repeatable)")
    ap.add_argument("--update-fixtures", action="store_true", help="also copy the captures into fixtures/e2e/captures/")
    ap.add_argument("--list", action="store_true", help="list the scenarios and exit")
    args = ap.parse_args()
    if args.list:
        for s in SCENARIOS:
            print(f"{s.name:22} {s.cause or 'none':7} {s.title}")
        return 0
    unknown = [n for n in args.scenario if n not in BY_NAME]
    if unknown:
        print(f"e2e: unknown scenario {', '.join(unknown)} (see --list)", file=sys.stderr)
        return 2
    chosen = [BY_NAME[n] for n in args.scenario] or SCENARIOS

    def on_signal(signum, _frame):
        stop_all()
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    try:
        return run(chosen, args.update_fixtures)
    finally:
        stop_all()


if __name__ == "__main__":
    sys.exit(main())
