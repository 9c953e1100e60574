#!/usr/bin/env bash
# Checks the built distribution as a user gets it (run by Maven in the `dist` profile, after
# build-dist.sh): the launcher starts the client to its main window from the jlink'd runtime with
# the packaged class cache in use (an AOT cache on a Java 25 runtime, else an AppCDS archive), also
# from a copy in another directory; the plugins are in place; the jpackage app image starts too
# with its cache in use; the .deb holds the image and what its postinst makes the cache from, and
# that postinst step, run on the unpacked package, makes a cache the client then uses.
#
# usage: check-dist.sh TARGET_DIR
set -euo pipefail

TARGET=$(cd "$1" && pwd -P)
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
DIST=$TARGET/dist/rongdesk
# shellcheck source=offline-session.sh
source "$SRC/offline-session.sh"
# shellcheck source=runtime-choice.sh
source "$SRC/runtime-choice.sh"
FEATURE=$(jdk_feature "$DIST/runtime")
if ((FEATURE >= 25)); then
  CACHE=rongdesk.aot FROM=rongdesk.aotconf
  # classes of an AOT cache are all in its one static archive
  SHARED='source: shared objects file$'
else
  CACHE=rongdesk.jsa FROM=rongdesk.classlist
  SHARED='source: shared objects file (top)$'
fi
# the app image and the .deb have a static archive (JDK 17) or an AOT cache: one archive
IMAGE_SHARED='source: shared objects file$'

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
  # (the script launcher reads RONGCLOUD_JAVA_OPTS; jpackage's native one only the JVM's own variable)
  local logging="-Xlog:class+load=info:file=$log.classes" tool=
  [[ $launcher == *.sh || $(head -c 2 "$launcher") == '#!' ]] || tool=$logging
  on_display env RONGDESK_STARTUP=exit RONGCLOUD_JAVA_OPTS="$logging" JAVA_TOOL_OPTIONS="$tool" \
    "$launcher" "${session[@]}" >"$log" 2>&1 || { cat "$log" >&2; fail "$launcher exited with an error"; }
  grep -q '^rongdesk: interactive [0-9]' "$log" || { cat "$log" >&2; fail "$launcher never showed its window"; }
}

# Starts the script launcher $1 so that the JVM crashes (out of memory at start,
# -XX:+CrashOnOutOfMemoryError) in an empty working directory with a fresh home: its crash report
# must be in the user's cache directory, never in the working directory (HotSpot's default).
crash_report_lands_in_cache() {
  local launcher=$1 home=$work/crash-home-$2 cwd=$work/crash-cwd-$2 crash="-Xms4m -Xmx6m -XX:+CrashOnOutOfMemoryError"
  mkdir -p "$home" "$cwd"
  (cd "$cwd" && on_display env HOME="$home" XDG_CACHE_HOME= RONGCLOUD_JAVA_OPTS="$crash" \
    "$launcher" "${session[@]}" >"$work/crash-$2.log" 2>&1) && fail "$launcher did not crash with $crash"
  ! ls "$cwd"/hs_err_pid*.log >/dev/null 2>&1 || fail "$launcher's crash report went into the working directory"
  ls "$home"/.cache/rongdesk/hs_err_pid*.log >/dev/null 2>&1 || { cat "$work/crash-$2.log" >&2;
    fail "$launcher's crash report is not in ~/.cache/rongdesk"; }
}

archived() { grep -c "$SHARED" "$1" || true; }
from_jars() { grep -c 'source: file:' "$1" || true; }

