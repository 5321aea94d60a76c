#!/usr/bin/env python3
"""Baseline: how fast botocore presigns / verifies S3 SigV4 query-auth URLs (single process).

    python3 bench/botocore_presign.py [iterations]     # default 20000, runtime well under 30 s

Prints
    botocore presign: N urls/s          client.generate_presigned_url('get_object'), s3v4, virtual style
    botocore verify (S3SigV4QueryAuth re-sign): N urls/s
    python hmac verify (no botocore): N urls/s

"verify" = parse the URL, strip the auth parameters, re-sign with a bare S3SigV4QueryAuth on an
AWSRequest at the URL's own X-Amz-Date / X-Amz-Expires, and compare X-Amz-Signature. The last line is
the same check done with hashlib/hmac only (canonical request rebuilt from the URL), for comparison
with cfdoctor's Swift implementation. Static example credentials; no network; no config files.
"""

import os
import sys

for _k in list(os.environ):
    if _k.startswith("AWS_"):
        del os.environ[_k]
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull

import datetime  # noqa: E402
import hashlib  # noqa: E402
import hmac  # noqa: E402
import time  # noqa: E402
from urllib.parse import unquote, urlsplit  # noqa: E402

import rate  # noqa: E402
import botocore  # noqa: E402
import botocore.auth  # noqa: E402
import botocore.session  # noqa: E402
from botocore.awsrequest import AWSRequest  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.credentials import Credentials  # noqa: E402

ACCESS = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
REGION = "eu-west-1"
WARMUP = 500
TIME_BUDGET_S = 9.0  # per phase; iterations are capped so the whole run stays < 30 s


def make_client():
    s = botocore.session.Session()
    return s.create_client(
        "s3", region_name=REGION, aws_access_key_id=ACCESS, aws_secret_access_key=SECRET,
        config=Config(signature_version="s3v4", s3={"addressing_style": "virtual"}),
    )


def run(label, fn, items, n):
    return rate.run(label, fn, items, n, WARMUP, TIME_BUDGET_S, check_every=1024)


_real_now = botocore.auth.get_current_datetime
_CLOCK = {"dt": None}
botocore.auth.get_current_datetime = lambda remove_tzinfo=True: _CLOCK["dt"] or _real_now(remove_tzinfo)


def verify_botocore(url, creds=Credentials(ACCESS, SECRET)):
    parts = urlsplit(url)
    pairs = [p.partition("=")[::2] for p in parts.query.split("&")]
    q = dict(pairs)
    op = "&".join(f"{k}={v}" for k, v in pairs if not k.startswith("X-Amz-"))
    base = f"{parts.scheme}://{parts.netloc}{parts.path}" + (f"?{op}" if op else "")
    region = unquote(q["X-Amz-Credential"]).split("/")[2]
    _CLOCK["dt"] = datetime.datetime.strptime(q["X-Amz-Date"], "%Y%m%dT%H%M%SZ")
    req = AWSRequest(method="GET", url=base)
    botocore.auth.S3SigV4QueryAuth(creds, "s3", region, expires=int(q["X-Amz-Expires"])).add_auth(req)
    _CLOCK["dt"] = None
    if req.url.rsplit("X-Amz-Signature=", 1)[1] != q["X-Amz-Signature"]:
        raise AssertionError("verification failed for " + url)


def _h(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def verify_hmac(url, secret=SECRET):
    parts = urlsplit(url)
    pairs = [p.partition("=")[::2] for p in parts.query.split("&")]
    q = dict(pairs)
    cq = "&".join(f"{k}={v}" for k, v in sorted(p for p in pairs if p[0] != "X-Amz-Signature"))
    cr = f"GET\n{parts.path}\n{cq}\nhost:{parts.netloc}\n\nhost\nUNSIGNED-PAYLOAD"
    scope = unquote(q["X-Amz-Credential"]).split("/", 1)[1]
    date8, region, service, _ = scope.split("/")
    sts = f"AWS4-HMAC-SHA256\n{q['X-Amz-Date']}\n{scope}\n{hashlib.sha256(cr.encode()).hexdigest()}"
    k = _h(_h(_h(_h(("AWS4" + secret).encode(), date8), region), service), "aws4_request")
    if hmac.new(k, sts.encode(), hashlib.sha256).hexdigest() != q["X-Amz-Signature"]:
        raise AssertionError("hmac verification failed for " + url)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    c = make_client()
    keys = [f"bench/object-{i:05d} caf\u00e9+{i % 7}.bin" for i in range(n)]
    urls = []

    def presign(key):
        urls.append(c.generate_presigned_url("get_object", Params={"Bucket": "examplebucket", "Key": key},
                                             ExpiresIn=3600))

    print(f"# botocore {botocore.__version__}, python {sys.version.split()[0]}, "
          f"{n} iterations after {WARMUP} warm-up, single process")
    run("botocore presign", presign, keys, n)
    sample = urls[:n]
    run("botocore verify (S3SigV4QueryAuth re-sign)", verify_botocore, sample, n)
    run("python hmac verify (no botocore)", verify_hmac, sample, n)


if __name__ == "__main__":
    main()
