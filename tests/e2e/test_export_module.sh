#!/usr/bin/env bash
# The print layer is a module (soundboard-print.so) that --export loads
# with dlopen only when it draws with cairo: a PDF, or an arc's lanes
# picture. The program itself links no cairo, Pango, GLib, HarfBuzz or
# pixman (readelf), and a start that exports nothing (--screenshot, as the
# window starts) loads none of cairo, Pango, GObject, GIO or pixman (ld.so's
# own trace; GLib and HarfBuzz still come, with SDL2_ttf). The module beside
# the binary (the build tree) writes the PDFs; the mix's Markdown handout
# needs no module at all. A module that cannot be loaded
# (SOUNDBOARD_PRINT_MODULE=/nonexistent, or a file that is not the
# module) fails the export with exit 1 and one line naming the file and
# why, and leaves no file, not even a temporary one.
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
unset DISPLAY SOUNDBOARD_PRINT_MODULE
command -v readelf >/dev/null || { echo "skip: readelf (binutils) is missing"; exit 77; }
fails=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
not() { ! "$@"; }
heavy='lib(cairo|pango|pangocairo|pangoft2|gobject|glib|gio|gmodule|harfbuzz|pixman|fribidi|thai)[-.]'
# What only the print module brings (SDL2_ttf links HarfBuzz and GLib).
print_only='lib(cairo|pango|pangocairo|pangoft2|gobject|gio|gmodule|pixman|fribidi|thai)[-.]'
module="$(dirname "$bin")/soundboard-print.so"

# ---- What the program and the module link ----
readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >"$work/needed"
check "the program links libraries at all (readelf read it)" test -s "$work/needed"
check "the program links no cairo, Pango, GLib, HarfBuzz or pixman ($(tr '\n' ' ' <"$work/needed"))" \
  not grep -qE "^$heavy" "$work/needed"
check "the module is built beside the program" test -f "$module"
readelf -d "$module" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >"$work/module-needed"
check "the module links cairo and Pango" \
  bash -c "grep -q '^libcairo\.' '$work/module-needed' && grep -q '^libpango-1\.0\.' '$work/module-needed'"
# (An AddressSanitizer build adds its one-definition-rule marker,
# __odr_asan.<name>, beside each exported variable: not ours to count.)
check "the module exports soundboard_print_api and nothing else" \
  test "$(nm -D --defined-only "$module" | awk '$3 !~ /^__odr_asan\./ {print $3}' |
          tr '\n' ' ')" = "soundboard_print_api "

# ---- What a start loads ----
inits() { # the libraries ld.so initialises while the command runs
  LD_DEBUG=libs "$@" 2>&1 >/dev/null | sed -n 's/.*calling init: //p'
}
cd "$work"
inits "$bin" --size 640x360 --screenshot "$work/shot.png" >"$work/shot-inits"
check "--screenshot ran (ld.so traced its libraries)" grep -q 'libSDL2' "$work/shot-inits"
check "--screenshot loads no cairo, Pango, GObject, GIO or pixman" \
  not grep -qE "/$print_only" "$work/shot-inits"
mkdir "$work/md"
inits "$bin" --export "$work/md/mix.md" >"$work/md-inits"
check "the mix's Markdown handout loads none of them either" \
  not grep -qE "/$print_only" "$work/md-inits"

# ---- The module beside the program writes the PDFs ----
mkdir "$work/pdf"
inits "$bin" --export "$work/pdf/mix.pdf" >"$work/pdf-inits"
check "--export FILE.pdf loads the module, and cairo with it" \
  bash -c "grep -q '/soundboard-print\.so' '$work/pdf-inits' && grep -q '/libcairo\.' '$work/pdf-inits'"
check "the mix's PDF is a PDF" test "$(head -c4 "$work/pdf/mix.pdf")" = "%PDF"
IFS=$'\t' read -r arc _ < <("$bin" --list-arcs | grep -m1 $'\tfactory\t')
check "the arc's PDF is written" \
  bash -c "'$bin' --arc '$arc' --export '$work/pdf/arc.pdf' && test \"\$(head -c4 '$work/pdf/arc.pdf')\" = '%PDF'"
check "only those two were written" \
  test "$(ls -A "$work/pdf" | tr '\n' ' ')" = "arc.pdf mix.pdf "

# ---- A module that cannot be loaded ----
fails_cleanly() { # module, what, then the export's arguments (the last: its target)
  local mod="$1" what="$2"; shift 2
  local target="${*: -1}" dir status=0
  dir="$(dirname "$target")"
  SOUNDBOARD_PRINT_MODULE="$mod" "$bin" "$@" >"$work/stdout" 2>"$work/stderr" || status=$?
  check "$what: exit 1" test "$status" = 1
  check "$what: one line, naming the target and $mod" \
    bash -c "test \"\$(wc -l <'$work/stderr')\" = 1 && grep -qF 'soundboard: $target: ' '$work/stderr' && grep -qF '$mod' '$work/stderr'"
  check "$what: no file left, not even a temporary one" test -z "$(ls -A "$dir")"
}
mkdir "$work/none"
fails_cleanly /nonexistent "no module, mix PDF" --export "$work/none/out.pdf"
check "the reason is dlopen's" grep -qF 'cannot open shared object file' "$work/stderr"
fails_cleanly /nonexistent "no module, arc PDF" --arc "$arc" --export "$work/none/arc.pdf"
fails_cleanly /nonexistent "no module, arc Markdown (its lanes are drawn with cairo)" \
  --arc "$arc" --export "$work/none/arc.md"
printf 'not a library\n' >"$work/fake.so"
fails_cleanly "$work/fake.so" "a file that is not a library" --export "$work/none/out.pdf"
libm="$(ldconfig -p 2>/dev/null | sed -n 's/.*libm\.so\.6 (libc6,x86-64) => //p' | head -n1)"
if [ -n "$libm" ]; then
  fails_cleanly "$libm" "a library that is not the module" --export "$work/none/out.pdf"
  check "the reason names the missing table" grep -qF 'soundboard_print_api' "$work/stderr"
fi
mkdir "$work/md2"
check "no module is needed for the mix's Markdown" \
  env SOUNDBOARD_PRINT_MODULE=/nonexistent "$bin" --export "$work/md2/mix.md"

echo "export_module: $fails failure(s)"
[ "$fails" -eq 0 ]
