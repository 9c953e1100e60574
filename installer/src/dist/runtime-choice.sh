# Sourced by build-dist.sh and the project's ./rongcloud: which JDK runs or packages the client, and
# the JVM options it runs with. Kept in one place because an AOT cache is only used with the very
# options it was trained with.

# The feature release of the JDK or runtime in $1 (17, 25 ...), from its release file; 0 if unknown.
jdk_feature() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -1)
  echo "${v:-0}"
}

# The JDK to use: JAVA_HOME when it has bin/$1, else the newest JDK >= 25 with bin/$1 in the JVM
# directory (RONGDESK_JVM_DIR, default /usr/lib/jvm), else $2.
newest_jdk() {
  local tool=$1 fallback=$2 dir best='' best_feature=24 feature
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/$tool ]]; then
    echo "$JAVA_HOME"
    return
  fi
  for dir in "${RONGDESK_JVM_DIR:-/usr/lib/jvm}"/*; do
    [[ -x $dir/bin/$tool ]] || continue
    feature=$(jdk_feature "$dir")
    if ((feature > best_feature)); then
      best=$dir
      best_feature=$feature
    fi
  done
  echo "${best:-$fallback}"
}

# The launcher's tuned options for Java $1 (the header of src/dist/rongcloud says how they were
# chosen); from Java 22 on, native access for Lucene's madvise (else a warning on every start).
tuned_options() {
  local options='-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms16m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20'
  (($1 >= 22)) && options+=' --enable-native-access=ALL-UNNAMED'
  echo "$options"
}

# The JVM option that puts a crash report (hs_err_pid*.log) in the user's cache directory, made
# here: HotSpot writes it into the working directory by default, and falls back to it when the
# directory named is missing. (The jpackage image names $HOME/.cache/rongdesk, which its launcher
# expands from Java 25 on, and the client makes that directory when it starts.)
crash_file_option() {
  local dir=${XDG_CACHE_HOME:-$HOME/.cache}/rongdesk
  mkdir -p "$dir" 2>/dev/null && chmod 700 "$dir" 2>/dev/null || true
  echo "-XX:ErrorFile=$dir/hs_err_pid%p.log"
}
