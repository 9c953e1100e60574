#!/usr/bin/env bash
# Checks the built distribution as a user gets it (run by Maven in the `dist` profile, after
# build-dist.sh): the launcher starts the client to its main window from the jlink'd runtime with
# the packaged AppCDS archive in use, also from a copy in another directory; the plugins are in
# place; the jpackage app image starts too; the .deb holds the image and the class list its
# postinst makes the archive from.
#
# usage: check-dist.sh TARGET_DIR
set -euo pipefail

TARGET=$(cd "$1" && pwd -P)
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
DIST=$TARGET/dist/rongdesk
# shellcheck source=offline-session.sh
source "$SRC/offline-session.sh"

fail() { printf 'check-dist: FAILED: %s\n' "$*" >&2; exit 1; }
say() { printf 'check-dist: %s\n' "$*" >&2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
offline_session "$work/s" "$DIST/runtime/bin/java"
mapfile -t session < <(offline_args "$work/s")

# Starts the launcher $1 to its main window and out; says how many classes came from the dynamic
# archive and how many from jars.
start_to_window() {
  local launcher=$1 log=$work/$2
  rm -rf "$work/s/data" && mkdir -p "$work/s/data"
  on_display env RONGDESK_STARTUP=exit RONGCLOUD_JAVA_OPTS="-Xlog:class+load=info:file=$log.classes" \
    "$launcher" "${session[@]}" >"$log" 2>&1 || { cat "$log" >&2; fail "$launcher exited with an error"; }
  grep -q '^rongdesk: interactive [0-9]' "$log" || { cat "$log" >&2; fail "$launcher never showed its window"; }
}

archived() { grep -c 'source: shared objects file (top)' "$1" || true; }
from_jars() { grep -c 'source: file:' "$1" || true; }

[[ -x $DIST/runtime/bin/java && -x $DIST/bin/rongcloud ]] || fail "no runtime or launcher in $DIST"
modules=$("$DIST/runtime/bin/java" --list-modules | wc -l)
[[ $(ls "$DIST"/plugins/*.jar | wc -l) -eq 3 ]] || fail "the three plugins are not in $DIST/plugins"
[[ -f $DIST/cds/rongdesk.jsa ]] || fail "no AppCDS archive in $DIST/cds"

start_to_window "$DIST/bin/rongcloud" dist.log
top=$(archived "$work/dist.log.classes")
jars=$(from_jars "$work/dist.log.classes")
grep -q 'org.rongdesk.ui.main.UiMain source: shared objects file (top)' "$work/dist.log.classes" ||
  fail "the client's classes do not come from the packaged archive"
[[ $jars -lt $((top / 10)) ]] || fail "$jars classes from jars next to $top from the archive: the archive is stale"
say "distribution: $modules runtime modules, window up; $top classes from the AppCDS archive, $jars from jars"

# an installation is a copy: the archive must hold wherever the directory goes
cp -a "$DIST" "$work/moved"
start_to_window "$work/moved/bin/rongcloud" moved.log
grep -q 'org.rongdesk.ui.main.UiMain source: shared objects file (top)' "$work/moved.log.classes" ||
  fail "a copy of the distribution no longer uses its archive"
say "a copy elsewhere: window up, archive in use"

if [[ -d $TARGET/jpackage/rongdesk ]]; then
  image=$TARGET/jpackage/rongdesk
  [[ -f $image/lib/app/rongdesk.jsa ]] || fail "no AppCDS archive in the app image"
  ! grep -q 'plugins/' "$image/lib/app/rongdesk.cfg" || fail "plugins on the app image's class path"
  start_to_window "$image/bin/rongdesk" image.log
  say "app image: window up"
  deb=$(ls "$TARGET"/jpackage/*.deb 2>/dev/null | head -1)
  if [[ -n $deb ]]; then
    contents=$(dpkg-deb -c "$deb")
    for f in ./opt/rongdesk/bin/rongdesk ./opt/rongdesk/lib/app/rongdesk.classlist ./opt/rongdesk/lib/app/rongdesk.cfg \
        ./opt/rongdesk/lib/app/plugins/ ./opt/rongdesk/lib/runtime/lib/modules; do
      grep -q " $f" <<<"$contents" || fail "$deb lacks $f"
    done
    dpkg-deb -I "$deb" postinst | grep -q -- "-Xshare:dump -XX:SharedClassListFile" ||
      fail "$deb does not make its class-data archive where it is installed"
    ! grep -q "rongdesk.jsa" <<<"$contents" || fail "$deb carries an archive made for another place"
    say ".deb: $(basename "$deb"), $(du -h "$deb" | cut -f1), holds the image and its class list"
  fi
fi
say "passed"
