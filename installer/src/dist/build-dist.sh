#!/usr/bin/env bash
# Builds the self-contained distribution from the assembled application (run by Maven: see the
# `dist` profile in installer/pom.xml and "The distribution" in the project README).
#
# usage: build-dist.sh TARGET_DIR VERSION JAVA_HOME
#   TARGET_DIR/app/{lib,plugins}  the application as the installer module assembled it (input)
#   TARGET_DIR/dist/rongdesk      the distribution: runtime/ (jlink), lib/, plugins/, cds/, bin/rongcloud
#   TARGET_DIR/dist/rongdesk-VERSION-linux-ARCH.tar.gz  the same, packed
#   TARGET_DIR/jpackage/          where jpackage exists: the app image rongdesk/ and a .deb
# Environment: RONGDESK_JPACKAGE=off skips the app image and the .deb.
set -euo pipefail

TARGET=$(cd "$1" && pwd -P)
VERSION=$2
JDK=$3
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
OUT=$TARGET/dist/rongdesk
MAIN=org.rongdesk.ui.main.UiMain
# jdeps over the client's jars and plugins (java.compiler, java.instrument, java.scripting and
# jdk.net are H2's and PF4J's), plus what is loaded by name: TLS's elliptic curves, zip file
# systems (plugin jars), sun.misc.Unsafe (Gson), locale data for the Chinese UI, and the
# accessibility utilities the ATK wrapper is built on
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.net,\
jdk.crypto.ec,jdk.zipfs,jdk.unsupported,jdk.localedata,jdk.accessibility
# every jar gets this mtime: a CDS archive checks it, and the archive is made here
JAR_TIME='2000-01-01 00:00:00 UTC'   # also in deb/postinst
# the launcher's tuned options (the header of src/dist/rongcloud says how they were chosen)
TUNED=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms16m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20)

say() { printf 'build-dist: %s\n' "$*" >&2; }

# shellcheck source=offline-session.sh
source "$SRC/offline-session.sh"

say "runtime (jlink)"
rm -rf "$TARGET/dist" "$TARGET/jpackage"
mkdir -p "$OUT"
"$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$OUT/runtime"

say "application"
mkdir -p "$OUT/lib" "$OUT/plugins" "$OUT/bin" "$OUT/cds"
# the client's jars: all but the dev server kit and the benchmarks (their libraries are the client's too)
find "$TARGET/app/lib" -maxdepth 1 -name '*.jar' ! -name 'rongdesk-devkit-*' ! -name 'rongdesk-bench-*' \
  -exec cp {} "$OUT/lib/" \;
