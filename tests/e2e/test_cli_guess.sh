#!/usr/bin/env bash
# The command line a newcomer can guess, through the real binary, and the
# settings file from the outside (private XDG folders):
#   --preset takes a slot number, a file stem, the full name in any case
#   or an unambiguous part of a name; an ambiguous part lists the
#   candidates on one line and exits 2, like an unknown one;
#   --dump-state names the controller in use (--midi-in + --controller);
#   --display checks its value; a broken settings.ini is reported as
#   FILE:LINE, the run goes on with the defaults and the file is left as
#   it was; one-shot runs never write settings.ini; without HOME the
#   program still runs and writes nothing.
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset DISPLAY
fails=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
preset_of() { "$bin" --preset "$1" --dump-state 2>"$work/err" | jq -r .preset; }
novels="Coming-of-age novels, grade 10: book groups"

check "--preset 6: the preset in slot 6" test "$(preset_of 6)" = "$novels"
check "--preset FILE-STEM" test "$(preset_of 6-novels-book-groups)" = "$novels"
check "--preset FILE-STEM.ini" test "$(preset_of 6-novels-book-groups.ini)" = "$novels"
check "--preset the full name" test "$(preset_of "$novels")" = "$novels"
check "--preset the name in other case" \
  test "$(preset_of "COMING-OF-AGE novels, GRADE 10: book groups")" = "$novels"
check "--preset a part of the name, any case" test "$(preset_of NoVeLs)" = "$novels"
check "--preset a part with blanks and punctuation" test "$(preset_of "10: book")" = "$novels"

# A user preset named "6" wins over slot 6 (an exact name comes first).
"$bin" --set goals=61 --save-preset 6 >/dev/null
check "an exact name wins over a slot number" test "$(preset_of 6)" = 6

# Ambiguous and unknown: one line, exit 2, the candidates named.
set +e
"$bin" --preset grade --dump-state >"$work/out" 2>"$work/err"; status=$?
set -e
check "an ambiguous part exits 2" test "$status" = 2
check "... on one line" test "$(wc -l <"$work/err")" = 1
check "... naming every candidate" bash -c "grep -q \"'$novels'\" '$work/err' &&
  grep -q \"'Extreme weather, grade 4: co-created goals'\" '$work/err' &&
  grep -q \"'Argument writing, grade 8: students choose the product'\" '$work/err'"
check "... and prints no state" test ! -s "$work/out"
for arg in 0 10 zzz-nothing; do
  set +e
  "$bin" --preset "$arg" --dump-state >"$work/out" 2>"$work/err"; status=$?
  set -e
  check "--preset $arg: exit 2, one line" \
    test "$status:$(wc -l <"$work/err")" = "2:1"
done

# --dump-state names the controller.
printf '\xb0\x00\x7f' >"$work/fader.mid"
state="$("$bin" --controller korg-nanokontrol2 --midi-in "$work/fader.mid" --dump-state 2>/dev/null)"
check "--dump-state names the profile in use" \
  test "$(jq -r .controller <<<"$state")" = "Korg nanoKONTROL2"
check "... and the fader moved" test "$(jq -r '.elements[0].value' <<<"$state")" = 100
check "without a controller it is null" \
  test "$("$bin" --dump-state | jq -c .controller)" = null

# --display: a number 1..16.
for arg in 0 17 two ""; do
  set +e
  "$bin" --display "$arg" --dump-state >/dev/null 2>"$work/err"; status=$?
  set -e
  check "--display '$arg': exit 2, one line" \
    test "$status:$(wc -l <"$work/err")" = "2:1"
done
check "--display 2 is accepted" "$bin" --display 2 --dump-state >/dev/null

# One-shot runs never write settings.ini.
"$bin" --preset 6 --theme light --dump-state >/dev/null
"$bin" --screenshot "$work/shot.png"
check "one-shot runs write no settings.ini" test ! -e "$work/config/soundboard/settings.ini"

# The settings file is read by every run; the command line wins.
mkdir -p "$work/config/soundboard"
printf '[settings]\ntheme = light\npreset = 2-health\n' >"$work/config/soundboard/settings.ini"
check "theme from settings.ini" test "$("$bin" --dump-state 2>/dev/null | jq -r .theme)" = light
check "--theme wins over it" \
  test "$("$bin" --theme high-contrast --dump-state | jq -r .theme)" = high-contrast

# A broken settings.ini: FILE:LINE on stderr, the defaults, file untouched.
ini="$work/config/soundboard/settings.ini"
printf '[settings]\ntheme = purple\nglide-ms = 500\nwat = 1\n' >"$ini"
cp "$ini" "$work/broken.copy"
"$bin" --dump-state >"$work/out" 2>"$work/err"
check "a broken settings.ini names file and line 2" grep -q "^soundboard: $ini:2: theme = purple" "$work/err"
check "... and line 4" grep -q "^soundboard: $ini:4: unknown setting 'wat'" "$work/err"
check "... says the file is kept" grep -q "left as it is until you change a setting" "$work/err"
check "... and the run goes on with the default theme" test "$(jq -r .theme "$work/out")" = dark
check "... and the file is byte for byte as it was" cmp -s "$ini" "$work/broken.copy"

# No HOME at all: the program runs, nothing is written, saving says why.
set +e
env -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME "$bin" --set goals=5 \
  --save-preset "No home" >"$work/out" 2>"$work/err"; status=$?
set -e
check "no HOME: --save-preset fails" test "$status" != 0
check "... saying there is no home folder" grep -q "no home folder" "$work/err"
check "no HOME: --dump-state still works" \
  bash -c "env -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME '$bin' --dump-state | jq -e .elements >/dev/null"

echo "$fails failed"
[ "$fails" = 0 ]
