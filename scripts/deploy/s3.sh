#!/usr/bin/env bash
# Deploys the output folder to an S3 bucket (AWS, or any S3-compatible service), uploading only the
# files the publishes since the last deploy wrote and deleting those they removed
# (.dateline/changes.json), each with its Content-Type. Run it after `npm run build` or
# `npm run publish`, or in a loop beside `npm run publish -- --watch`.
#
#   DATELINE_S3_BUCKET=my-site scripts/deploy/s3.sh
#
# DATELINE_S3_BUCKET   the bucket (required); it, or the prefix, ends up holding the output folder's files
# DATELINE_S3_PREFIX   a folder in the bucket (e.g. news): the site's keys start with "news/"
# AWS_ENDPOINT_URL     an S3-compatible service's URL (AWS_ENDPOINT_URL_S3 wins if set); passed to the
#                      aws cli as --endpoint-url, since versions before 2.13 ignore the variable
# DATELINE_S3_OPTIONS  more `aws s3 cp` options, split on spaces (e.g. "--acl public-read")
# DATELINE_AWS         the aws command (default aws); credentials and region as the aws cli reads them
#                      (AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_DEFAULT_REGION, ~/.aws/…)
# DATELINE_OUT_DIR, DATELINE_CHANGES  as for the publisher (default dist, .dateline/changes.json)
#
# Content-Type is set by extension (text/html; charset=utf-8, application/xml; charset=utf-8 for feeds
# and sitemaps, …: scripts/deploy/changes.mjs), not guessed; _astro/, pagefind/ and photos/ get the one-year
# immutable Cache-Control that _headers gives them. _headers itself is not uploaded: S3 does not read
# it, and it would be served as a file; set its headers on the CDN in front of the bucket.
#
# The change lists taken and not yet deployed wait in .dateline/deploy-s3/ (beside the changes file): a
# failed run leaves them there, exits non-zero, and the next run sends them again with whatever was
# published since.
set -euo pipefail
shopt -s nullglob

bucket=${DATELINE_S3_BUCKET:?set DATELINE_S3_BUCKET to the bucket name}
prefix=${DATELINE_S3_PREFIX:-}
prefix=${prefix#/}
prefix=${prefix%/}
prefix=${prefix:+$prefix/}
dist=${DATELINE_OUT_DIR:-dist}
changes=${DATELINE_CHANGES:-.dateline/changes.json}
state=$(dirname "$changes")/deploy-s3
here=$(dirname "${BASH_SOURCE[0]}")
aws=${DATELINE_AWS:-aws}
endpoint=${AWS_ENDPOINT_URL_S3:-${AWS_ENDPOINT_URL:-}}
read -r -a options <<<"${DATELINE_S3_OPTIONS:-}"
export AWS_PAGER=""

command -v "$aws" >/dev/null || { echo "deploy: the aws cli ($aws) is not installed" >&2; exit 1; }
[ -d "$dist" ] || { echo "deploy: no output folder $dist (run npm run build first)" >&2; exit 1; }
connection=()
[ -n "$endpoint" ] && connection=(--endpoint-url "$endpoint")
dest="s3://$bucket/$prefix"

# shellcheck source=take-changes.sh
source "$here/take-changes.sh"
take_changes "$state" "$changes" S3
taken=("$state"/taken-*.json)

target="${endpoint:-aws} $dest"
last=$(cat "$state/destination" 2>/dev/null || true)
if [ "$last" = "$target" ] && [ ${#taken[@]} -eq 0 ]; then
  echo "deploy: nothing changed since the last deploy to $dest"
  exit 0
fi

work=$(mktemp -d "$state/work.XXXXXX")
trap 'rm -rf "$work"' EXIT

plan=full
if [ "$last" = "$target" ]; then
  plan=$(node "$here/changes.mjs" s3 "$dist" "$work" "$prefix" --changes "${taken[@]}")
fi
if [ "$plan" = full ]; then
  # First deploy to this bucket, or a list says "full" (a build, or a changes file that could not be
  # read): the whole folder, as `aws s3 sync --delete` would send it, from one listing of the bucket.
  [ -e "$dist/index.html" ] || { echo "deploy: $dist has no index.html; refusing to mirror it" >&2; exit 1; }
  "$aws" "${connection[@]}" s3api list-objects-v2 --bucket "$bucket" ${prefix:+--prefix "$prefix"} \
    --query 'Contents[].{Key: Key, Size: Size, LastModified: LastModified}' --output json >"$work/listing.json"
  echo "deploy: whole folder $dist/ to $dest"
  plan=$(node "$here/changes.mjs" s3 "$dist" "$work" "$prefix" --listing "$work/listing.json")
fi
echo "deploy: $plan"

# Uploads, one `aws s3 cp` per Content-Type and Cache-Control, assets before the pages that use them.
while IFS=$'\t' read -r group type cache _count; do
  meta=()
  [ "$type" != - ] && meta+=(--content-type "$type")
  [ "$cache" != - ] && meta+=(--cache-control "$cache")
  "$aws" "${connection[@]}" s3 cp "$work/$group" "$dest" --recursive --no-progress "${meta[@]}" "${options[@]}"
done <"$work/groups.tsv"

# Deletions last, up to 1000 keys a request.
for batch in "$work"/delete-*.json; do
  sed "s|^|delete: s3://$bucket/|" "${batch%.json}.txt"
  "$aws" "${connection[@]}" s3api delete-objects --bucket "$bucket" --delete "file://$batch" --output json | node "$here/changes.mjs" s3-deleted
done

printf '%s\n' "$target" >"$state/destination"
rm -f "${taken[@]}"
echo "deploy: done"
