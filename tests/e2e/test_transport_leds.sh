#!/usr/bin/env bash
# The controller's Play and Rec LEDs (issue 12) through the real binary:
# transport presses go in with --midi-in, and --midi-out catches every
# byte the program sends the controller.
# - The running program (SDL's offscreen video, a FIFO as the port) with
#   the shipped Mackie Control profile: both LEDs dark on connect; Play
#   pressed: 90 5E 7F; nothing sent again while nothing changes; Rec while
#   playing: 90 5F 7F; Stop: both dark; Play again, then SIGTERM (a clean
#   quit): Play dark on the way out, exit status 0.
# - One-shot runs of each shipped profile with the LEDs (Mackie Control,
#   X-Touch, X-Touch One: note 94/95; nanoKONTROL2: CC 41/45): Play lit at
#   the end of the input, dark when the program ends.
# - A profile without play-led / record-led: not one byte goes out.
# No real controller is involved: what a device does with these bytes is
# for real hardware to confirm.
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
work="$(mktemp -d)"
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
fails=0
check() {
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}

# Two steps and a long dwell: once playing, it plays for ten minutes.
cat >"$work/slow.ini" <<'INI'
[arc]
version = 1
name = Slow
dwell = 600
INI
for v in 10 90; do
  cat >>"$work/slow.ini" <<INI
[step]
label = At $v
goals = $v
inquiry = $v
task = $v
evaluation = $v
feedback = $v
plan = $v
demonstration = $v
INI
done

# The LED messages in a --midi-out file, one "STATUS NUMBER VALUE" a
# line, in order (every status byte begins a message: data and SysEx
# bytes are below 0x80, so the three bytes are never cut out of another
# message).
leds_in() { # file status led-numbers-regex
  od -An -tx1 -v "$1" | tr -s ' \n' '  ' |
    grep -oE " $2 ($3) [0-9a-f]{2}" | sed 's/^ //' || true
}
mcu_leds() { leds_in "$1" 90 '5e|5f'; }
# Waits up to 5 s until the LED messages in $1 are exactly $2.
wait_leds() {
  local i got
  for i in $(seq 50); do
    got="$(mcu_leds "$1" | paste -sd, -)"
    [ "$got" = "$2" ] && return 0
    sleep 0.1
  done
  echo "  want: $2"
  echo "  got:  $got"
  return 1
}

# ---- The running program, Mackie Control --------------------------------
mkfifo "$work/port"
exec 7<>"$work/port"   # held open: the input never ends by itself
"$bin" --controller mackie-control --arc "$work/slow.ini" \
  --midi-in "$work/port" --midi-out "$work/out.mid" 2>"$work/app.log" &
app=$!
press() { printf "\\x90\\x$1\\x7f\\x90\\x$1\\x00" >&7; }
s1='90 5e 00,90 5f 00'
check "connect: Play and Rec LEDs dark (90 5E 00, 90 5F 00)" \
  wait_leds "$work/out.mid" "$s1"
press 5e   # Play
s2="$s1,90 5e 7f"
check "Play pressed: Play LED lit (90 5E 7F)" wait_leds "$work/out.mid" "$s2"
sleep 1    # playing (the faders glide): no LED byte is sent again
check "while it plays and nothing else changes: no LED byte again" \
  test "$(mcu_leds "$work/out.mid" | paste -sd, -)" = "$s2"
press 5f   # Rec while playing: touch recording armed
s3="$s2,90 5f 7f"
check "Rec while playing: Rec LED lit (90 5F 7F)" wait_leds "$work/out.mid" "$s3"
press 5d   # Stop
s4="$s3,90 5e 00,90 5f 00"
check "Stop: both LEDs dark" wait_leds "$work/out.mid" "$s4"
press 5e   # Play again
s5="$s4,90 5e 7f"
check "Play again: lit again" wait_leds "$work/out.mid" "$s5"
kill -TERM "$app"
rc=0
wait "$app" || rc=$?
app=""
exec 7>&-
check "SIGTERM: a clean quit (exit 0)" test "$rc" = 0
check "quitting turns the lit Play LED dark, and sends nothing else for them" \
  test "$(mcu_leds "$work/out.mid" | paste -sd, -)" = "$s5,90 5e 00"
grep -q "Playing: Slow" "$work/app.log" || { echo "  app.log:"; cat "$work/app.log"; }

# ---- One-shot runs: Play lit at the end of the input, dark at exit -------
one_shot() { # profile input output
  "$bin" --controller "$1" --arc "$work/slow.ini" --midi-in "$2" \
    --midi-out "$3" --dump-state | jq -r .arc.playing
}
printf '\x90\x5e\x7f\x90\x5e\x00' >"$work/mcu-play.mid"
printf '\x90\x5e\x7f\x90\x5e\x00\x90\x5f\x7f\x80\x5f\x00' >"$work/mcu-rec.mid"
for p in mackie-control behringer-x-touch behringer-x-touch-one; do
  check "$p: Play (note 94) plays" \
    test "$(one_shot "$p" "$work/mcu-play.mid" "$work/$p.out")" = true
  check "$p: Play LED 90 5E 7F, then 90 5E 00 when the program ends" \
    test "$(leds_in "$work/$p.out" 90 5e | paste -sd, -)" = "90 5e 7f,90 5e 00"
  check "$p: Rec LED dark (not recording)" \
    test "$(leds_in "$work/$p.out" 90 5f | paste -sd, -)" = "90 5f 00"
  one_shot "$p" "$work/mcu-rec.mid" "$work/$p-rec.out" >/dev/null
  check "$p: Play then Rec: Rec LED 90 5F 7F, dark at the end" \
    test "$(leds_in "$work/$p-rec.out" 90 5f | paste -sd, -)" = "90 5f 7f,90 5f 00"
done
printf '\xb0\x29\x7f\xb0\x29\x00' >"$work/nk-play.mid"
check "korg-nanokontrol2: Play (CC 41) plays" \
  test "$(one_shot korg-nanokontrol2 "$work/nk-play.mid" "$work/nk.out")" = true
check "korg-nanokontrol2: B0 29 7F (Play lit), B0 2D 00 (Rec dark), B0 29 00 at the end" \
  test "$(leds_in "$work/nk.out" b0 '29|2d' | paste -sd, -)" = "b0 29 7f,b0 2d 00,b0 29 00"
check "korg-nanokontrol2: nothing else is sent (no motors, no LCD)" \
  test "$(stat -c %s "$work/nk.out")" = 9

# A press and release of Stop after Play, in one read: stopped at the end,
# so Play is never lit.
printf '\x90\x5e\x7f\x90\x5e\x00\x90\x5d\x7f\x90\x5d\x00' >"$work/mcu-stop.mid"
check "mackie-control: Play then Stop: stopped" \
  test "$(one_shot mackie-control "$work/mcu-stop.mid" "$work/stop.out")" = false
check "mackie-control: Play then Stop: the Play LED is only sent dark" \
  test "$(leds_in "$work/stop.out" 90 5e | paste -sd, -)" = "90 5e 00"

# ---- A profile without LED keys sends nothing for them -------------------
cat >"$work/plain.ini" <<'INI'
[controller]
name = Plain transport
match = nothing-real
motorized = no

[elements]
goals = cc 0

[buttons]
note 94 = arc play
note 95 = arc record
INI
check "a profile without play-led/record-led: Play plays" \
  test "$(one_shot "$work/plain.ini" "$work/mcu-rec.mid" "$work/plain.out")" = true
check "and not one byte goes out" test ! -s "$work/plain.out"

echo "transport leds: $fails failure(s)"
[ "$fails" -eq 0 ]
