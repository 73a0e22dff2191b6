#!/usr/bin/env bash
# --export with an arc open, through the real binary: the handout of the
# whole arc. For a factory arc: the Markdown lists every step of the arc
# file in order, each element of each step by the zone --dump-state gives
# at that step and never by a number; FILE.png beside it is a PNG of the
# documented size (docs/arcs.md) and the Markdown shows it; the PDF
# starts with %PDF, has the pages expected on A4 and Letter and holds every
# label; --arc-step marks that step and only with it. A target that cannot
# be written exits 1 with one "soundboard: PATH: why" line and leaves no
# temporary file.
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset DISPLAY
fails=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}

# The first factory arc, by name, and its file.
IFS=$'\t' read -r name origin steps file < <("$bin" --list-arcs | grep -m1 $'\tfactory\t')
check "a factory arc is listed" test "$origin" = factory
check "its file is there" test -f "$file"
grep '^label = ' "$file" | sed 's/^label = //' >"$work/labels"
check "the arc file has $steps labels" test "$(wc -l <"$work/labels")" = "$steps"

# Markdown and its picture.
mkdir "$work/out"
check "--arc NAME --export FILE.md exits 0" \
  "$bin" --arc "$name" --export "$work/out/unit.md"
md="$work/out/unit.md"
check "the title is the arc's name" test "$(head -n1 "$md")" = "# $name"
sed -n 's/^### //p' "$md" >"$work/md-labels"
check "every step label, in the file's order" cmp -s "$work/labels" "$work/md-labels"
check "the Markdown shows unit.png" grep -qF '](unit.png)' "$md"
check "unit.png is a PNG" bash -c "file '$work/out/unit.png' | grep -q 'PNG image data'"
# docs/arcs.md: 1920 wide; 902 tall up to 13 steps, 814 more per 13 after.
bands=$(( (steps + 12) / 13 ))
check "unit.png is 1920x$((88 + 814 * bands)) (docs/arcs.md)" \
  test "$(identify -format '%m %wx%h' "$work/out/unit.png")" = \
       "PNG 1920x$((88 + 814 * bands))"
check "only the handout and its picture were written" \
  test "$(ls -A "$work/out" | tr '\n' ' ')" = "unit.md unit.png "

# Each element of each step: its zone's name, as the board shows the step.
mix_lines="$(grep -c '^- \*\*' "$md" || true)"
zone_lines="$(grep -cE '^- \*\*[^*]+:\*\* (Teacher-generated|Co-created|Student-generated)$' "$md" || true)"
check "7 x $steps mix lines, each a zone name and nothing else" \
  test "$mix_lines" = $((7 * steps)) -a "$zone_lines" = $((7 * steps))
check "no digit in any mix line (no value, total or rank)" \
  bash -c "! grep '^- \*\*' '$md' | grep -q '[0-9]'"
zones_ok=1
for k in $(seq 1 "$steps"); do
  want="$("$bin" --arc "$name" --arc-step "$k" --dump-state |
          jq -r '.elements[] | "\(.name): \(.zone)"')"
  got="$(awk -v k="$k" '/^### /{n++} n==k && /^- \*\*/' "$md" |
         sed 's/^- \*\*\(.*\):\*\* \(.*\)$/\1: \2/' | tr 'A-Z' 'a-z')"
  if [ "$(tr 'A-Z' 'a-z' <<<"$want")" != "$got" ]; then
    echo "step $k: board says"; echo "$want"; echo "handout says"; echo "$got"
    zones_ok=0
  fi
done
check "every step's zones are the ones the board shows at that step" test "$zones_ok" = 1
check "no step is marked without --arc-step" \
  bash -c "! grep -q 'The board is at this step' '$md'"
"$bin" --arc "$name" --arc-step 2 --export "$work/out/step2.md"
check "--arc-step 2 marks the second step, once" \
  test "$(awk '/^### /{n++} /The board is at this step/{print n}' "$work/out/step2.md")" = 2