cp "$TARGET"/app/plugins/*.jar "$OUT/plugins/"
install -m 755 "$SRC/rongcloud" "$OUT/bin/rongcloud"
touch -d "$JAR_TIME" "$OUT"/lib/*.jar "$OUT"/plugins/*.jar

say "AppCDS archive (training run)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
offline_session "$work/train" "$OUT/runtime/bin/java"
mapfile -t train < <(offline_args "$work/train")
if on_display env RONGDESK_CDS_DUMP="$OUT/cds/rongdesk.jsa" RONGDESK_STARTUP=exit \
    "$OUT/bin/rongcloud" "${train[@]}" >"$work/train.log" 2>&1; then
  grep -q '^rongdesk: interactive' "$work/train.log" || { cat "$work/train.log" >&2; say "the training run never became interactive"; exit 1; }
  (cd "$OUT" && runtime/bin/java -Xshare:on -XX:SharedArchiveFile=cds/rongdesk.jsa \
    -cp "$(cd "$OUT" && ls lib/*.jar | LC_ALL=C sort | paste -sd: -)" -version >/dev/null 2>&1) ||
    { say "the archive made is not accepted"; exit 1; }
else
  rm -f "$OUT/cds/rongdesk.jsa"
  say "no display and no xvfb-run: no packaged archive (the first start makes one per user)"
fi

arch=$(uname -m)
tar -C "$TARGET/dist" -czf "$TARGET/dist/rongdesk-$VERSION-linux-$arch.tar.gz" rongdesk
say "done: $OUT ($(du -sh "$OUT" | cut -f1)), $TARGET/dist/rongdesk-$VERSION-linux-$arch.tar.gz"

if [[ ${RONGDESK_JPACKAGE:-on} == off ]] || [[ ! -x $JDK/bin/jpackage ]]; then
  say "no jpackage here: no app image, no .deb"
  exit 0
fi

say "app image (jpackage)"
JP=$TARGET/jpackage
input=$work/input
mkdir -p "$JP" "$input"
cp -p "$OUT"/lib/*.jar "$input/"
mkdir -p "$input/plugins" "$input/bin"
cp -p "$OUT"/plugins/*.jar "$input/plugins/"
cp -p "$OUT/bin/rongcloud" "$input/bin/rongcloud"
numeric=${VERSION%%-*}
ui_jar=$(basename "$(ls "$input"/rongdesk-swing-ui-*.jar)")
"$JDK/bin/jpackage" --type app-image --dest "$JP" --name rongdesk --app-version "$numeric" \
  --vendor "Rong Desk" --description "Accessible desktop chat client" \
  --input "$input" --main-jar "$ui_jar" --main-class "$MAIN" --runtime-image "$OUT/runtime"
IMAGE=$JP/rongdesk
cfg=$IMAGE/lib/app/rongdesk.cfg
# the class path: the application's jars only (jpackage lists every jar it finds, the plugins too,
# which must stay out of it), then the ATK wrapper where it is installed (see AtkHook)
{
  echo "[Application]"
  echo "app.mainclass=$MAIN"
  (cd "$IMAGE/lib/app" && ls *.jar | LC_ALL=C sort | sed 's|^|app.classpath=$APPDIR/|')
  echo "app.classpath=/usr/share/java/java-atk-wrapper.jar"
  echo
  echo "[JavaOptions]"
  for o in "${TUNED[@]}" '-Drongdesk.home=$APPDIR' \
      "-Djava.library.path=/usr/lib/$arch-linux-gnu/jni:/usr/lib/jni:/usr/lib64:/usr/lib"; do
    echo "java-options=$o"
  done
} >"$cfg.base"
touch -d "$JAR_TIME" "$IMAGE"/lib/app/*.jar "$IMAGE"/lib/app/plugins/*.jar
# JDK 17 takes a class-data archive only with the very class path it was made with, and the
# image's is absolute ($APPDIR), so its archive is made where it lies: a training run through the
# image's own launcher lists the classes the client loads to its window, then a static archive
# is dumped from that list (here for the image in place; the .deb's postinst dumps again under /opt)
{ grep -v java-atk-wrapper "$cfg.base"; echo 'java-options=-XX:DumpLoadedClassList=$APPDIR/rongdesk.classlist'; } >"$cfg"
rm -rf "$work/train" && offline_session "$work/train" "$OUT/runtime/bin/java"
image_cp=$(cd "$IMAGE/lib/app" && ls *.jar | LC_ALL=C sort | sed "s|^|$IMAGE/lib/app/|" | paste -sd: -)
if on_display env RONGDESK_STARTUP=exit "$IMAGE/bin/rongdesk" "${train[@]}" >"$work/image-train.log" 2>&1 &&
    [[ -s $IMAGE/lib/app/rongdesk.classlist ]] &&
    "$IMAGE/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$IMAGE/lib/app/rongdesk.classlist" \
      -XX:SharedArchiveFile="$IMAGE/lib/app/rongdesk.jsa" -cp "$image_cp" >"$work/image-dump.log" 2>&1; then
  { cat "$cfg.base"; echo 'java-options=-Xshare:auto'; echo 'java-options=-XX:SharedArchiveFile=$APPDIR/rongdesk.jsa'
    echo 'java-options=-Xlog:cds=off'; } >"$cfg"
else
  cat "$work/image-train.log" "$work/image-dump.log" >&2 2>/dev/null || true
  say "the image's training run failed: no archive in the image"
  cp "$cfg.base" "$cfg"
fi
rm -f "$cfg.base"

if ! command -v dpkg-deb >/dev/null 2>&1 || ! command -v fakeroot >/dev/null 2>&1; then
  say "no dpkg-deb/fakeroot: no .deb"
  exit 0
fi
say ".deb (jpackage)"
# the package leaves out the image's archive: it holds only where the image lies now, and postinst
# makes the installed one from the class list
deb_image=$work/deb-image/rongdesk
mkdir -p "$work/deb-image" && cp -a "$IMAGE" "$deb_image" && rm -f "$deb_image/lib/app/rongdesk.jsa"
"$JDK/bin/jpackage" --type deb --dest "$JP" --app-image "$deb_image" --name rongdesk --app-version "$numeric" \
  --vendor "Rong Desk" --description "Accessible desktop chat client" \
  --linux-package-name rongdesk --linux-menu-group "Network;InstantMessaging" --linux-shortcut \
  --linux-app-category net --resource-dir "$SRC/deb"
say "done: $(ls "$JP"/*.deb)"
