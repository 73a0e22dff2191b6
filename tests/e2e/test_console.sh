#!/usr/bin/env bash
# End to end: start the real soundboard binary in a real X window (Xvfb),
# drive it with xdotool (keys, a mouse drag, a click on a zone band), take
# a screenshot of the window and check that
#   - the fader moved and the readout changed (before vs after differ in the
#     strips and in the readout panel), and
#   - the window shows exactly the expected state: it is pixel-identical to
#     an offscreen --screenshot of the state those inputs should produce.
set -euo pipefail

bin="${SOUNDBOARD_BINARY:?set by ctest}"
source "$(dirname "$0")/x_session.sh"
need_tools Xvfb xdotool import compare jq
# Same renderer as --screenshot, so pixels can be compared exactly.
export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
start_x console

W=1280 H=720
layout="$("$bin" --size ${W}x$H --dump-layout)"
cap_centre() { # element value -> "x y"
  jq -r --argjson e "$1" --argjson v "$2" \
    '.elements[$e].caps[$v] | "\(.x + (.w/2|floor)) \(.y + (.h/2|floor))"' <<<"$layout"
}
band_centre() { # element zone -> "x y"
  jq -r --argjson e "$1" --argjson z "$2" \
    '.elements[$e].zone_bands[$z] | "\(.x + (.w/2|floor)) \(.y + (.h/2|floor))"' <<<"$layout"
}

"$bin" --size ${W}x$H --set goals=20 --set inquiry=50 --set task=10 \
  --focus goals 2>"$work/app.log" &
app=$!
pids+=("$app")
win="$(timeout 20 xdotool search --sync --onlyvisible --pid "$app" | head -n1)"
[ -n "$win" ] || { echo "e2e: the window never appeared"; cat "$work/app.log"; exit 1; }
sleep 1

shot() { import -window "$win" "$1"; }
shot "$work/before.png"

# Ten fine steps up on the focused strip (goals): 20 -> 30.
xdotool key --window "$win" --delay 40 Up Up Up Up Up Up Up Up Up Up
# Drag the inquiry cap from 50 to 80, in several moves like a hand would.
read -r x0 y0 < <(cap_centre 1 50)
read -r x1 y1 < <(cap_centre 1 80)
xdotool mousemove --window "$win" "$x0" "$y0" mousedown 1
xdotool mousemove --window "$win" "$x0" $(( (y0 + y1) / 2 ))
xdotool mousemove --window "$win" "$x1" "$y1" mouseup 1
# Click the student-generated band of task's scale: task jumps there.
read -r bx by < <(band_centre 2 2)
xdotool mousemove --window "$win" "$bx" "$by" click 1
sleep 1
shot "$work/after.png"

if ! kill -0 "$app" 2>/dev/null; then
  echo "e2e: soundboard exited early"; cat "$work/app.log"; exit 1
fi

"$bin" --size ${W}x$H --set goals=30 --set inquiry=80 --set task=83 \
  --focus task --screenshot "$work/expected.png"

region_differs() { # a b geometry
  local n
  n="$(compare -metric AE -extract "$3" "$1" "$2" null: 2>&1 || true)"
  [ "${n%% *}" != "0" ]
}
strips="$(jq -r '.elements[0].strip as $a | .elements[6].strip as $b |
  "\($b.x + $b.w - $a.x)x\($a.h)+\($a.x)+\($a.y)"' <<<"$layout")"
panel="$(jq -r '.panel | "\(.w)x\(.h)+\(.x)+\(.y)"' <<<"$layout")"

fail=0
region_differs "$work/before.png" "$work/after.png" "$strips" \
  || { echo "e2e: FAIL the faders did not move"; fail=1; }
region_differs "$work/before.png" "$work/after.png" "$panel" \
  || { echo "e2e: FAIL the readout panel did not change"; fail=1; }
diff_pixels="$(compare -metric AE "$work/after.png" "$work/expected.png" null: 2>&1 || true)"
if [ "${diff_pixels%% *}" != "0" ]; then
  echo "e2e: FAIL the window differs from the expected state in $diff_pixels pixels"
  mkdir -p "${E2E_KEEP:-/tmp}/soundboard-e2e"
  cp "$work"/*.png "${E2E_KEEP:-/tmp}/soundboard-e2e/"
  echo "e2e: screenshots kept in ${E2E_KEEP:-/tmp}/soundboard-e2e"
  fail=1
fi
[ "$fail" = 0 ] || { cat "$work/app.log"; exit 1; }
echo "e2e: keys, drag and zone click reached the board; window matches the expected state"
