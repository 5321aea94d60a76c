"""The end-to-end lab's scenarios: one definition each.

Every scenario is a CloudFront distribution (as `aws cloudfront get-distribution` prints it)
plus the URL a backend hands out. From the same definition come

* the distribution export committed under fixtures/e2e/distributions/ (what cfdoctor reads),
* the nginx `server` block that reproduces what that distribution does to the viewer request
  before it reaches S3 (what the edge does),
* the URL: presigned by boto3 the way a backend would, then changed as the scenario says
  (tampered, upper-cased, …).

So the configuration cfdoctor judges and the configuration the lab runs cannot drift apart.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "fixtures/distributions/article-fixed.get-distribution-config.json"

KEY = "reports/2026/q3.txt"
BODY = b"quarterly report: private\n"
# The well-known LocalStack test credentials; the secret is never printed.
ACCESS_KEY = "test"
SECRET_KEY = "test"
EXPIRES = 900

# CloudFront caches 4xx answers from the origin for 10 s unless the distribution says otherwise
# (ErrorCachingMinTTL; https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/HTTPStatusCodes.html).
ERROR_CACHING_SECONDS = 10


@dataclass(frozen=True)
class Edge:
    """What the distribution's single origin and default behavior do."""

    origin_host: str = "regional"      # regional | global | a literal host name
    custom_origin: bool = False        # S3 REST host configured with CustomOriginConfig
    origin_path: str = ""
    custom_headers: tuple[tuple[str, str], ...] = ()
    oac: bool = False                  # origin access control, signing "always"
    query_forwarded: bool = True       # legacy ForwardedValues.QueryString
    query_cache_keys: tuple[str, ...] | None = None  # None: the whole query is in the key
    host_forwarded: bool = False       # legacy ForwardedValues.Headers [Host]
    ttl: tuple[int, int, int] = (0, 300, 600)  # MinTTL, DefaultTTL, MaxTTL (≤ EXPIRES)


@dataclass(frozen=True)
class Signing:
    """How the backend presigned the URL, and what happened to it afterwards."""

    addressing: str = "virtual"        # virtual | path
    scope_region: str | None = None    # sign with another region's credential scope
    age_seconds: int = 0               # signed this long before the request
    mutate: str | None = None          # tamper | upper | drop-query


