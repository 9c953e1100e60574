#!/usr/bin/env bash
# Builds the self-contained distribution from the assembled application (run by Maven: see the
# `dist` profile in installer/pom.xml and "The distribution" in the project README).
#
# usage: build-dist.sh TARGET_DIR VERSION MAVEN_JAVA_HOME
#   TARGET_DIR/app/{lib,plugins}  the application as the installer module assembled it (input)
#   TARGET_DIR/dist/rongdesk      the distribution: runtime/ (jlink), lib/, plugins/, cds/, bin/rongcloud
#   TARGET_DIR/dist/rongdesk-VERSION-linux-ARCH.tar.gz  the same, packed
#   TARGET_DIR/jpackage/          where jpackage exists: the app image rongdesk/ and a .deb
# The runtime comes from the newest JDK found: JAVA_HOME when set, else the newest JDK >= 25 in
# /usr/lib/jvm (Temurin 25 on every machine of this kind), else MAVEN_JAVA_HOME. The application
# stays Java 17 bytecode. A JDK >= 25 gets an AOT cache (JEP 483/514/515: classes loaded and linked,
# method profiles), an older one an AppCDS archive; both are made by a training run here.
# Environment: RONGDESK_JPACKAGE=off skips the app image and the .deb; RONGDESK_JVM_DIR replaces
# /usr/lib/jvm.
set -euo pipefail

TARGET=$(cd "$1" && pwd -P)
VERSION=$2
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=runtime-choice.sh
source "$SRC/runtime-choice.sh"
JDK=$(newest_jdk jlink "$3")
FEATURE=$(jdk_feature "$JDK")
OUT=$TARGET/dist/rongdesk
MAIN=org.rongdesk.ui.main.UiMain
# jdeps over the client's jars and plugins (java.compiler, java.instrument, java.scripting and
# jdk.net are H2's and PF4J's), plus what is loaded by name: zip file systems (plugin jars),
# sun.misc.Unsafe (Gson), locale data for the Chinese UI, the
# accessibility utilities the ATK wrapper is built on, DNS for Smack's SRV look-ups (its resolver
# fails without it) and jdk.management for Lucene's HotSpot checks; jdk.crypto.ec only where the
# JDK still has it (its classes moved into java.base in JDK 22)
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.net,\
jdk.zipfs,jdk.unsupported,jdk.localedata,jdk.accessibility,jdk.naming.dns,jdk.management
if "$JDK/bin/java" --list-modules | grep -q '^jdk\.crypto\.ec@'; then
  MODULES+=,jdk.crypto.ec
fi
# every jar gets this mtime: a CDS archive checks it, and the archive is made here
JAR_TIME='2000-01-01 00:00:00 UTC'   # also in deb/postinst
# the launcher's tuned options (the header of src/dist/rongcloud says how they were chosen)
read -r -a TUNED <<<"$(tuned_options "$FEATURE")"

say() { printf 'build-dist: %s\n' "$*" >&2; }

# shellcheck source=offline-session.sh
source "$SRC/offline-session.sh"

