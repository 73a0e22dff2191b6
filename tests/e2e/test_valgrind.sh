#!/usr/bin/env bash
# The one-shot paths of the real binary under valgrind memcheck: no memory
# errors and no definite leaks (exit 3 from valgrind fails the test). Covers
# startup and data loading, a headless frame, preset save/list/export,
# --check on a broken file and raw MIDI input with random bytes; then the
# interactive window in a real X server (Xvfb), driven with xdotool: keys,
# a mouse drag, the help overlay, the save dialog (a preset is written and
# checked), the preset browser, and Ctrl+Q. Reports inside system
# libraries are suppressed in tests/valgrind.supp, each with its reason.
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
src="${SOUNDBOARD_SOURCE_DIR:?set by ctest}"
if grep -q __asan_init "$bin"; then
  echo "sanitizer build: valgrind cannot run it (the plain pass covers it)"
  exit 0
fi
if ! command -v valgrind >/dev/null; then
  echo "valgrind not installed: memcheck pass not run"
  exit 1
fi
source "$(dirname "$0")/x_session.sh"
export SDL_VIDEODRIVER=offscreen
unset DISPLAY
head -c 30000 /dev/urandom >"$work/random.syx"
fails=0
vg=(-q --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite
    --suppressions="$src/tests/valgrind.supp" --num-callers=30)
run() { # description, expected exit status, arguments
  local what="$1" want="$2"; shift 2
  local status=0
  valgrind "${vg[@]}" "$bin" "$@" >"$work/out" 2>"$work/err" ||
    status=$?
  if [ "$status" -eq "$want" ]; then
    echo "ok   $what"
  else
    echo "FAIL $what (exit $status, want $want)"; cat "$work/err"
    fails=$((fails + 1))
  fi
}
run "--dump-state" 0 --set goals=80 --dump-state
run "--screenshot" 0 --screenshot "$work/shot.png"
run "--save-preset" 0 --set task=70 --save-preset "Valgrind mix"
run "--list-presets" 0 --list-presets
run "--export" 0 --preset "Valgrind mix" --export "$work/mix.md"
run "--check broken preset" 2 --check \
    "$src/tests/fixtures/presets/broken/truncated.ini"
run "--midi-in random bytes" 0 --midi-in "$work/random.syx" --dump-state

# The interactive window. Software rendering without a GL-backed window
# framebuffer: the path a laptop without a GPU driver takes.
need_tools Xvfb xdotool
start_x valgrind
unset SDL_VIDEODRIVER
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
valgrind "${vg[@]}" "$bin" --size 1280x720 --set goals=20 --focus goals \
  >"$work/win.out" 2>"$work/win.err" &
app=$!
pids+=("$app")
win="$(timeout 120 xdotool search --sync --onlyvisible --pid "$app" | head -n1)"
if [ -z "$win" ]; then
  echo "FAIL interactive: no window within 120 s"; cat "$work/win.err"
  kill "$app" 2>/dev/null; exit 1
fi
sleep 2
xdotool key --window "$win" --delay 150 Up Up Right Up Up Up question
sleep 1
xdotool key --window "$win" Escape
# A drag on the task strip, from its middle to near its top.
read -r wx wy ww wh < <(xdotool getwindowgeometry --shell "$win" |
  awk -F= '/^X=/{x=$2} /^Y=/{y=$2} /^WIDTH=/{w=$2} /^HEIGHT=/{h=$2}
           END {print x, y, w, h}')
xdotool mousemove --window "$win" $((ww * 5 / 14)) $((wh / 2)) mousedown 1 \
  mousemove --window "$win" $((ww * 5 / 14)) $((wh / 3)) mouseup 1
sleep 1
xdotool key --window "$win" ctrl+s
sleep 2
xdotool type --window "$win" --delay 120 "Memcheck mix"
xdotool key --window "$win" Return
sleep 2
xdotool key --window "$win" p
sleep 2
xdotool key --window "$win" Escape
sleep 1
xdotool key --window "$win" ctrl+q
status=0
for _ in $(seq 600); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
wait "$app" || status=$?
saved="$XDG_DATA_HOME/soundboard/presets/Memcheck mix.ini"
if [ "$status" -ne 0 ]; then
  echo "FAIL interactive window (exit $status)"; cat "$work/win.err"
  fails=$((fails + 1))
elif ! grep -qx "goals = 22" "$saved" 2>/dev/null ||
     ! grep -qx "inquiry = 3" "$saved"; then
  echo "FAIL interactive: the saved preset does not hold goals 22, inquiry 3"
  cat "$saved" "$work/win.err" 2>/dev/null
  fails=$((fails + 1))
elif [ "$(sed -n 's/^task = //p' "$saved")" -lt 10 ]; then
  echo "FAIL interactive: the drag did not raise task"
  cat "$saved" "$work/win.err" 2>/dev/null
  fails=$((fails + 1))
else
  echo "ok   interactive window: keys, drag (task $(sed -n "s/^task = //p" "$saved")), help, save dialog, browser, quit"
fi
[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