@dataclass(frozen=True)
class Prime:
    """A request sent through the same edge before the scenario's own one (cache scenarios)."""

    mutate: str | None = None          # None: the valid URL


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    cause: str | None                  # the rule that explains the real answer; None: healthy
    edge: Edge = field(default_factory=Edge)
    signing: Signing = field(default_factory=Signing)
    prime: tuple[Prime, ...] = ()
    expect_status: int | None = 200           # what the lab must produce (guards the lab itself)
    expect_code: str | None = None     # S3 error Code, when not 2xx
    leak: bool = False                 # a 2xx that should not have been served
    emulated: str | None = None        # why nginx, not LocalStack, gives the answer
    # Variants whose inputs hold no information that could tell the right verdict, and why.
    # Keys: "<s3|cf>-<secret|nosecret>-<body|nobody>"; a value starting with "rule:" means only the
    # top rule is not judged (the verdict still is).
    undecidable: dict[str, str] = field(default_factory=dict)
    region: str = "eu-west-1"

    # ---- names -----------------------------------------------------------------------------

    @property
    def bucket(self) -> str:
        return f"cfd-e2e-{self.name}"

    @property
    def regional_host(self) -> str:
        return f"{self.bucket}.s3.{self.region}.amazonaws.com"

    @property
    def origin_domain(self) -> str:
        if self.edge.origin_host == "regional":
            return self.regional_host
        if self.edge.origin_host == "global":
            return f"{self.bucket}.s3.amazonaws.com"
        return self.edge.origin_host

    def _id(self, prefix: str, alphabet: str, length: int, salt: str = "") -> str:
        digest = hashlib.sha256((salt + self.name).encode()).digest()
        return prefix + "".join(alphabet[b % len(alphabet)] for b in digest[:length])

    @property
    def distribution_id(self) -> str:
        return self._id("E", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13)

    @property
    def domain_name(self) -> str:
        return self._id("d", "abcdefghijklmnopqrstuvwxyz0123456789", 13) + ".cloudfront.net"

    @property
    def export_path(self) -> Path:
        return REPO / "fixtures/e2e/distributions" / f"{self.name}.get-distribution.json"

    @property
    def capture_path(self) -> Path:
        return REPO / "fixtures/e2e/captures" / f"{self.name}.http.txt"

    # ---- the distribution export -------------------------------------------------------------

    def export(self) -> dict:
        template = json.loads(TEMPLATE.read_text())
        config = copy.deepcopy(template["DistributionConfig"])
        config["CallerReference"] = f"cfdoctor-e2e-{self.name}"
        config["Comment"] = f"cfdoctor e2e lab: {self.title}"
        origin_id = f"S3-{self.bucket}"
        origin = config["Origins"]["Items"][0]
        rebuilt = {}
        for key, value in origin.items():
            if key == "Id":
                value = origin_id
            elif key == "DomainName":
                value = self.origin_domain
            elif key == "OriginPath":
                value = self.edge.origin_path
            elif key == "CustomHeaders":
                items = [{"HeaderName": n, "HeaderValue": v} for n, v in self.edge.custom_headers]
                value = {"Quantity": len(items), **({"Items": items} if items else {})}
            elif key == "S3OriginConfig" and self.edge.custom_origin:
                key, value = "CustomOriginConfig", {
                    "HTTPPort": 80,
                    "HTTPSPort": 443,
                    "OriginProtocolPolicy": "https-only",
                    "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]},
                    "OriginReadTimeout": 30,
                    "OriginKeepaliveTimeout": 5,
                }
            elif key == "OriginAccessControlId" and self.edge.oac:
                value = self._id("E", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13, "oac")
            rebuilt[key] = value
        config["Origins"]["Items"][0] = rebuilt

        behavior = config["DefaultCacheBehavior"]
        behavior["TargetOriginId"] = origin_id
        forwarded = behavior["ForwardedValues"]
        forwarded["QueryString"] = self.edge.query_forwarded
        if self.edge.host_forwarded:
            forwarded["Headers"] = {"Quantity": 1, "Items": ["Host"]}
        keys = self.edge.query_cache_keys
        if keys is not None:
            forwarded["QueryStringCacheKeys"] = {"Quantity": len(keys), **({"Items": list(keys)} if keys else {})}
        behavior["MinTTL"], behavior["DefaultTTL"], behavior["MaxTTL"] = self.edge.ttl

        return {
            "ETag": self._id("E", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 13, "etag"),
            "Distribution": {
                "Id": self.distribution_id,
                "ARN": f"arn:aws:cloudfront::123456789012:distribution/{self.distribution_id}",
                "Status": "Deployed",
                "LastModifiedTime": "2026-11-30T09:12:44.318Z",
                "InProgressInvalidationBatches": 0,
                "DomainName": self.domain_name,
                "ActiveTrustedSigners": {"Enabled": False, "Quantity": 0},
                "ActiveTrustedKeyGroups": {"Enabled": False, "Quantity": 0},
                "DistributionConfig": config,
            },
        }

    def export_text(self) -> str:
        # The AWS CLI's JSONFormatter: 4-space indent, non-ASCII kept, final newline.
        return json.dumps(self.export(), indent=4, ensure_ascii=False) + "\n"

    # ---- the edge (nginx) ----------------------------------------------------------------------

    def nginx_server(self, listen: str, origin: str) -> str:
        """The nginx server block that does to a viewer request what this distribution does."""
        e = self.edge
        lines = [
            f"# {self.name}: {self.title}",
            "server {",
            f"    listen {listen};",
            f"    server_name {self.domain_name};",
            # CloudFront's response headers (X-Cache, X-Amz-Cf-Id, Via) and the raw cache status.
            "    add_header X-Cache $x_cache always;",
            "    add_header X-Amz-Cf-Id $cf_id always;",
            '    add_header Via "1.1 e2e-lab.cloudfront.net (CloudFront)" always;',
            "    add_header X-E2E-Cache $upstream_cache_status always;",
            "    location / {",
        ]
        # Path and query CloudFront sends: OriginPath + viewer path; query only if forwarded.
        strip = "" if e.query_forwarded else "?"
        if e.origin_path or strip:
            lines.append(f"        rewrite ^(.*)$ {e.origin_path}$1{strip} break;")
        # Host: the origin's domain name, or the viewer's Host when the behavior forwards it.
        lines.append("        proxy_set_header Host " + ("$http_host;" if e.host_forwarded else f"{self.origin_domain};"))
        if e.custom_origin:
            # CloudFront adds X-Amz-Cf-Id to requests to custom origins (the article's second error).
            lines.append("        proxy_set_header X-Amz-Cf-Id $cf_id;")
        for name, value in e.custom_headers:
            lines.append(f'        proxy_set_header {name} "{value}";')
        if e.oac:
            # OAC signs the origin request with CloudFront's own SigV4 Authorization header. The
            # signature value cannot be CloudFront's; S3 refuses the request before checking it.
            lines += [
                '        proxy_set_header Authorization "AWS4-HMAC-SHA256 '
                f"Credential=ASIACLOUDFRONTOAC0000/$oac_date/{self.region}/s3/aws4_request, "
                "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
                'Signature=$oac_signature";',
                "        proxy_set_header X-Amz-Date $oac_amz_date;",
                "        proxy_set_header X-Amz-Content-Sha256 "
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855;",
            ]
        # Cache: the key holds the query when the whole query is forwarded and keyed; with
        # QueryStringCacheKeys only those parameters; without a forwarded query, none.
        if e.query_forwarded and e.query_cache_keys is None:
            key = "$host$uri$is_args$args"
        elif e.query_forwarded:
            key = "$host$uri" + "".join(f"&{k}=$arg_{k.replace('-', '_')}" for k in e.query_cache_keys)
        else:
            key = "$host$uri"
        default_ttl = e.ttl[1]
        if default_ttl > 0:
            lines += [
                "        proxy_cache edge;",
                f'        proxy_cache_key "{key}";',
                f"        proxy_cache_valid 200 {default_ttl}s;",
                f"        proxy_cache_valid 400 403 404 {ERROR_CACHING_SECONDS}s;",
            ]
        lines += [
            f"        proxy_pass http://{origin};",
            "    }",
            "}",
        ]
        return "\n".join(lines) + "\n"


