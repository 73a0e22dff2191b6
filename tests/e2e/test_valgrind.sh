#!/usr/bin/env bash
# The one-shot paths of the real binary under valgrind memcheck: no memory
# errors and no definite leaks (exit 3 from valgrind fails the test). Covers
# startup and data loading, a headless frame, preset save/list/export,
# --check on a broken file and raw MIDI input with random bytes.
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
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export SDL_VIDEODRIVER=offscreen
unset DISPLAY
head -c 30000 /dev/urandom >"$work/random.syx"
fails=0
run() { # description, expected exit status, arguments
  local what="$1" want="$2"; shift 2
  local status=0
  valgrind -q --error-exitcode=3 --leak-check=full \
    --errors-for-leak-kinds=definite "$bin" "$@" >"$work/out" 2>"$work/err" ||
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
[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
