#!/usr/bin/env bash
# Idle cost of the console: starts soundboard in a real X window (Xvfb, the
# software renderer, no controller), waits for it to settle, then reads its
# CPU time and resident memory over a quiet interval, and again while a
# stream of key presses moves a fader (one frame per key).
#   bench/idle-cpu.sh BUILD_DIR [SECONDS]
set -euo pipefail
build="${1:?usage: bench/idle-cpu.sh BUILD_DIR [SECONDS]}"
secs="${2:-10}"
bin="$build/soundboard"
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/c" XDG_DATA_HOME="$work/d"
export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
export DISPLAY=":$(head -n1 "$work/display")"
"$bin" --size 1920x1080 2>/dev/null &
app=$!
pids+=("$app")
win="$(timeout 20 xdotool search --sync --onlyvisible --pid "$app" | head -n1)"
sleep 2
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
hz="$(getconf CLK_TCK)"
rss() { awk '/VmRSS/ {print $2}' "/proc/$app/status"; }
t0="$(ticks)"; sleep "$secs"; t1="$(ticks)"
idle_pct="$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$secs" 'BEGIN {printf "%.2f", (b-a)/hz/s*100}')"
rss_idle="$(rss)"
t0="$(ticks)"
start="$(date +%s.%N)"
for _ in $(seq 20); do
  xdotool key --window "$win" --delay 25 Up Up Up Up Up Down Down Down Down Down
done
end="$(date +%s.%N)"
t1="$(ticks)"
busy_pct="$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s0="$start" -v s1="$end" 'BEGIN {printf "%.1f", (b-a)/hz/(s1-s0)*100}')"
echo "idle: ${idle_pct}% of one core over ${secs}s, RSS ${rss_idle} kB (1920x1080, software renderer)"
echo "moving a fader (200 key presses at ~40/s): ${busy_pct}% of one core, RSS $(rss) kB"