# Variant keys, in table order.
VARIANTS = [f"{u}-{s}-{b}" for u in ("s3", "cf") for s in ("secret", "nosecret") for b in ("body", "nobody")]

_NO_SIGNAL = "nothing in the URL or configuration differs from a valid request"
_CF_HOST = "the CloudFront URL does not say which host was signed (issue 8 §4: a note, not a verdict)"
_CF_PATH = ("the CloudFront URL does not say which path was signed: a backend may presign OriginPath + key and strip the "
            "prefix when it swaps the host (CFD105's documented workaround), so a warning, not a verdict")

SCENARIOS: list[Scenario] = [
    Scenario(
        name="correct",
        title="regional origin host = signed host, query forwarded and keyed, TTL ≤ lifetime",
        cause=None,
    ),
    Scenario(
        name="global-origin",
        title="origin is the global b.s3.amazonaws.com; the SDK signed the regional host (the article's bug)",
        cause="CFD101",
        edge=Edge(origin_host="global"),
        expect_status=403,
        expect_code="SignatureDoesNotMatch",
        undecidable={"cf-nosecret-nobody": _CF_HOST},
    ),
    Scenario(
        name="host-forwarded",
        title="viewer Host forwarded: S3 receives the CloudFront domain as Host",
        cause="CFD401",
        edge=Edge(host_forwarded=True),
        expect_status=None,  # whatever LocalStack answers for an unknown Host; recorded
    ),
    Scenario(
        name="query-stripped",
        title="query string not forwarded (legacy QueryString false): S3 sees an anonymous request",
        cause="CFD301",
        edge=Edge(query_forwarded=False),
        expect_status=403,
        expect_code="AccessDenied",
        emulated="anonymous GET of a private object: LocalStack serves it, S3 answers 403 AccessDenied",
    ),
    Scenario(
        name="custom-origin",
        title="S3 REST host configured as a custom origin: CloudFront adds X-Amz-Cf-Id",
        cause="CFD201",
        edge=Edge(custom_origin=True),
        expect_status=403,
        expect_code="AccessDenied",
    ),
    Scenario(
        name="x-amz-header",
        title="origin custom header x-amz-meta-origin added unsigned",
        cause="CFD202",
        edge=Edge(custom_headers=(("x-amz-meta-origin", "cloudfront-e2e"),)),
        expect_status=403,
        expect_code="AccessDenied",
    ),
    Scenario(
        name="origin-path",
        title="OriginPath /production prefixes the key S3 is asked for",
        cause="CFD105",
        edge=Edge(origin_path="/production"),
        expect_status=403,
        expect_code="SignatureDoesNotMatch",
        undecidable={"cf-nosecret-nobody": _CF_PATH},
    ),
    Scenario(
        name="oac",
        title="OAC signs the origin request (Authorization, X-Amz-Date, X-Amz-Content-Sha256) on top of the query signature",
        cause="CFD203",
        edge=Edge(oac=True),
        expect_status=400,
        expect_code="InvalidArgument",
        emulated="query signature plus Authorization header: LocalStack does not refuse it, S3 answers 400 "
        "InvalidArgument 'Only one auth mechanism allowed'",
    ),
    Scenario(
        name="cache-leak-tampered",
        title="cache key without the signature: a tampered URL after a valid one gets the cached object",
        cause="CFD303",
        edge=Edge(query_cache_keys=("version",)),
        signing=Signing(mutate="tamper"),
        prime=(Prime(),),
        leak=True,
    ),
    Scenario(
        name="cache-leak-unsigned",
        title="cache key without the signature: the bare URL (no query at all) after a valid one gets the cached object",
        cause="CFD303",
        edge=Edge(query_cache_keys=("version",)),
        signing=Signing(mutate="drop-query"),
        prime=(Prime(),),
        leak=True,
    ),
    Scenario(
        name="cache-cached-403",
        title="cache key without the signature: a valid URL after a tampered one gets the cached 403 of the other request",
        cause="CFD303",
        edge=Edge(query_cache_keys=("version",)),
        prime=(Prime(mutate="tamper"),),
        expect_status=403,
        expect_code="SignatureDoesNotMatch",
    ),
    Scenario(
        name="expired",
        title="URL signed two hours ago for 15 minutes",
        cause="CFD601",
        signing=Signing(age_seconds=7200),
        expect_status=403,
        expect_code="AccessDenied",
    ),
    Scenario(
        name="tampered",
        title="signature changed in its last hex digit",
        cause="CFD610",
        signing=Signing(mutate="tamper"),
        expect_status=403,
        expect_code="SignatureDoesNotMatch",
        undecidable={"s3-nosecret-nobody": _NO_SIGNAL, "cf-nosecret-nobody": _NO_SIGNAL},
    ),
    Scenario(
        name="uppercase-signature",
        title="signature hex in upper case (S3 compares lower-case hex; aws/aws-sdk-js#3322)",
        cause="CFD610",
        signing=Signing(mutate="upper"),
        expect_status=403,
        expect_code="SignatureDoesNotMatch",
    ),
    Scenario(
        name="path-style-signed",
        title="URL signed path-style s3.REGION.amazonaws.com/BUCKET/key, host swapped; origin virtual-hosted",
        cause="CFD102",
        signing=Signing(addressing="path"),
        expect_status=403,
        expect_code="SignatureDoesNotMatch",
        undecidable={"cf-nosecret-nobody": _CF_HOST},
    ),
    Scenario(
        name="region-mismatch",
        title="credential scope names us-east-1; the bucket and origin are in eu-west-1",
        cause="CFD103",
        signing=Signing(scope_region="us-east-1"),
        expect_status=400,
        expect_code="AuthorizationQueryParametersError",
        emulated="credential scope of another region: LocalStack accepts it, S3 answers 400 "
        "AuthorizationQueryParametersError",
    ),
]

BY_NAME = {s.name: s for s in SCENARIOS}
