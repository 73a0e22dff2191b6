#!/usr/bin/env bash
# Display faults, with the real binary in real X servers (Xvfb):
#   1. no accelerated renderer (an X server without GLX) while
#      --renderer accelerated asks for one: the program says it draws in
#      software and shows exactly the expected board (the default, auto,
#      draws in software here without asking);
#   2. fullscreen toggled 21 times in a burst under a window manager
#      (openbox), then off: full screen covers the screen, and back in the
#      window the board is pixel-identical to the expected state;
#   3. the window resized down to 1x1 and other tiny sizes, then back: the
#      program lives and the board is pixel-identical again;
#   4. the X server killed under it: the program ends within 5 s with
#      status 1 (not a signal), says why, and leaves no core or sanitizer
#      report.
set -euo pipefail

bin="${SOUNDBOARD_BINARY:?set by ctest}"
source "$(dirname "$0")/x_session.sh"
need_tools Xvfb xdotool import compare openbox
export SDL_VIDEODRIVER=x11
fail=0
say_fail() { echo "e2e: FAIL $*"; fail=1; }

# start_app NAME ARGS...: the program in a window; sets app, win.
start_app() {
  local name="$1"; shift
  "$bin" "$@" 2>"$work/$name.log" &
  app=$!
  pids+=("$app")
  win="$(timeout 20 xdotool search --sync --onlyvisible --pid "$app" | head -n1)"
  [ -n "$win" ] || { echo "e2e: $name: no window"; cat "$work/$name.log"; exit 1; }
  sleep 1
}
same_pixels() { # a b
  local n
  n="$(compare -metric AE "$1" "$2" null: 2>&1 || true)"
  [ "${n%% *}" = "0" ]
}
keep() {
  mkdir -p "${E2E_KEEP:-/tmp}/soundboard-e2e"
  cp "$@" "${E2E_KEEP:-/tmp}/soundboard-e2e/"
}
geometry() { xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p'; }

mix=(--set goals=20 --set inquiry=75 --set task=50 --set feedback=90
     --focus inquiry)
SDL_RENDER_DRIVER=software "$bin" --size 1280x720 "${mix[@]}" \
  --screenshot "$work/expected.png"
SDL_RENDER_DRIVER=software "$bin" --size 1600x1000 "${mix[@]}" \
  --screenshot "$work/expected-full.png"

# 1. No accelerated renderer: an X server without GLX.
start_x nogl -extension GLX
start_app nogl --renderer accelerated --size 1280x720 "${mix[@]}"
import -window "$win" "$work/nogl.png"
if grep -q "no accelerated renderer" "$work/nogl.log"; then
  echo "e2e: ok   without GLX it says: $(grep -m1 'no accelerated' "$work/nogl.log")"
else
  say_fail "without GLX, no 'no accelerated renderer' message"
fi
if same_pixels "$work/nogl.png" "$work/expected.png"; then
  echo "e2e: ok   without GLX the software-drawn window shows the expected board"
else
  say_fail "without GLX the window differs from the expected board"
  keep "$work/nogl.png" "$work/expected.png"
fi
kill "$app"; wait "$app" || true
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true

# 2 and 3 share one X server with a window manager; software rendering so
# the window can be compared with --screenshot pixel for pixel.
start_x wm
openbox >"$work/openbox.log" 2>&1 &
pids+=($!)
sleep 1
export SDL_RENDER_DRIVER=software
start_app wm --size 1280x720 "${mix[@]}"
[ "$(geometry)" = "1280x720" ] || say_fail "window opened at $(geometry)"

# 2. Fullscreen 21 times in a burst (odd: ends in full screen), then off.
for _ in $(seq 21); do xdotool key --window "$win" F11; done
sleep 1.5
if [ "$(geometry)" = "1600x1000" ]; then
  echo "e2e: ok   after 21 toggles the window covers the screen (1600x1000)"
else
  say_fail "after 21 toggles the window is $(geometry), not 1600x1000"
fi
import -window "$win" "$work/full.png"
if same_pixels "$work/full.png" "$work/expected-full.png"; then
  echo "e2e: ok   full screen shows the board laid out for 1600x1000"
else
  say_fail "full screen differs from --size 1600x1000 --screenshot"
  keep "$work/full.png" "$work/expected-full.png"
fi
xdotool key --window "$win" F11
sleep 1.5
[ "$(geometry)" = "1280x720" ] ||
  say_fail "after full screen off the window is $(geometry), not 1280x720"
import -window "$win" "$work/back.png"
if same_pixels "$work/back.png" "$work/expected.png"; then
  echo "e2e: ok   back in the window the board is pixel-identical"
else
  say_fail "after full screen off the window differs from the expected board"
  keep "$work/back.png" "$work/expected.png"
fi

# 3. Tiny sizes, each drawn, then back to 1280x720.
sizes=("1 1" "2 2" "1 400" "400 1" "10 10" "37 5" "120 80" "300 200")
alive=1
for size in "${sizes[@]}"; do
  read -r w h <<<"$size"
  xdotool windowsize "$win" "$w" "$h"
  sleep 0.3
  kill -0 "$app" 2>/dev/null || { say_fail "the program died at ${w}x$h"; alive=0; break; }
done
[ "$alive" = 0 ] || echo "e2e: ok   alive through ${sizes[*]/ /x}"
xdotool windowsize "$win" 1280 720
sleep 1.5
import -window "$win" "$work/resized.png"
if same_pixels "$work/resized.png" "$work/expected.png"; then
  echo "e2e: ok   back at 1280x720 the board is pixel-identical"
else
  say_fail "after tiny sizes the window differs from the expected board"
  keep "$work/resized.png" "$work/expected.png"
fi
if grep -Eq "runtime error|AddressSanitizer|LeakSanitizer" "$work/wm.log"; then
  say_fail "sanitizer report while resizing: $(head -5 "$work/wm.log")"
fi

# 4. The X server killed under the running program.
kill -KILL "$xvfb_pid"
status=""
for _ in $(seq 50); do
  if ! kill -0 "$app" 2>/dev/null; then
    status=0; wait "$app" || status=$?
    break
  fi
  sleep 0.1
done
if [ -z "$status" ]; then
  say_fail "the program still runs 5 s after its X server was killed"
elif [ "$status" -eq 1 ]; then
  echo "e2e: ok   X server killed: the program ended with status 1"
else
  say_fail "X server killed: the program ended with status $status, want 1"
fi
if grep -q "the display went away" "$work/wm.log"; then
  echo "e2e: ok   it said: $(grep -m1 'the display went away' "$work/wm.log")"
else
  say_fail "no 'the display went away' message"; cat "$work/wm.log"
fi
if grep -Eq "runtime error|AddressSanitizer|LeakSanitizer" "$work/wm.log"; then
  say_fail "sanitizer report on the way out: $(head -20 "$work/wm.log")"
fi
[ "$fail" = 0 ] || exit 1
echo "e2e: display faults handled"
