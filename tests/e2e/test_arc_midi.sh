#!/usr/bin/env bash
# The unit's arc driven by controller transport buttons through the real
# binary: a small profile binds CCs to the arc commands (as the
# nanoKONTROL2's transport row would), raw bytes go in with --midi-in, and
# --dump-state shows the board at a step. Also --list-arcs, --arc-step
# past the last step (exit 2) and --check of arc files.
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
src="${SOUNDBOARD_SOURCE_DIR:?set by ctest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
fails=0
check() {
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
value_of() { jq -r --arg id "$1" '.elements[] | select(.id == $id) | .value'; }

# Faders CC 0..6; the transport row CC 41..45 (play, stop, rew, ff, rec)
# and CC 60 (marker set) as on a nanoKONTROL2; CC 47 makes steps instant
# so a one-shot run needs no waiting for a glide.
cat >"$work/transport.ini" <<'INI'
[controller]
name = Test transport
match = nothing-real
motorized = no

[elements]
goals = cc 0
inquiry = cc 1
task = cc 2
evaluation = cc 3
feedback = cc 4
plan = cc 5
demonstration = cc 6

[buttons]
cc 41 = arc play
cc 42 = arc stop
cc 43 = arc prev
cc 44 = arc next
cc 45 = arc record
cc 60 = arc insert
cc 47 = glide 0
INI

# Four steps, no dwell: Play runs straight to the last step.
cat >"$work/four.ini" <<'INI'
[arc]
version = 1
name = Four steps
dwell = 0
INI
for k in 1 2 3 4; do
  cat >>"$work/four.ini" <<INI
[step]
label = Week $k
note = Why week $k looks like this.
goals = $((k * 10))
inquiry = $((k * 10 + 1))
task = $((k * 10 + 2))
evaluation = $((80 - k * 10))
feedback = 5
plan = 6
demonstration = 7
INI
done
check "--check takes an arc file" test "$("$bin" --check "$work/four.ini")" = ok
run() { "$bin" --controller "$work/transport.ini" --arc "$work/four.ini" \
          --midi-in "$1" --dump-state; }
step_of() { jq -r '.arc.step'; }

# Instant glides, then FF three times: step 4, the board holds its mix.
printf '\xb0\x2f\x7f\xb0\x2c\x7f\xb0\x2c\x7f\xb0\x2c\x7f' >"$work/ff3.mid"
state="$(run "$work/ff3.mid")"
check "FF x3 goes to step 4" test "$(step_of <<<"$state")" = 4
check "the board holds step 4's goals" test "$(value_of goals <<<"$state")" = 40
check "and step 4's evaluation" test "$(value_of evaluation <<<"$state")" = 40
check "the label is step 4's" test "$(jq -r .arc.label <<<"$state")" = "Week 4"

# REW goes back, and never before the first step.
printf '\xb0\x2f\x7f\xb0\x2c\x7f\xb0\x2b\x7f\xb0\x2b\x7f\xb0\x2b\x7f' >"$work/rew.mid"
state="$(run "$work/rew.mid")"
check "REW stops at step 1" test "$(step_of <<<"$state")" = 1
check "with step 1's mix" test "$(value_of goals <<<"$state")" = 10

# Play: with no dwell and no glide the arc plays through to the end.
printf '\xb0\x2f\x7f\xb0\x29\x7f' >"$work/play.mid"
state="$(run "$work/play.mid")"
check "PLAY plays through to the last step" test "$(step_of <<<"$state")" = 4
check "the board follows the lanes to step 4" test "$(value_of task <<<"$state")" = 42
check "play stops at the end" test "$(jq -r .arc.playing <<<"$state")" = false

# Record: step 2, sweep fader 1 from the bottom to the top (soft takeover
# picks it up on the way), REC. Button commands run after the MIDI read
# that brought them, so the three moves come as a hand makes them: apart,
# through a FIFO. The arc is saved as a user arc, and opening it by name
# at step 2 shows the recorded mix.
mkfifo "$work/port"
( printf '\xb0\x2f\x7f\xb0\x2c\x7f'; sleep 0.3
  printf '\xb0\x00\x00\x00\x40\x00\x7f'; sleep 0.3
  printf '\xb0\x2d\x7f' ) >"$work/port" &
state="$(run "$work/port")"
wait
check "REC keeps the step" test "$(step_of <<<"$state")" = 2
check "--list-arcs shows the saved user arc" \
  grep -q $'^Four steps\tuser\t4\t' <("$bin" --list-arcs)
state="$("$bin" --arc "Four steps" --arc-step 2 --dump-state)"
check "the recorded step 2 has goals 100" test "$(value_of goals <<<"$state")" = 100
check "and its other lanes kept" test "$(value_of inquiry <<<"$state")" = 21
state="$("$bin" --arc "Four steps" --arc-step 3 --dump-state)"
check "step 3 is untouched" test "$(value_of goals <<<"$state")" = 30

# The shipped profiles bind their transport buttons: a press (127, or a
# note-on) moves one step, its release (0) nothing. Two presses: step 3.
shipped() { "$bin" --controller "$1" --arc "$work/four.ini" --midi-in "$2" \
              --dump-state | step_of; }
printf '\xb0\x2c\x7f\xb0\x2c\x00\xb0\x2c\x7f\xb0\x2c\x00' >"$work/nk-ff2.mid"
check "nanoKONTROL2: FF twice (CC 44, press and release) goes to step 3" \
  test "$(shipped korg-nanokontrol2 "$work/nk-ff2.mid")" = 3
printf '\xb0\x3e\x7f\xb0\x3e\x00\xb0\x2b\x7f\xb0\x2b\x00' >"$work/nk-last.mid"
check "nanoKONTROL2: Marker > (CC 62) goes to the last step, Rew (CC 43) back one" \
  test "$(shipped korg-nanokontrol2 "$work/nk-last.mid")" = 3
printf '\x90\x5c\x7f\x90\x5c\x00\x90\x5c\x7f\x80\x5c\x00' >"$work/mcu-ff2.mid"
for p in mackie-control behringer-x-touch behringer-x-touch-one; do
  check "$p: FF twice (note 92, press and release) goes to step 3" \
    test "$(shipped "$p" "$work/mcu-ff2.mid")" = 3
done
printf '\x90\x5c\x7f\x90\x5c\x00\x90\x5c\x7f\x90\x5c\x00\x90\x5b\x7f\x90\x5b\x00' >"$work/mcu-rew.mid"
check "mackie-control: FF twice, Rew (note 91) once: step 2" \
  test "$(shipped mackie-control "$work/mcu-rew.mid")" = 2

# Mackie Control and X-Touch: Marker (note 84) inserts a step, Cycle
# (note 86) opens the next arc. Their own data folder: an insert saves a
# user arc, which the checks below must not see.
printf '\x90\x54\x7f\x90\x54\x00' >"$work/mcu-marker.mid"
printf '\x90\x56\x7f\x80\x56\x00' >"$work/mcu-cycle.mid"
for p in mackie-control behringer-x-touch; do
  check "$p: Marker (note 84) inserts a fifth step" \
    test "$(XDG_DATA_HOME="$work/data-$p" "$bin" --controller "$p" --arc "$work/four.ini" \
            --midi-in "$work/mcu-marker.mid" \
            --dump-state | jq -r '.arc.steps')" = 5
  check "$p: Cycle (note 86) opens another arc" \
    test "$(XDG_DATA_HOME="$work/data-$p" "$bin" --controller "$p" --arc "$work/four.ini" \
            --midi-in "$work/mcu-cycle.mid" \
            --dump-state | jq -r '.arc.name')" != "Four steps"
done

# The nanoKONTROL2's Cycle (CC 46) opens the next arc, press only.
printf '\xb0\x2e\x7f\xb0\x2e\x00' >"$work/nk-cycle.mid"
name="$("$bin" --controller korg-nanokontrol2 --arc "$work/four.ini" \
  --midi-in "$work/nk-cycle.mid" --dump-state | jq -r '.arc.name')"
check "nanoKONTROL2: Cycle (CC 46) opens another arc ($name)" \
  test -n "$name" -a "$name" != "Four steps" -a "$name" != null
printf '\xb0\x2e\x7f\xb0\x2e\x00\xb0\x2e\x7f\xb0\x2e\x00' >"$work/nk-cycle2.mid"
name2="$("$bin" --controller korg-nanokontrol2 --arc "$work/four.ini" \
  --midi-in "$work/nk-cycle2.mid" --dump-state | jq -r '.arc.name')"
check "nanoKONTROL2: Cycle twice opens a third one ($name2)" \
  test "$name2" != "$name" -a "$name2" != "Four steps"

# Marker set inserts a step after the current one, from the mix.
printf '\xb0\x2f\x7f\xb0\x05\x7f\xb0\x3c\x7f' >"$work/ins.mid"
state="$("$bin" --controller "$work/transport.ini" --arc "Four steps" \
  --midi-in "$work/ins.mid" --dump-state)"
check "SET inserts a fifth step and goes there" \
  test "$(jq -r '"\(.arc.step)/\(.arc.steps)"' <<<"$state")" = 2/5
check "holding the mix (plan at 100)" \
  test "$("$bin" --arc "Four steps" --arc-step 2 --dump-state | value_of plan)" = 100

# The factory arcs are listed; a step past the last is exit status 2.
check "--list-arcs lists the three factory arcs" \
  test "$("$bin" --list-arcs | awk -F'\t' '$2 == "factory"' | wc -l)" -ge 3
check "--list-arcs has four tab-separated fields, the file last" \
  test "$("$bin" --list-arcs | awk -F'\t' 'NF != 4 || $4 !~ /\.ini$/' | wc -l)" = 0
set +e
"$bin" --arc "$work/four.ini" --arc-step 5 --dump-state >/dev/null 2>"$work/err"
rc=$?
"$bin" --arc "No such arc" --dump-state >/dev/null 2>"$work/err2"
rc2=$?
printf '[arc]\nversion = 1\nname = x\n' >"$work/bad.ini"
"$bin" --check "$work/bad.ini" >"$work/check" 2>&1
rc3=$?
set -e
check "--arc-step past the last step: exit 2" test "$rc" = 2
check "and says how many steps there are" grep -q "has 4 steps" "$work/err"
check "an unknown arc: exit 2" test "$rc2" = 2
check "a one-step arc fails --check with FILE:LINE" \
  grep -q "bad.ini:3: the file ends after 0 \[step\] sections" "$work/check"
check "--check exit status 2" test "$rc3" = 2

# --arc takes a NAME as --preset does: the file stem, the name in any
# case, or a part of one name; a part that fits several lists them.
arc_name() { "$bin" --arc "$1" --dump-state | jq -r '.arc.name'; }
check "--arc by file stem" \
  test "$(arc_name 1-argument-grade8-ten-weeks)" = "Argument writing, grade 8: ten weeks"
check "--arc by file stem with .ini" \
  test "$(arc_name 2-weather-grade4-six-weeks.ini)" = "Extreme weather, grade 4: six weeks"
check "--arc by name in any case" \
  test "$(arc_name 'STATISTICS project, grade 11: eight weeks')" = "Statistics project, grade 11: eight weeks"
check "--arc by a part of one name" \
  test "$(arc_name weather)" = "Extreme weather, grade 4: six weeks"
set +e
"$bin" --arc grade --dump-state >/dev/null 2>"$work/err4"
rc4=$?
set -e
check "--arc by a part of several names: exit 2" test "$rc4" = 2
check "and lists them" grep -q "arcs match, say which:.*'Argument writing" "$work/err4"
check "an unknown arc says what was tried" grep -q "no arc has that name, file name or part of a name" "$work/err2"

# A screenshot at a step draws without complaint.
check "--screenshot at step 4 of a factory arc" \
  "$bin" --arc "Argument writing, grade 8: ten weeks" --arc-step 4 \
    --screenshot "$work/arc.png" --size 1280x720
check "the PNG exists" test -s "$work/arc.png"

echo "arc midi: $fails failure(s)"
[ "$fails" -eq 0 ]
