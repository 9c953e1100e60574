#!/usr/bin/env bash
# Copied from the team's toolchain /work/shared/tools/a11y/a11y-session.sh (see
# shared/notes/accessibility-testing.md) and adapted for CI: no Orca, bounded waits, quiet on success.
#
# Runs a Swing app under a private headless "desktop" (Xvfb on a free display + session D-Bus +
# AT-SPI bus), exposed through the Java ATK wrapper, then runs AT-SPI probes against it.
#
# Usage:
#   a11y-session.sh [probe args ...]            probe args go to atspi_walk.py, e.g. "dump", "walk",
#                                               "send hello"; several probes separated by "--next"
# Env:
#   APP_CP        classpath of the app   (required)
#   APP_MAIN      main class             (required)
#   APP_ARGS      arguments for the app  (optional; split on blanks)
#   APP_TITLE     substring of the window title to wait for and probe (required)
#   JAVA_OPTS     extra JVM options      (optional; split on blanks)
#   APP_WAIT      seconds to wait for the window to show (default 45)
#   PROBE_TIMEOUT seconds one probe may take before it is killed (default 90)
#   SCREENSHOT    if set, PNG path for a screenshot taken after the probes (needs imagemagick)
#   A11Y_VERBOSE  if set, print the app log even when the probes pass
# Exit code: the first failing probe's (atspi_walk.py: 1), 1 if the window did not show in time,
#            3 if the app exited before its window showed.
#
# Needs (Debian 12): xvfb xdotool x11-utils dbus dbus-bin at-spi2-core libatk-wrapper-java
#                    libatk-wrapper-java-jni python3-gi gir1.2-atspi-2.0 python3-pyatspi
#                    (not dbus-x11: with it, the wrapper autolaunches stray D-Bus daemons)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
: "${APP_CP:?set APP_CP to the app's class path}"
: "${APP_MAIN:?set APP_MAIN to the app's main class}"
APP_ARGS=${APP_ARGS:-}
APP_TITLE=${APP_TITLE:?set APP_TITLE to a substring of the main window title}
ATK_JAR=/usr/share/java/java-atk-wrapper.jar          # libatk-wrapper-java
export APP_CP APP_MAIN APP_ARGS APP_TITLE ATK_JAR HERE
export JAVA_OPTS=${JAVA_OPTS:-}
export SCREENSHOT=${SCREENSHOT:-}
export APP_WAIT=${APP_WAIT:-45}
export PROBE_TIMEOUT=${PROBE_TIMEOUT:-90}

if [[ -z "${_A11Y_INNER:-}" ]]; then
  # ---- outer part: private X server on a free display (never a fixed number, works inside
  #      xvfb-run too: it only replaces DISPLAY), private session bus
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/a11y-session.XXXXXX")
  exec 5>"$WORK/display"
  Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
  XVFB_PID=$!
  exec 5>&-
  trap 'kill $XVFB_PID 2>/dev/null || true; wait $XVFB_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  for _ in $(seq 1 100); do [[ -s "$WORK/display" ]] && break; kill -0 $XVFB_PID 2>/dev/null || break; sleep 0.1; done
  if [[ ! -s "$WORK/display" ]]; then
    echo "error: Xvfb did not start:" >&2; sed 's/^/# /' "$WORK/xvfb.log" >&2; exit 1
  fi
  export DISPLAY=":$(head -1 "$WORK/display")"
  unset XAUTHORITY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS
  echo "# Xvfb on DISPLAY=$DISPLAY (pid $XVFB_PID)" >&2
  export WORK
  rc=0
  _A11Y_INNER=1 dbus-run-session -- "$0" "$@" || rc=$?
  exit $rc
fi

# ---- inner part: runs inside the private session bus
# 1) accessibility bus. It also sets AT_SPI_BUS on the X root window, which is exactly what
#    org.GNOME.Accessibility.AtkWrapper checks (via /usr/bin/xprop -root) before enabling itself.
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$WORK/atspi.log" 2>&1 &
BUS_PID=$!
for _ in $(seq 1 50); do xprop -root AT_SPI_BUS 2>/dev/null | grep -q unix: && break; sleep 0.1; done

# 2) the app, with the ATK wrapper as assistive technology (jar must be on the class path;
#    the native part is found via $JAVA_HOME/lib/libatk-wrapper.so -> libatk-wrapper-java-jni)
# shellcheck disable=SC2086
java -Djavax.accessibility.assistive_technologies=org.GNOME.Accessibility.AtkWrapper \
     $JAVA_OPTS -cp "$APP_CP:$ATK_JAR" "$APP_MAIN" $APP_ARGS >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!
cleanup() {
  kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true
  kill $BUS_PID 2>/dev/null || true; wait $BUS_PID 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
app_log() { if [[ -s "$WORK/app.log" ]]; then echo "# --- app log:" >&2; sed 's/^/# /' "$WORK/app.log" >&2; fi; }

WID=
deadline=$((SECONDS + APP_WAIT))
while (( SECONDS < deadline )); do
  WID=$(xdotool search --onlyvisible --name "$APP_TITLE" 2>/dev/null | head -1 || true)
  [[ -n "$WID" ]] && break
  kill -0 $APP_PID 2>/dev/null || break
  sleep 0.2
done
if [[ -z "$WID" ]]; then
  if kill -0 $APP_PID 2>/dev/null; then
    echo "error: no window titled '*$APP_TITLE*' showed within ${APP_WAIT}s" >&2; app_log; exit 1
  fi
  st=0; wait $APP_PID || st=$?
  echo "error: the app exited with status $st before a window titled '*$APP_TITLE*' showed" >&2; app_log; exit 3
fi
# No window manager: the Java frame takes the keyboard focus itself. Do not "xdotool windowfocus"
# (Java loses focus); FOCUS_MODE=click clicks into the window instead.
[[ "${FOCUS_MODE:-none}" == windowfocus ]] && { xdotool windowfocus --sync "$WID" || echo "# WARN: xdotool windowfocus failed" >&2; }
[[ "${FOCUS_MODE:-none}" == click ]] && xdotool mousemove --window "$WID" 5 5 click 1
sleep 1

rc=0
probe=()
run_probe() {
  local r=0
  timeout --kill-after=5 "$PROBE_TIMEOUT" /usr/bin/python3 "$HERE/atspi_walk.py" --app "$APP_TITLE" "${probe[@]}" || r=$?
  [[ $r -eq 124 ]] && echo "!! probe '${probe[*]}' timed out after ${PROBE_TIMEOUT}s" >&2
  [[ $rc -eq 0 ]] && rc=$r
  return 0
}
for a in "$@"; do
  if [[ "$a" == "--next" ]]; then run_probe; probe=(); else probe+=("$a"); fi
done
[[ ${#probe[@]} -gt 0 ]] && run_probe
if [[ -n "$SCREENSHOT" ]]; then import -window root "$SCREENSHOT" && echo "# screenshot: $SCREENSHOT" >&2 || true; fi
if ! kill -0 $APP_PID 2>/dev/null; then echo "!! the app exited during the probes" >&2; [[ $rc -eq 0 ]] && rc=1; fi
if [[ $rc -ne 0 || -n "${A11Y_VERBOSE:-}" ]]; then app_log; fi
exit $rc
