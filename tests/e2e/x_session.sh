# x_session.sh: what the end-to-end scripts that need an X server share.
# Sourced (not a test: ctest runs only test_*.sh). After sourcing:
#   work      a fresh folder, removed on exit with every process in pids
#   pids      processes to kill on exit (append to it)
#   need_tools TOOL...          exit 1 naming the first missing tool
#   start_x NAME [Xvfb opts]    a new Xvfb (1600x1000); sets DISPLAY and
#                               xvfb_pid; its log in $work/NAME.xvfb.log
# HOME and the XDG folders point into $work: no user files leak in.
work="$(mktemp -d)"
pids=()
x_session_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap x_session_cleanup EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || {
      echo "e2e: '$tool' is missing: run scripts/setup-debian --test"; exit 1; }
  done
}

start_x() {
  local name="$1"; shift
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp "$@" \
    3>"$work/$name.display" 2>"$work/$name.xvfb.log" &
  xvfb_pid=$!
  pids+=("$xvfb_pid")
  for _ in $(seq 100); do [ -s "$work/$name.display" ] && break; sleep 0.05; done
  export DISPLAY=":$(head -n1 "$work/$name.display")"
}
