#!/usr/bin/env bash
# MIDI through the real binary with no hardware: raw bytes (as amidi
# --receive writes them) go in with --midi-in through the same decode,
# profile and board path as PortMidi input; --midi-out catches what
# soundboard sends back (motor faders, LEDs, scribble strips).
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
fails=0
check() {
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
value_of() { jq -r --arg id "$1" '.elements[] | select(.id == $id) | .value'; }

# Korg nanoKONTROL2: faders 1..7 are CC 0..6 on channel 1. A sweep of
# fader 1 to the top, fader 3 to the middle (running status, an active
# sensing byte in the middle of a message), fader 7 to the bottom.
printf '\xb0\x00\x00\x00\x40\x00\x7f' >"$work/sweep.mid"
printf '\xb0\x02\xfe\x40' >>"$work/sweep.mid"
printf '\xb0\x06\x7f\x06\x00' >>"$work/sweep.mid"
state="$("$bin" --controller korg-nanokontrol2 --midi-in "$work/sweep.mid" --dump-state)"
check "nanoKONTROL2 fader 1 drives goals to 100" test "$(value_of goals <<<"$state")" = 100
check "fader 3 drives task to the middle (64/127)" test "$(value_of task <<<"$state")" = 50
check "fader 7 drives demonstration to 0" test "$(value_of demonstration <<<"$state")" = 0
check "untouched inquiry stays 0" test "$(value_of inquiry <<<"$state")" = 0

# Garbage around real messages: stray data bytes, a truncated message, an
# unterminated SysEx, then a good CC.
printf '\x12\x34\xb0\x01\xf0\x01\x02\x03\xb0\x01\x7f' >"$work/garbage.mid"
state="$("$bin" --controller korg-nanokontrol2 --midi-in "$work/garbage.mid" --dump-state)"
check "garbage is skipped and the good CC lands" test "$(value_of inquiry <<<"$state")" = 100

# Mackie Control: faders are 14-bit pitch bend on channels 1..7; the
# program echoes positions (motors) and writes the scribble strips.
printf '\xe0\x7f\x7f\xe3\x00\x40' >"$work/mcu.mid"
state="$("$bin" --controller mackie-control --midi-in "$work/mcu.mid" \
  --midi-out "$work/mcu-out.mid" --dump-state)"
check "pitch bend ch 1 at the top: goals 100" test "$(value_of goals <<<"$state")" = 100
check "pitch bend ch 4 at 8192: evaluation 50" test "$(value_of evaluation <<<"$state")" = 50
out_hex="$(od -An -tx1 -v "$work/mcu-out.mid" | tr -d ' \n')"
check "the scribble strips get a Mackie LCD SysEx" grep -q "f0000066141200" <<<"$out_hex"
check "the LCD shows the GOALS label" grep -q "$(printf 'GOALS' | od -An -tx1 | tr -d ' \n')" <<<"$out_hex"

# A FIFO works like a port: bytes arrive while soundboard reads.
mkfifo "$work/port"
( printf '\xb0\x04\x7f'; sleep 0.3; printf '\xb0\x05\x40' ) >"$work/port" &
state="$("$bin" --controller korg-nanokontrol2 --midi-in "$work/port" --dump-state)"
check "FIFO: feedback fader to 100" test "$(value_of feedback <<<"$state")" = 100
check "FIFO: plan fader to 50" test "$(value_of plan <<<"$state")" = 50

# With no --controller, the generic profile is used.
check "the generic profile takes over without --controller" \
  "$bin" --midi-in "$work/sweep.mid" --dump-state

# A missing input file: one line, exit 2.
set +e
"$bin" --midi-in "$work/nope.mid" --dump-state >/dev/null 2>"$work/err"
status=$?
set -e
check "a missing --midi-in file exits 2" test "$status" = 2
check "and names the file" grep -q "nope.mid" "$work/err"

echo "$fails failed"
[ "$fails" = 0 ]
