#!/bin/sh
# /init of the vm-midi-test guest (v0)
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in soundcore snd snd-timer; do insmod /modules/$m.ko; done
echo "INIT boot t=$(cat /proc/uptime)"
/bin/vm_probe 12 &
sleep 1
for m in snd-seq-device snd-seq snd-seq-dummy snd-rawmidi snd-seq-midi-event snd-seq-midi; do insmod /modules/$m.ko; done
echo "INIT seq loaded"
sleep 1
/bin/fake_controller nano nanoKONTROL2 "nanoKONTROL2 MIDI 1" "B0 00 7F B0 01 00 B0 02 00 B0 03 00 B0 04 00 B0 05 00 B0 06 00 B0 07 00 B0 08 00 B0 09 00 B0 0A 00 B0 0B 00 B0 0C 00 B0 0D 00 B0 0E 00 B0 0F 00 B0 10 00 B0 11 00 B0 12 00 B0 13 00 B0 14 00 B0 15 00 B0 16 00 B0 17 00 B0 18 00 B0 19 00 B0 1A 00 B0 1B 00 B0 1C 00 B0 1D 00 B0 1E 00 B0 1F 00 B0 20 00 B0 21 00 B0 22 00 B0 23 00 B0 24 00" 1500
sleep 3
/bin/fake_controller nano nanoKONTROL2 "nanoKONTROL2 MIDI 1" "B0 00 10" 1000
wait
echo "INIT done"
poweroff -f
