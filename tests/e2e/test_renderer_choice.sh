#!/usr/bin/env bash
# Which renderer draws, as `--version --verbose` reports it, through the
# real binary and SDL under Xvfb (no GPU device here, as on the workshop
# laptops the default is made for):
#   - by default, auto: software, because there is no GPU device;
#   - settings.ini's `renderer = software` is used, and said to be the
#     settings file's choice;
#   - --renderer on the command line wins over settings.ini for the run
#     (auto given explicitly is not overridden by the file);
#   - --renderer with a wrong mode is refused with exit status 2.
# The decision itself (a GPU that is a software rasterizer, the measured
# frame) is tested without a window in tests/adapters/test_renderer_pick.c.
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
source "$(dirname "$0")/x_session.sh"
need_tools Xvfb
unset SDL_RENDER_DRIVER SDL_FRAMEBUFFER_ACCELERATION
export SDL_VIDEODRIVER=x11
fails=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
ini="$XDG_CONFIG_HOME/soundboard/settings.ini"
said() { "$bin" --version --verbose "$@" 2>"$work/err.log" | sed -n 's/^renderer: //p'; }
starts() { [[ $1 == "$2"* ]] || { echo "     got: $1"; return 1; }; }

start_x plain

check "default: auto picks software without a GPU device" \
  starts "$(said)" "software (auto: no GPU device"

mkdir -p "$(dirname "$ini")"
printf '[settings]\nrenderer = software\n' >"$ini"
check "settings.ini renderer = software is used and named" \
  starts "$(said)" "software (settings.ini: renderer = software)"

printf '[settings]\nrenderer = accelerated\n' >"$ini"
check "--renderer auto wins over settings.ini's accelerated" \
  starts "$(said --renderer auto)" "software (auto:"
check "--renderer software wins too" \
  starts "$(said --renderer software)" "software (--renderer software)"
check "the file is not rewritten by a one-shot run" \
  grep -qx 'renderer = accelerated' "$ini"

set +e
"$bin" --renderer fast --version >/dev/null 2>"$work/bad.log"
status=$?
set -e
check "--renderer fast: exit status 2" test "$status" = 2
check "... and the message names the modes" \
  grep -q -- "--renderer fast: expected auto, software or accelerated" "$work/bad.log"

[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all renderer-choice checks passed"
