#!/bin/sh
# /init of the vm-midi-test guest (runs as PID 1 under busybox).
# The scenario: the probe (soundboard's PortMidi backend + core) starts
# before the sequencer exists; fake controllers then appear, sweep their
# faders, read what they are sent, vanish and come back; then one floods
# the probe, one vanishes in the middle of a burst, and the nanoKONTROL2
# comes back under its other port name. Every line that
# tests/vm/check.sh reads is printed by the probe, the fakes or here.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
phase() { echo "INIT phase $1"; }
for m in soundcore snd snd-timer; do insmod /modules/$m.ko; done

# Sweeps: every fader up to the top together, then each down to its own
# final value. cc: CHANNEL(0-15) then seven CC numbers; values 7-bit.
# pb: pitch bend on channels 0-6, values 14-bit (Mackie Control faders).
sweep_cc() {
    ch=$1; shift
    out=""
    for v in 0 16 32 48 64 80 96 112 127; do
        for c in "$@"; do out="$out$(printf 'B%X %02X %02X ' $ch $c $v)"; done
    done
    # A SysEx reply (universal device identity) between the moves: it
    # arrives in 4-byte PortMidi words and must come out byte for byte.
    out="${out}F0 7E 7F 06 02 42 13 01 00 00 02 00 01 00 F7 "
    i=0
    for c in "$@"; do
        eval t=\$T$i
        v=120
        while [ $v -gt $t ]; do
            out="$out$(printf 'B%X %02X %02X ' $ch $c $v)"; v=$((v - 16))
        done
        out="$out$(printf 'B%X %02X %02X ' $ch $c $t)"
        i=$((i + 1))
    done
    echo "$out"
}
sweep_pb() {
    out=""
    for v in 0 2048 4096 6144 8192 10240 12288 14336 16383; do
        for ch in 0 1 2 3 4 5 6; do
            out="$out$(printf 'E%X %02X %02X ' $ch $((v & 127)) $((v >> 7)))"
        done
    done
    for ch in 0 1 2 3 4 5 6; do
        eval t=\$T$ch
        v=15000
        while [ $v -gt $t ]; do
            out="$out$(printf 'E%X %02X %02X ' $ch $((v & 127)) $((v >> 7)))"
            v=$((v - 2000))
        done
        out="$out$(printf 'E%X %02X %02X ' $ch $((t & 127)) $((t >> 7)))"
    done
    echo "$out"
}

phase "no-sequencer"
/bin/vm_probe /controllers 300 &
probe=$!
sleep 1
for m in snd-seq-device snd-seq snd-seq-dummy snd-rawmidi \
         snd-seq-midi-event snd-seq-midi; do
    insmod /modules/$m.ko
done
phase "sequencer-loaded"
sleep 1

# 1. nanoKONTROL2 appears, sweeps to 100 0 50 25 10 20 80, is pulled out.
T0=127 T1=0 T2=64 T3=32 T4=13 T5=26 T6=102
phase "nano-plug"
/bin/fake_controller nano nanoKONTROL2 "nanoKONTROL2 MIDI 1" \
    "$(sweep_cc 0 0 1 2 3 4 5 6)" 1500
sleep 2.5

# 2. A Mackie Control device appears: it is sent the board (motors), then
#    sweeps to 0 100 80 20 10 25 50 and is pulled out.
T0=0 T1=16383 T2=13107 T3=3277 T4=1639 T5=4096 T6=8192
phase "mcu-plug"
/bin/fake_controller mcu X-Touch "X-Touch INT" "$(sweep_pb)" 1500
sleep 2.5

# 3. Both come back at once: reopened, the whole state re-sent.
phase "replug"
/bin/fake_controller nano nanoKONTROL2 "nanoKONTROL2 MIDI 1" "" 2500 &
nano=$!
/bin/fake_controller mcu X-Touch "X-Touch INT" "" 2500 &
mcu=$!
sleep 1.5
/bin/vm_probe --list /controllers | while IFS= read -r line; do
    echo "LIST $line"
done
wait $nano $mcu
sleep 3

# The sequencer's clients, ports and event pools (its drop counters).
seq_state() {
    while IFS= read -r line; do echo "INIT seq $line"; done \
        </proc/asound/seq/clients
}

# 4. A flood: 100,000 control changes on the nanoKONTROL2's seven faders
#    in one burst (0.29 to 0.45 s here), the last seven setting
#    13 102 26 127 0 64 32. While the fake lingers after its burst, the
#    sequencer's counters are printed (the probe's input pool among them).
phase "flood"
/bin/fake_controller flood nanoKONTROL2 "nanoKONTROL2 MIDI 1" \
    "flood:100000:final=13,102,26,127,0,64,32" 5000 &
flood=$!
sleep 3.5
phase "flood-counters"
seq_state
wait $flood
sleep 2.5

# 5. The same device starts a burst of 200,000 and vanishes in the middle,
#    after 100,000: it SIGKILLs itself, no snd_seq_close.
phase "vanish"
/bin/fake_controller vanish nanoKONTROL2 "nanoKONTROL2 MIDI 1" \
    "flood:200000:kill=100000" 0
sleep 2.5

# 6. It comes back under the name recent kernels give it, and sweeps to
#    40 70 91 5 61 30 15.
T0=51 T1=89 T2=115 T3=6 T4=77 T5=38 T6=19
phase "renamed"
/bin/fake_controller renamed nanoKONTROL2 "nanoKONTROL2 _ CTRL" \
    "$(sweep_cc 0 0 1 2 3 4 5 6)" 1500
sleep 2.5
phase "stop-probe"
kill $probe
wait $probe
echo "INIT probe-status $?"
echo "INIT done"
poweroff -f
