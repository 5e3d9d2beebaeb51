# Sourced by rsync.sh and s3.sh: one deploy at a time, and the changes file taken.
#   take_changes STATE CHANGES NAME
# STATE: the recipe's folder beside the changes file (its lock and the lists it took); NAME: for the
# message when another deploy of the same recipe is running (exit 75).

take_changes() {
  local state=$1 changes=$2 name=$3
  mkdir -p "$state"
  # One deploy at a time (flock is in util-linux; where it is missing, do not start two).
  if command -v flock >/dev/null; then
    exec 9>"$state/lock"
    flock -n 9 || { echo "deploy: another $name deploy is running" >&2; exit 75; }
  fi
  # Take the changes file: a rename in the same folder, so a publish running now either wrote its
  # changes into the file taken or starts a new one. Lists an interrupted deploy took are still here:
  # sent too.
  if [ -e "$changes" ]; then
    mv "$changes" "$state/taken-$(date -u +%Y%m%dT%H%M%SZ)-$$.json"
  fi
}