[[ -x $DIST/runtime/bin/java && -x $DIST/bin/rongcloud ]] || fail "no runtime or launcher in $DIST"
modules=$("$DIST/runtime/bin/java" --list-modules | wc -l)
[[ $(ls "$DIST"/plugins/*.jar | wc -l) -eq 3 ]] || fail "the three plugins are not in $DIST/plugins"
[[ -f $DIST/cds/$CACHE ]] || fail "no class cache $CACHE in $DIST/cds"

start_to_window "$DIST/bin/rongcloud" dist.log
top=$(archived "$work/dist.log.classes")
jars=$(from_jars "$work/dist.log.classes")
grep -q "org.rongdesk.ui.main.UiMain $SHARED" "$work/dist.log.classes" ||
  fail "the client's classes do not come from the packaged class cache"
[[ $jars -lt $((top / 10)) ]] || fail "$jars classes from jars next to $top from the archive: the archive is stale"
say "distribution: Java $FEATURE, $modules runtime modules, window up; $top classes from the class cache $CACHE, $jars from jars"

# an installation is a copy: the archive must hold wherever the directory goes
cp -a "$DIST" "$work/moved"
start_to_window "$work/moved/bin/rongcloud" moved.log
grep -q "org.rongdesk.ui.main.UiMain $SHARED" "$work/moved.log.classes" ||
  fail "a copy of the distribution no longer uses its class cache"
say "a copy elsewhere: window up, class cache in use"
crash_report_lands_in_cache "$DIST/bin/rongcloud" dist
say "a crash: the report is in ~/.cache/rongdesk, not in the working directory"

if [[ -d $TARGET/jpackage/rongdesk ]]; then
  image=$TARGET/jpackage/rongdesk
  [[ -f $image/lib/app/$CACHE ]] || fail "no class cache in the app image"
  ! grep -q 'plugins/' "$image/lib/app/rongdesk.cfg" || fail "plugins on the app image's class path"
  start_to_window "$image/bin/rongdesk" image.log
  grep -q "org.rongdesk.ui.main.UiMain $IMAGE_SHARED" "$work/image.log.classes" || fail "the app image does not use its class cache"
  say "app image: window up, class cache in use"
  if ((FEATURE >= 25)); then
    # its options come after any the JVM's variable gives (no crash to provoke from outside), so:
    # the launcher expands $HOME in -XX:ErrorFile (from Java 25 on), and the client makes the directory
    crash_home=$work/crash-home-image
    mkdir -p "$crash_home"
    on_display env HOME="$crash_home" RONGDESK_STARTUP=exit JAVA_TOOL_OPTIONS=-XX:+PrintFlagsFinal \
      "$image/bin/rongdesk" "${session[@]}" >"$work/image-flags.log" 2>&1 || fail "the app image did not start"
    grep -q "ErrorFile *= *$crash_home/.cache/rongdesk/hs_err_pid%p.log " "$work/image-flags.log" ||
      fail "the app image's JVM does not write crash reports to ~/.cache/rongdesk: $(grep ErrorFile "$work/image-flags.log")"
    [[ -d $crash_home/.cache/rongdesk ]] || fail "the client did not make ~/.cache/rongdesk"
    say "app image: crash reports go to ~/.cache/rongdesk, which the client made"
  fi
  deb=$(ls "$TARGET"/jpackage/*.deb 2>/dev/null | head -1)
  if [[ -n $deb ]]; then
    contents=$(dpkg-deb -c "$deb")
    for f in ./opt/rongdesk/bin/rongdesk ./opt/rongdesk/lib/app/$FROM ./opt/rongdesk/lib/app/rongdesk.cfg \
        ./opt/rongdesk/lib/app/plugins/ ./opt/rongdesk/lib/runtime/lib/modules; do
      grep -q " $f" <<<"$contents" || fail "$deb lacks $f"
    done
    ! grep -q "rongdesk\.\(jsa\|aot\)$" <<<"$contents" || fail "$deb carries a class cache made for another place"
    # the postinst's own cache step, on the package unpacked elsewhere (as root a real install
    # would write /opt): the client started from there must use the cache it made
    dpkg-deb -x "$deb" "$work/deb"
    dpkg-deb -I "$deb" postinst >"$work/postinst"
    sed -n '/# -- class cache/,/# -- end of class cache/p' "$work/postinst" |
      sed "s|/opt/rongdesk|$work/deb/opt/rongdesk|g" >"$work/cache-step.sh"
    grep -q -- '-XX:AOTMode=create\|-Xshare:dump' "$work/cache-step.sh" || fail "$deb's postinst makes no class cache"
    # the package's jars carry their packing time; postinst gives them the build's
    touch "$work/deb/opt/rongdesk/lib/app"/*.jar
    bash -e "$work/cache-step.sh" || fail "the postinst's class cache step failed"
    [[ -f $work/deb/opt/rongdesk/lib/app/$CACHE ]] || fail "the postinst made no $CACHE"
    start_to_window "$work/deb/opt/rongdesk/bin/rongdesk" deb.log
    grep -q "org.rongdesk.ui.main.UiMain $IMAGE_SHARED" "$work/deb.log.classes" || fail "the installed client does not use the cache postinst made"
    say ".deb: $(basename "$deb"), $(du -h "$deb" | cut -f1); unpacked, its postinst made $CACHE and the client uses it"
  fi
fi
say "passed"
