#!/usr/bin/env bash
# Deploys the output folder to an rsync destination (a local folder, or user@host:/path/ over ssh),
# sending only the files the publishes since the last deploy wrote or removed (.dateline/changes.json).
# Run it after `npm run build` or `npm run publish`, or in a loop beside `npm run publish -- --watch`.
#
#   DATELINE_RSYNC_DEST=user@host:/srv/www/ scripts/deploy/rsync.sh
#
# DATELINE_RSYNC_DEST     where to (required); the folder ends up holding exactly the output folder's files
# DATELINE_RSYNC_OPTIONS  more rsync options, split on spaces (e.g. "-z --chmod=F644,D755"); ssh options
#                         go in rsync's own RSYNC_RSH (e.g. "ssh -p 2222 -i ~/.ssh/deploy")
# DATELINE_OUT_DIR, DATELINE_CHANGES  as for the publisher (default dist, .dateline/changes.json)
#
# rsync 3.1 or later on both ends (--delete-missing-args). The change lists taken and not yet deployed
# wait in .dateline/deploy-rsync/ (beside the changes file): a failed run leaves them there, exits
# non-zero, and the next run sends them again with whatever was published since.
set -euo pipefail
shopt -s nullglob

dest=${DATELINE_RSYNC_DEST:?set DATELINE_RSYNC_DEST to the destination, e.g. user@host:/srv/www/}
dist=${DATELINE_OUT_DIR:-dist}
changes=${DATELINE_CHANGES:-.dateline/changes.json}
state=$(dirname "$changes")/deploy-rsync
here=$(dirname "${BASH_SOURCE[0]}")
read -r -a options <<<"${DATELINE_RSYNC_OPTIONS:-}"

command -v rsync >/dev/null || { echo "deploy: rsync is not installed" >&2; exit 1; }
[ -d "$dist" ] || { echo "deploy: no output folder $dist (run npm run build first)" >&2; exit 1; }

# shellcheck source=take-changes.sh
source "$here/take-changes.sh"
take_changes "$state" "$changes" rsync
taken=("$state"/taken-*.json)

last=$(cat "$state/destination" 2>/dev/null || true)
if [ "$last" = "$dest" ] && [ ${#taken[@]} -eq 0 ]; then
  echo "deploy: nothing changed since the last deploy to $dest"
  exit 0
fi

mode=full
if [ "$last" = "$dest" ]; then
  mode=$(node "$here/changes.mjs" rsync "$dist" "$state/files-from" "${taken[@]}")
fi

if [ "$mode" = full ]; then
  # First deploy to this destination, or a list says "full" (a build, or a changes file that could
  # not be read): the whole folder, deleting on the receiver whatever the folder no longer has.
  [ -e "$dist/index.html" ] || { echo "deploy: $dist has no index.html; refusing to mirror it with --delete" >&2; exit 1; }
  echo "deploy: whole folder $dist/ to $dest"
  rsync -a --delete --itemize-changes --exclude='*.dateline-tmp' "${options[@]}" "$dist/" "$dest"
else
  echo "deploy: $mode listed path(s) to $dest"
  if [ "$mode" != 0 ]; then
    # Exactly the listed paths (relative to $dist/, --files-from implies --relative): a missing one is
    # deleted on the receiver (--delete-missing-args), a whole missing folder too (--force). A listed
    # file is compared by content (--checksum), not by size and time: a page rewritten within the
    # second of its last copy, at the same size, is still sent.
    rsync -a --files-from="$state/files-from" --from0 --delete-missing-args --force --checksum --itemize-changes "${options[@]}" "$dist/" "$dest"
  fi
fi

printf '%s\n' "$dest" >"$state/destination"
rm -f "${taken[@]}" "$state/files-from"
echo "deploy: done"