# PDF on A4 and Letter.
"$bin" --arc "$name" --export "$work/out/unit.pdf"
"$bin" --arc "$name" --paper letter --export "$work/out/unit-letter.pdf"
check "the PDF starts with %PDF" test "$(head -c 5 "$work/out/unit.pdf")" = "%PDF-"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
  pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
  # The lanes and the first steps on page 1, the rest of the ten on page 2.
  check "A4: 2 pages for the ten steps" test "$(pages "$work/out/unit.pdf")" = 2
  check "Letter: 2 pages" test "$(pages "$work/out/unit-letter.pdf")" = 2
  check "Letter paper" bash -c "pdfinfo '$work/out/unit-letter.pdf' | grep -q 'Page size: *612 x 792 pts'"
  # -raw: in the order drawn (two columns would interleave otherwise).
  pdftotext -raw "$work/out/unit.pdf" "$work/unit.txt"
  order_ok=1; rest="$(cat "$work/unit.txt")"
  while IFS= read -r label; do
    case "$rest" in
      *"$label"*) rest="${rest#*"$label"}" ;;
      *) echo "missing in the PDF after the previous label: $label"; order_ok=0 ;;
    esac
  done <"$work/labels"
  check "the PDF's text has every label, in order" test "$order_ok" = 1
  # A whole year: four bands of lanes, steps over several pages.
  {
    printf '[arc]\nversion = 1\nname = A year of weeks\n'
    for k in $(seq 1 52); do
      printf '[step]\nlabel = Week %d\n' "$k"
      for e in goals inquiry task evaluation feedback plan demonstration; do
        printf '%s = %d\n' "$e" $(( (k * 7 + ${#e} * 13) % 101 ))
      done
    done
  } >"$work/year.ini"
  "$bin" --arc "$work/year.ini" --export "$work/out/year.pdf"
  check "52 steps: more than two A4 pages" test "$(pages "$work/out/year.pdf")" -gt 2
  "$bin" --arc "$work/year.ini" --export "$work/out/year.md"
  check "52 steps: a picture of four bands" \
    test "$(identify -format '%wx%h' "$work/out/year.png")" = "1920x$((88 + 814 * 4))"
else
  echo "skip page counts: pdfinfo/pdftotext (poppler-utils, scripts/setup-debian --test) missing"
fi

# Targets that cannot be written: exit 1, one line naming the file, no
# temporary file left (files_write_atomic renames over the target last).
fail_case() { # what, target, folder that must end up with only `keep`
  local what="$1" target="$2" dir="$3" keep="$4"
  set +e
  "$bin" --arc "$name" --export "$target" >"$work/stdout" 2>"$work/stderr"
  local status=$?
  set -e
  check "$what: exits 1" test "$status" = 1
  # One line of ours (a sanitizer build may add its own report after it).
  check "$what: one line on stderr naming it" \
    bash -c "test \"\$(grep -c '^soundboard: ' '$work/stderr')\" = 1 && head -n1 '$work/stderr' | grep -qF 'soundboard: $target: '"
  check "$what: no temporary file left" \
    test "$(ls -A "$dir" | tr '\n' ' ')" = "$keep"
}
mkdir -p "$work/dirs/taken.pdf" "$work/dirs/taken.md"
# A folder where the file should go: the rename fails after the write,
# even for root. (The Markdown's picture is written first, whole.)
fail_case "a folder in the PDF's place" "$work/dirs/taken.pdf" "$work/dirs" "taken.md taken.pdf "
fail_case "a folder in the Markdown's place" "$work/dirs/taken.md" "$work/dirs" "taken.md taken.pdf taken.png "
if [ "$(id -u)" != 0 ]; then
  mkdir "$work/ro"; chmod 555 "$work/ro"
  fail_case "a read-only folder (PDF)" "$work/ro/unit.pdf" "$work/ro" ""
  fail_case "a read-only folder (Markdown)" "$work/ro/unit.md" "$work/ro" ""
fi
set +e
"$bin" --arc "$name" --export "$work/out/unit.txt" 2>"$work/stderr"; status=$?
set -e
check "FILE.txt is refused (exit 1, named)" \
  bash -c "test $status = 1 && grep -qF '$work/out/unit.txt: the handout is FILE.md or FILE.pdf' '$work/stderr'"

echo "$fails failed"
[ "$fails" = 0 ]
