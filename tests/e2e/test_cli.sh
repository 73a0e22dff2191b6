#!/usr/bin/env bash
# The command line as other tools use it: the exact options, the
# --dump-state JSON contract, exit statuses and one-line errors, and the
# preset options end to end through the real binary (save, list, recall,
# modified, export, check), in a private XDG folder.
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

# --dump-state: seven elements in order, values and zones, at least the
# contract's keys.
state="$("$bin" --set goals=80 --set task=34 --set plan=33 --dump-state)"
check "dump-state lists the seven ids in order" \
  test "$(jq -r '[.elements[].id] | join(" ")' <<<"$state")" = \
       "goals inquiry task evaluation feedback plan demonstration"
check "goals=80 is student-generated" \
  test "$(jq -r '.elements[0] | "\(.name) \(.value) \(.zone)"' <<<"$state")" = \
       "Goals 80 student-generated"
check "34 is co-created, 33 teacher-generated" \
  test "$(jq -r '"\(.elements[2].zone) \(.elements[5].zone)"' <<<"$state")" = \
       "co-created teacher-generated"
check "no preset: preset null, modified false" \
  test "$(jq -c '[.preset, .modified]' <<<"$state")" = '[null,false]'

# Errors: one line on stderr, exit 2.
for args in "--set goals=101" "--set nothing=5" "--size huge" "--theme pink" \
            "--focus nowhere" "--no-such-option" "--preset no-such-preset"; do
  set +e
  # shellcheck disable=SC2086
  "$bin" $args --dump-state >"$work/out" 2>"$work/err"
  status=$?
  set -e
  check "'$args' exits 2" test "$status" = 2
  check "'$args' says why" test -s "$work/err"
done
check "one line for a bad --set" \
  test "$("$bin" --set goals=101 2>&1 >/dev/null | wc -l)" = 1

# --screenshot with no display at all.
check "--screenshot writes a PNG with no display" \
  "$bin" --size 800x600 --screenshot "$work/shot.png"
check "the PNG has the asked size" \
  test "$(identify -format '%wx%h' "$work/shot.png")" = "800x600"

# Presets end to end.
check "factory presets are listed" \
  grep -q $'\tfactory\t1\t' <("$bin" --list-presets)
weather="$("$bin" --list-presets | awk -F'\t' '$3 == "1" {print $1}')"
check "--preset NAME recalls a factory preset" \
  test "$("$bin" --preset "$weather" --dump-state | jq -r .preset)" = "$weather"
check "--preset then --set is modified" \
  test "$("$bin" --preset "$weather" --set goals=3 --dump-state | jq .modified)" = true
"$bin" --preset "$weather" --set demonstration=91 --save-preset "Météo, 4ᵉ" >"$work/saved"
saved="$(cat "$work/saved")"
check "--save-preset prints the file it wrote" test -f "$saved"
check "the saved file is in the XDG data folder" \
  grep -q "^$work/data/soundboard/presets/" "$work/saved"
check "the user preset is listed as user" \
  grep -q $'^Météo, 4ᵉ\tuser\t' <("$bin" --list-presets)
check "--preset recalls it by name, unmodified" \
  test "$("$bin" --preset "Météo, 4ᵉ" --dump-state | jq -c '[.elements[6].value, .modified]')" = '[91,false]'
check "--preset FILE recalls it by path" \
  test "$("$bin" --preset "$saved" --dump-state | jq -r .preset)" = "Météo, 4ᵉ"
check "--check on a good preset says ok" \
  test "$("$bin" --check "$saved")" = ok
printf '[preset]\nversion = 1\nname = Broken\n[values]\ngoals = 250\n' >"$work/broken.ini"
set +e
out="$("$bin" --check "$work/broken.ini")"; status=$?
set -e
check "--check on a broken preset exits 2" test "$status" = 2
check "--check names file and line" grep -q "^$work/broken.ini:[0-9]*: " <<<"$out"
check "--export writes a handout" \
  "$bin" --preset "Météo, 4ᵉ" --export "$work/handout.md"
check "the handout names the preset and every element" \
  bash -c "grep -q 'Météo, 4ᵉ' '$work/handout.md' && grep -q 'Cumulative Demonstration of Learning' '$work/handout.md'"

echo "$fails failed"
[ "$fails" = 0 ]
