#!/usr/bin/env bash
# CI step (mvn verify, installer module, phase integration-test): walks the real Rong Desk client
# with the keyboard through AT-SPI, as a screen reader does, and fails when a Tab stop has no name
# or the focus cycle never closes (a focus trap). Walks the main window, then the kiosk window.
#
# usage: walk-client.sh APP_DIR        APP_DIR = the assembled app (installer/target/app)
#
# It starts a private dev server (ejabberd on loopback, free ports, temporary home), registers the
# users, lets bob send alice a message and both join a group (and post in the kiosk's room), then
# runs a11y-session.sh (own Xvfb, D-Bus session and AT-SPI bus) once per window. Everything it
# started is stopped and its temporary directory removed on exit. Tokens live only in mode-600
# files in that directory; they are never printed. Exit code: 0 all walks passed, 1 a walk failed
# or the set-up did not work, 2 bad usage.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
say() { printf '%s\n' "$*" >&2; }
die() { say "a11y walk: error: $*"; exit 1; }

[[ $# -eq 1 ]] || { say "usage: $0 APP_DIR"; exit 2; }
[[ -d $1/lib ]] || die "$1/lib does not exist: build the app first (./rongcloud build or mvn package)"
APP=$(cd "$1" && pwd)
START=$SECONDS
exec 2>&1   # one stream, so that CI logs keep the order

# ---- what the step needs (Debian packages as in README.md)
missing=()
for cmd in java Xvfb dbus-run-session xprop dbus-send xdotool erl timeout; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
done
for file in /usr/libexec/at-spi-bus-launcher /usr/share/java/java-atk-wrapper.jar; do
  [[ -e $file ]] || missing+=("$file")
done
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || missing+=("python3-pyatspi")
[[ ${#missing[@]} -eq 0 ]] || die "missing: ${missing[*]} (see $HERE/README.md for the packages)"

JVM=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)   # quick start-up, little memory: 2-core CI machines
# the client on the JDK ./rongcloud ui picks (the newest >= 25 when installed), with the JNI path
# Debian's JDK has built in (Temurin looks only in /usr/lib) and native access from Java 22
# shellcheck source=../../dist/runtime-choice.sh
source "$HERE/../../dist/runtime-choice.sh"
CLIENT_JDK=$(newest_jdk java "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
CLIENT_JVM=("${JVM[@]}" "-Djava.library.path=/usr/lib/$(uname -m)-linux-gnu/jni:/usr/lib/jni:/usr/lib64:/usr/lib")
(($(jdk_feature "$CLIENT_JDK") >= 22)) && CLIENT_JVM+=(--enable-native-access=ALL-UNNAMED)
JOPTS=("${JVM[@]}" "-Djava.util.logging.SimpleFormatter.format=%1\$tT %4\$s %3\$s: %5\$s%6\$s%n")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rongdesk-a11y.XXXXXX")
chmod 700 "$WORK"
mkdir -m 700 "$WORK/tokens"
SERVER_STARTED=
BRIDGE_PID=

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  bridge_close
  if [[ -n $SERVER_STARTED ]]; then
    devkit server stop >/dev/null 2>>"$WORK/devkit.log" || say "a11y walk: warning: stopping the dev server failed"
  fi
  if [[ $rc -ne 0 && -s $WORK/devkit.log ]]; then say "# --- dev kit log:"; sed 's/^/# /' "$WORK/devkit.log" >&2; fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

devkit() {
  java "${JOPTS[@]}" -cp "$APP/lib/*" org.rongdesk.devserver.DevKitMain --home "$WORK" "$@"
}

free_ports() {
  /usr/bin/python3 -c 'import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])'
}

# ---- private dev server on free ports (another process may grab a port between the probe and
#      the start: then try again with new ones)
for attempt in 1 2 3; do
  read -r C2S HTTP < <(free_ports)
  if devkit server start --c2s-port "$C2S" --http-port "$HTTP" >>"$WORK/devkit.log" 2>&1; then
    SERVER_STARTED=1; break
  fi
  devkit server stop >>"$WORK/devkit.log" 2>&1 || true
  [[ $attempt -eq 3 ]] && die "the dev server did not start"
done
say "# dev server on 127.0.0.1:$C2S (XMPP), :$HTTP (HTTP), home $WORK"

for user in alice bob kiosk; do
  (umask 077 && devkit token "$user" >"$WORK/tokens/$user.token" 2>>"$WORK/devkit.log") ||
    die "could not register '$user' on the dev server"
done

# A bridge session (one at a time): bridge_open USER; bridge_do REQUEST...; bridge_close.
# bridge_do sends each JSON request line (@TOKEN@ is replaced by USER's token, which stays in this
# shell: printf is a builtin) and waits for its final answer; it fails on an error answer.
BRIDGE_USER=
bridge_open() {
  BRIDGE_USER=$1
  coproc BRIDGE { exec java "${JOPTS[@]}" -cp "$APP/lib/*" org.rongdesk.bridge.BridgeMain \
    --config "$WORK/config.xml" --data "$WORK/data/$BRIDGE_USER" 2>>"$WORK/bridge-$BRIDGE_USER.err"; }
  BRIDGE_IN=${BRIDGE[1]}; BRIDGE_OUT=${BRIDGE[0]}
}
bridge_do() {
  local user=$BRIDGE_USER token req id line
  token=$(<"$WORK/tokens/$user.token")
  for req in "$@"; do
    id=${req#\{\"id\":}; id=${id%%,*}
    printf '%s\n' "${req//@TOKEN@/$token}" >&"$BRIDGE_IN"
    while :; do
      if ! IFS= read -r -t 30 line <&"$BRIDGE_OUT"; then
        say "a11y walk: the bridge ($user) did not answer request $id"; bridge_failed; return 1
      fi
      line=${line//$token/<token>}
      printf '%s\n' "$line" >>"$WORK/bridge-$user.log"
      [[ $line == "{\"id\":$id,"* ]] || continue
      [[ $line == *'"err":null}' ]] || { say "a11y walk: bridge ($user) request $id failed: $line"; bridge_failed; return 1; }
      [[ $line == *'"status":"prepare"'* ]] || break
    done
  done
}
bridge_failed() { [[ -s $WORK/bridge-$BRIDGE_USER.err ]] && tail -20 "$WORK/bridge-$BRIDGE_USER.err" | sed 's/^/# /'; bridge_close; }
bridge_close() {
  [[ -n ${BRIDGE_PID:-} ]] || return 0
  local pid=$BRIDGE_PID
  printf '%s\n' '{"id":99,"method":"disconnect","params":false}' >&"$BRIDGE_IN" 2>/dev/null || true
  { exec {BRIDGE_IN}>&- {BRIDGE_OUT}<&-; } 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  BRIDGE_PID=
}

# ---- something to read: alice is in the group 'demo'; bob writes to alice, joins the group and
#      posts there, then joins the kiosk's chat room 'lobby', posts there and stays in it during
#      the walks (a chat room lives only while someone is in it)
INIT='{"id":1,"method":"init"}'
CONNECT='{"id":2,"method":"connect","params":{"token":"@TOKEN@"}}'
bridge_open alice
bridge_do "$INIT" "$CONNECT" '{"id":3,"method":"joinGroup","params":{"groupId":"demo","groupName":"Demo group"}}' ||
  die "preparing alice failed"
bridge_close
bridge_open kiosk     # a first sign-in takes the server longest: do it before the walk
bridge_do "$INIT" "$CONNECT" || die "preparing kiosk failed"
bridge_close
bridge_open bob
bridge_do "$INIT" "$CONNECT" \
  '{"id":3,"method":"sendTextMessage","params":{"conversationType":"PRIVATE","targetId":"alice","text":"Hello alice, 你好"}}' \
  '{"id":4,"method":"joinGroup","params":{"groupId":"demo","groupName":"Demo group"}}' \
  '{"id":5,"method":"sendTextMessage","params":{"conversationType":"GROUP","targetId":"demo","text":"Hello, group"}}' \
  '{"id":6,"method":"joinChatRoom","params":{"chatRoomId":"lobby","defMessageCount":10}}' \
  '{"id":7,"method":"sendTextMessage","params":{"conversationType":"CHATROOM","targetId":"lobby","text":"Welcome to the lobby"}}' ||
  die "preparing bob failed"
say "# prepared in $((SECONDS - START))s: bob wrote to alice, in group 'demo' and in chat room 'lobby'"
say "# the client runs on $CLIENT_JDK"

# walk NAME USER TITLE [CLIENT ARGS...] : one screen-reader walk of the client signed in as USER
FAILED=()
walk() {
  local name=$1 user=$2 title=$3; shift 3
  local t0=$SECONDS rc=0
  say ""
  say "== a11y walk: $name (as $user, window '$title')"
  set +e
  # (the filter drops dbus-daemon's harmless "Failed to set fd limit" when run as root in a container)
  PATH="$CLIENT_JDK/bin:$PATH" APP_CP="$APP/lib/*" APP_MAIN=org.rongdesk.ui.main.UiMain APP_TITLE="$title" \
  APP_ARGS="--config $WORK/config.xml --data $WORK/data/$user --token-file $WORK/tokens/$user.token $*" \
  JAVA_OPTS="${CLIENT_JVM[*]} -Drongdesk.home=$APP" \
    bash "$HERE/a11y-session.sh" walk 2>&1 | grep --line-buffered -v 'Failed to set fd limit'
  rc=${PIPESTATUS[0]}
  set -e
  if [[ $rc -eq 0 ]]; then
    say "== $name: PASS ($((SECONDS - t0))s)"
  else
    say "== $name: FAIL (exit $rc, $((SECONDS - t0))s)"
    FAILED+=("$name")
  fi
}

walk "main window" alice "Rong Desk - alice"
walk "kiosk window" kiosk "Rong Desk — lobby" --kiosk lobby

bridge_close
say ""
if [[ ${#FAILED[@]} -gt 0 ]]; then
  say "a11y walk: FAILED: ${FAILED[*]} (see above: '!!' marks unnamed stops, 'FOCUS TRAP' a cycle that never closed) ($((SECONDS - START))s)"
  exit 1
fi
say "a11y walk: all windows passed ($((SECONDS - START))s)"