say "runtime (jlink) from $JDK (Java $FEATURE)"
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
install -m 644 "$SRC/runtime-choice.sh" "$OUT/bin/runtime-choice.sh"
touch -d "$JAR_TIME" "$OUT"/lib/*.jar "$OUT"/plugins/*.jar

# the class cache: an AOT cache from Java 25 on, else an AppCDS archive (the launcher picks by the
# runtime's release file too)
if ((FEATURE >= 25)); then CACHE=cds/rongdesk.aot; else CACHE=cds/rongdesk.jsa; fi
say "class cache $CACHE (training run)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
offline_session "$work/train" "$OUT/runtime/bin/java"
mapfile -t train < <(offline_args "$work/train")
if on_display env RONGDESK_CDS_DUMP="$OUT/$CACHE" RONGDESK_STARTUP=exit \
    "$OUT/bin/rongcloud" "${train[@]}" >"$work/train.log" 2>&1; then
  grep -q '^rongdesk: interactive' "$work/train.log" || { cat "$work/train.log" >&2; say "the training run never became interactive"; exit 1; }
  if ((FEATURE >= 25)); then accept=(-XX:AOTMode=on "-XX:AOTCache=$CACHE"); else accept=(-Xshare:on "-XX:SharedArchiveFile=$CACHE"); fi
  (cd "$OUT" && runtime/bin/java "${TUNED[@]}" "${accept[@]}" \
    -cp "$(cd "$OUT" && ls lib/*.jar | LC_ALL=C sort | paste -sd: -)" -version >/dev/null 2>&1) ||
    { cat "$work/train.log" >&2; say "the class cache made is not accepted"; exit 1; }
else
  rm -f "$OUT/$CACHE"
  say "no display and no xvfb-run: no packaged class cache (the first start makes one per user)"
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
cp -p "$OUT/bin/rongcloud" "$OUT/bin/runtime-choice.sh" "$input/bin/"
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
  for o in "${TUNED[@]}" '-Drongdesk.home=$APPDIR' '-XX:ErrorFile=$HOME/.cache/rongdesk/hs_err_pid%p.log' \
      "-Djava.library.path=/usr/lib/$arch-linux-gnu/jni:/usr/lib/jni:/usr/lib64:/usr/lib"; do
    echo "java-options=$o"
  done
} >"$cfg.base"
touch -d "$JAR_TIME" "$IMAGE"/lib/app/*.jar "$IMAGE"/lib/app/plugins/*.jar
# The image's class path is absolute ($APPDIR). JDK 17 takes a class-data archive only with the
# very class path it was made with, so a training run through the image's own launcher lists the
# classes the client loads to its window, and a static archive is dumped from that list (for the
# image in place; the .deb's postinst dumps again under /opt). From Java 25 the training run
# records an AOT configuration, from which the cache is made (here, and again by the .deb's
# postinst where it is installed: a configuration holds when moved, as long as the jars match).
if ((FEATURE >= 25)); then
  record='java-options=-XX:AOTMode=record'$'\n''java-options=-XX:AOTConfiguration=$APPDIR/rongdesk.aotconf'
  made=$IMAGE/lib/app/rongdesk.aotconf
  make_cache=("$IMAGE/lib/runtime/bin/java" "${TUNED[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$made"
    -XX:AOTCache="$IMAGE/lib/app/rongdesk.aot")
  use_cache=('java-options=-XX:AOTCache=$APPDIR/rongdesk.aot' 'java-options=-Xlog:aot=off' 'java-options=-Xlog:cds=off')
else
  record='java-options=-XX:DumpLoadedClassList=$APPDIR/rongdesk.classlist'
  made=$IMAGE/lib/app/rongdesk.classlist
  make_cache=("$IMAGE/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$made"
    -XX:SharedArchiveFile="$IMAGE/lib/app/rongdesk.jsa")
  use_cache=('java-options=-Xshare:auto' 'java-options=-XX:SharedArchiveFile=$APPDIR/rongdesk.jsa' 'java-options=-Xlog:cds=off')
fi
{ grep -v java-atk-wrapper "$cfg.base"; echo "$record"; } >"$cfg"
rm -rf "$work/train" && offline_session "$work/train" "$OUT/runtime/bin/java"
image_cp=$(cd "$IMAGE/lib/app" && ls *.jar | LC_ALL=C sort | sed "s|^|$IMAGE/lib/app/|" | paste -sd: -)
if on_display env RONGDESK_STARTUP=exit "$IMAGE/bin/rongdesk" "${train[@]}" >"$work/image-train.log" 2>&1 &&
    [[ -s $made ]] && "${make_cache[@]}" -cp "$image_cp" >"$work/image-dump.log" 2>&1; then
  { cat "$cfg.base"; printf '%s\n' "${use_cache[@]}"; } >"$cfg"
else
  cat "$work/image-train.log" "$work/image-dump.log" >&2 2>/dev/null || true
  say "the image's training run failed: no class cache in the image"
  cp "$cfg.base" "$cfg"
fi
rm -f "$cfg.base"

if ! command -v dpkg-deb >/dev/null 2>&1 || ! command -v fakeroot >/dev/null 2>&1; then
  say "no dpkg-deb/fakeroot: no .deb"
  exit 0
fi
say ".deb (jpackage)"
# the package leaves out the image's class cache: postinst makes the installed one from the class
# list or AOT configuration (an archive of JDK 17 holds only where the image lies now)
deb_image=$work/deb-image/rongdesk
mkdir -p "$work/deb-image" && cp -a "$IMAGE" "$deb_image" && rm -f "$deb_image"/lib/app/rongdesk.{jsa,aot}
"$JDK/bin/jpackage" --type deb --dest "$JP" --app-image "$deb_image" --name rongdesk --app-version "$numeric" \
  --vendor "Rong Desk" --description "Accessible desktop chat client" \
  --linux-package-name rongdesk --linux-menu-group "Network;InstantMessaging" --linux-shortcut \
  --linux-app-category net --resource-dir "$SRC/deb"
say "done: $(ls "$JP"/*.deb)"
