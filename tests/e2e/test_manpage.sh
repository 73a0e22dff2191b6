#!/usr/bin/env bash
# The man page (docs/soundboard.1) and --help stay in step: every long
# option --help prints has its own entry (.TP then .B/.BI --option) in
# the man page's OPTIONS, and every such entry is an option --help knows;
# the page's .TH names the version --version prints; groff renders it
# with every warning on and says nothing. Then the GNU conventions of
# --help and --version (https://www.gnu.org/prep/standards/html_node/
# _002d_002dversion.html and _002d_002dhelp.html).
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
src="${SOUNDBOARD_SOURCE_DIR:?set by ctest}"
page="$src/docs/soundboard.1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
fails=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
# GNU conventions for --help and --version (src/cli/options.c, main.c).
gnu_strict=1
gnu_check() {
  local what="$1"; shift
  if "$@"; then echo "ok   $what"
  elif [ "$gnu_strict" = 1 ]; then echo "FAIL $what"; fails=$((fails + 1))
  else echo "todo $what"; fi
}

"$bin" --help >"$work/help"
"$bin" --version >"$work/version"
grep -o -- '--[a-z][a-z-]*' "$work/help" | sort -u >"$work/help.opts"
# An entry: a .TP line, then .B or .BI whose first word is \-\-name.
awk 'prev == ".TP" && /^\.BI? \\-\\-/ {
       o = $2; gsub(/\\-/, "-", o); gsub(/"/, "", o); print o }
     { prev = $1 }' "$page" | sort -u >"$work/man.opts"

check "--help prints long options" test "$(wc -l <"$work/help.opts")" -ge 10
missing="$(comm -23 "$work/help.opts" "$work/man.opts" | tr '\n' ' ')"
check "every option of --help has a man page entry${missing:+ (missing: $missing)}" \
  test -z "$missing"
extra="$(comm -13 "$work/help.opts" "$work/man.opts" | tr '\n' ' ')"
check "every man page entry is an option of --help${extra:+ (unknown: $extra)}" \
  test -z "$extra"
version="$(head -n1 "$work/version")"
check "the man page's .TH names '$version'" \
  grep -q "^\.TH SOUNDBOARD 1 [0-9-]* \"$version\"" "$page"
check "the man page has NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXIT STATUS" \
  test "$(grep -cE '^\.SH (NAME|SYNOPSIS|DESCRIPTION|OPTIONS|"?EXIT STATUS"?)$' "$page")" = 5

if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z "$page" 2>"$work/groff.err" || true
  check "groff -man -ww renders it without a warning" test ! -s "$work/groff.err"
  [ -s "$work/groff.err" ] && cat "$work/groff.err"
  if command -v man >/dev/null; then
    MANWIDTH=80 man -l --warnings "$page" >"$work/man.txt" 2>"$work/man.err" || true
    check "man -l --warnings renders it without a warning" test ! -s "$work/man.err"
    check "the rendered page documents --dump-state" grep -q -- '--dump-state' "$work/man.txt"
  fi
else
  echo "skip rendering: groff is missing (scripts/setup-debian --test installs groff-base)"
fi

# GNU conventions.
check "--version's first line is 'soundboard X.Y.Z'" \
  grep -qE '^soundboard [0-9]+\.[0-9]+\.[0-9]+$' <<<"$version"
check "--version and --help exit 0 with nothing on stderr" \
  test -z "$("$bin" --version 2>&1 >/dev/null)$("$bin" --help 2>&1 >/dev/null)"
gnu_check "--version names the copyright and the license" \
  grep -qiE '^copyright .*[0-9]{4}' "$work/version"
gnu_check "--version says which license" grep -qi 'license' "$work/version"
gnu_check "--help starts with 'Usage: soundboard'" \
  grep -q '^Usage: soundboard' <(head -n1 "$work/help")
gnu_check "--help has a 'Report bugs' or home page line" \
  grep -qiE '^(report bugs|.*home page)' "$work/help"
undescribed=""
while read -r opt; do
  grep -qE "^  $opt( |=|$)" "$work/help" || undescribed+="$opt "
done <"$work/help.opts"
gnu_check "--help describes every option on its own line${undescribed:+ (not: $undescribed)}" \
  test -z "$undescribed"

echo "manpage: $fails failure(s)"
[ "$fails" -eq 0 ]
