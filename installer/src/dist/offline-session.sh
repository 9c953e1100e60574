# Sourced by build-dist.sh and check-dist.sh: an offline sign-in for starting the built client
# without a server, and a display to start it on. Needs $TARGET (the installer's target directory).

# A throw-away App Secret, user and config pointing at a closed port in DIR: the client opens the
# store and the main window; the server is never reached.
offline_session() {
  local dir=$1 java=$2
  mkdir -p "$dir/data"
  "$java" -cp "$TARGET/app/lib/*" org.rongdesk.token.TokenTool --new-secret "$dir/secret.jwk" >/dev/null
  (umask 077 && "$java" -cp "$TARGET/app/lib/*" org.rongdesk.token.TokenTool --secret "$dir/secret.jwk" \
    --app-key offline.invalid --user offline >"$dir/token")
  cat >"$dir/config.xml" <<'XML'
<widget><feature name="rongCloud">
  <param name="appKey" value="offline.invalid"/>
  <param name="server" value="127.0.0.1:9"/>
  <param name="tls" value="disabled"/>
</feature></widget>
XML
}

# The client's arguments for the offline session in DIR.
offline_args() {
  printf '%s\n' --config "$1/config.xml" --data "$1/data" --token-file "$1/token"
}

# Runs "$@" on the display there is, or on a private Xvfb; false when there is neither.
on_display() {
  if [[ -n ${DISPLAY:-} ]]; then
    "$@"
  elif command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' "$@"
  else
    return 1
  fi
}
