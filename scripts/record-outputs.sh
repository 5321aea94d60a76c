#!/usr/bin/env bash
# Records what every command prints on every fixture in every format, so a refactor can prove
# that user-visible output did not change:
#   scripts/record-outputs.sh OUTDIR [BINARY]     (BINARY defaults to .build/debug/cfdoctor)
#   diff -r before/ after/
# Times are pinned with --now and colour is off, so two runs of the same build are identical.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/record-outputs.sh OUTDIR [BINARY]}
bin=${2:-.build/debug/cfdoctor}
mkdir -p "$out"
export NO_COLOR=1
unset AWS_SECRET_ACCESS_KEY AWS_ACCESS_KEY_ID AWS_SESSION_TOKEN
now=2018-09-30T14:59:00Z
s3url=$(cat fixtures/urls/article-s3.url)
cfurl=$(cat fixtures/urls/article-cloudfront.url)
formats=$("$bin" check --help 2>/dev/null | grep -oE 'Output format: [a-z, |]+' | sed 's/Output format: //; s/[,|]/ /g')
[ -n "$formats" ] || formats="text json"

run() {   # name, then the command's arguments
  local name=$1; shift
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.err"
}

run_env() {   # name, then a whole command line (e.g. env VAR=… BINARY …)
  local name=$1; shift
  "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.err"
}

for f in fixtures/distributions/*.json fixtures/bad/*.json fixtures/policies/*.json; do
  base=$(basename "$f" .json)
  for fmt in $formats; do
    run "check.$base.$fmt" check "$f" --now "$now" --format "$fmt"
    run "check.$base.s3url.$fmt" check "$f" --url "$s3url" --now "$now" --format "$fmt"
    run "check.$base.cfurl.$fmt" check "$f" --url "$cfurl" --now "$now" --format "$fmt"
    for e in fixtures/errors/*; do
      [ "$(basename "$e")" = SOURCES.md ] && continue
      case "$base" in article-*|s3-as-custom-origin*|oac-with-presigned*|origin-path*|host-header*) ;; *) continue;; esac
      run "check.$base.s3url.err-$(basename "$e").$fmt" check "$f" --url "$s3url" --now "$now" --error-body "$e" --format "$fmt"
    done
  done
done
# Infrastructure code: every template and plan, without and with a region.
for f in fixtures/iac/cloudformation/* fixtures/iac/terraform/*.json fixtures/iac/bad/*; do
  base=iac.$(basename "$f")
  for fmt in $formats; do
    run "check.$base.$fmt" check "$f" --now "$now" --signature-lifetime 900 --format "$fmt"
    run "check.$base.region.$fmt" check "$f" --now "$now" --signature-lifetime 900 --region eu-west-1 --format "$fmt"
  done
done
for fmt in $formats; do
  run_env "check.article-secret.$fmt" env AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "$bin" check \
      fixtures/distributions/article-broken.get-distribution-config.json --url "$s3url" --now "$now" --format "$fmt"
  run "check.list-presigned-paths.$fmt" check fixtures/distributions/app-alb-and-s3.get-distribution.json \
      --presigned-paths '/static/*' --now "$now" --format "$fmt"
  run "check.lifetime.$fmt" check fixtures/distributions/article-fixed.get-distribution-config.json \
      --signature-lifetime 15m --max-exposure 1h --now "$now" --format "$fmt" --fail-on warning
  run "check.ignore.$fmt" check fixtures/distributions/article-broken.get-distribution-config.json --ignore CFD501 --now "$now" --format "$fmt"
  for u in fixtures/urls/*.url; do
    run "url.$(basename "$u").$fmt" url "$(cat "$u")" --now "$now" --format "$fmt"
    run "url.$(basename "$u").redact.$fmt" url "$(cat "$u")" --now "$now" --format "$fmt" --redact
    run "url.$(basename "$u").later.$fmt" url "$(cat "$u")" --now 2026-01-01T00:00:00Z --format "$fmt"
  done
  run_env "url.secret.$fmt" env AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "$bin" url "$s3url" --now "$now" --format "$fmt"
  for e in fixtures/errors/*; do
    [ "$(basename "$e")" = SOURCES.md ] && continue
    run "error.$(basename "$e").$fmt" error "$e" --format "$fmt"
  done
  run "rules.$fmt" rules --format "$fmt"
  for id in $("$bin" rules --format text | awk '/^CFD/{print $1}'); do
    run "rules.$id.$fmt" rules "$id" --format "$fmt"
  done
done
# presign: AWS's documented example credentials, from the environment as presign requires.
creds=(env AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY)
for fmt in $formats; do
  run_env "presign.article.$fmt" "${creds[@]}" "$bin" presign --bucket cf-signed-urls-test --key test.txt --region eu-west-1 \
      --round 30m --cdn-domain d111111abcdef8.cloudfront.net --cache-ttl 30m --max-exposure 1h --now "$now" --format "$fmt"
  for f in fixtures/distributions/*.json; do
    run_env "presign.$(basename "$f" .json).$fmt" "${creds[@]}" "$bin" presign --distribution "$f" --path /test.txt \
        --round 30m --cdn-domain d111111abcdef8.cloudfront.net --max-exposure 2h --now "$now" --format "$fmt"
  done
done
run "presign.nocredentials" presign --bucket b-1 --key k --region eu-west-1
run "help" --help
for c in check url error rules presign; do run "help.$c" "$c" --help; done
run "usage.none" check
run "usage.badflag" check --frobnicate
echo "recorded $(ls "$out" | wc -l) files in $out"
