#!/usr/bin/env python3
"""Baseline: how fast botocore's CloudFrontSigner (with `rsa`) signs, and `rsa` verifies, canned-policy
CloudFront signed URLs (single process).

    python3 bench/cloudfront_signer.py [iterations]     # default 2000, each phase capped at ~8 s

Prints
    botocore CloudFrontSigner sign (rsa, 2048-bit): N urls/s
    rsa verify (canned policy rebuilt from the URL): N urls/s

"verify" is what a CloudFront edge does with a canned-policy URL: take Expires, Signature and
Key-Pair-Id from the query, rebuild the canned policy
{"Statement":[{"Resource":URL,"Condition":{"DateLessThan":{"AWS:EpochTime":N}}}]} from the URL
without those parameters, undo CloudFront's base64 substitutions (- _ ~ for + = /) and check the
RSA PKCS#1 v1.5 SHA-1 signature with `rsa.verify`. The 2048-bit key is generated once per run
(rsa.newkeys with a fixed seed is not possible, so the key differs between runs; its size does not).
"""

import base64
import datetime
import sys
import time
from urllib.parse import parse_qsl, urlsplit

import rsa

import rate
from botocore.signers import CloudFrontSigner

TIME_BUDGET_S = 8.0
WARMUP = 50
KEY_PAIR_ID = "K2JCJMDEHXQW5F"


def run(label, fn, items, n):
    return rate.run(label, fn, items, n, WARMUP, TIME_BUDGET_S, check_every=64)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    public_key, private_key = rsa.newkeys(2048)
    signer = CloudFrontSigner(KEY_PAIR_ID, lambda message: rsa.sign(message, private_key, "SHA-1"))
    expires = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
    resources = [f"https://d111111abcdef8.cloudfront.net/media/object-{i:05d}.mp4" for i in range(n)]
    urls = []

    def sign(resource):
        urls.append(signer.generate_presigned_url(resource, date_less_than=expires))

    def verify(url):
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        resource = f"{parts.scheme}://{parts.netloc}{parts.path}"
        policy = ('{"Statement":[{"Resource":"%s","Condition":{"DateLessThan":{"AWS:EpochTime":%s}}}]}'
                  % (resource, query["Expires"])).encode()
        signature = base64.b64decode(query["Signature"].replace("-", "+").replace("_", "=").replace("~", "/"))
        rsa.verify(policy, signature, public_key)

    print(f"# botocore CloudFrontSigner + rsa {rsa.__version__}, python {sys.version.split()[0]}, "
          f"2048-bit key, canned policy, up to {n} iterations after {WARMUP} warm-up, single process")
    run("botocore CloudFrontSigner sign (rsa, 2048-bit)", sign, resources, n)
    run("rsa verify (canned policy rebuilt from the URL)", verify, urls, max(n, 20000))


if __name__ == "__main__":
    main()
