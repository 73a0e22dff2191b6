/* midi_decoder: a raw MIDI byte stream -> complete messages.
 *
 * Handles what real ports and files deliver: running status; real-time
 * bytes (F8..FF) anywhere, even inside another message or inside SysEx,
 * delivered at once without disturbing the message around them; SysEx of
 * any length (only the first MIDI_SYSEX_KEEP bytes are kept: soundboard
 * never needs more, and an endless SysEx costs no memory); note-on with
 * velocity 0 reported as note-off; all 16 channels; truncated messages and
 * stray data bytes skipped and counted. */
#ifndef SOUNDBOARD_MIDI_DECODER_H
#define SOUNDBOARD_MIDI_DECODER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { MIDI_SYSEX_KEEP = 32 };

enum midi_kind {
    MIDI_NOTE_OFF,         /* data1 note, data2 velocity */
    MIDI_NOTE_ON,          /* data1 note, data2 velocity 1..127 */
    MIDI_POLY_PRESSURE,    /* data1 note, data2 pressure */
    MIDI_CC,               /* data1 controller, data2 value */
    MIDI_PROGRAM,          /* data1 program */
    MIDI_CHANNEL_PRESSURE, /* data1 pressure */
    MIDI_PITCH_BEND,       /* value14 0..16383 (8192 centre) */
    MIDI_SYSEX,            /* sysex[0..sysex_len), total bytes sysex_total */
    MIDI_SYSTEM_COMMON,    /* F1..F6: status, data1, data2 */
    MIDI_REALTIME,         /* F8..FF (not FD): status only */
};

struct midi_msg {
    enum midi_kind kind;
    uint8_t status;   /* the status byte (channel messages: with channel) */
    uint8_t channel;  /* 0..15 for channel messages, else 0 */
    uint8_t data1;
    uint8_t data2;
    int value14;      /* pitch bend: data1 | data2 << 7 */
    const uint8_t *sysex; /* F0 ... (F7 if it fit); valid until next feed */
    size_t sysex_len;     /* bytes in sysex[], at most MIDI_SYSEX_KEEP */
    size_t sysex_total;   /* bytes of the whole SysEx, F0 and F7 included */
};

struct midi_decoder {
    uint8_t running;      /* running status, 0 if none */
    uint8_t data[2];
    int have, need;       /* data bytes collected and expected */
    bool in_sysex;
    uint8_t sysex[MIDI_SYSEX_KEEP];
    size_t sysex_len, sysex_total;
    unsigned long skipped; /* stray or truncated bytes dropped */
};

void midi_decoder_init(struct midi_decoder *d);

/* Feeds one byte. Returns true and fills *out when the byte completes a
 * message (a real-time byte completes one by itself, even in the middle of
 * another, which then continues with the next byte). */
bool midi_decoder_feed(struct midi_decoder *d, uint8_t byte,
                       struct midi_msg *out);

/* A short, language-neutral description of a message for the screen and
 * logs, built from numbers, in profile words: "cc 7 ch 1", "note 60 ch
 * 10", "pitchbend ch 1";
 * NRPN is assembled by the caller. Writes into out (24 bytes suffice). */
void midi_msg_describe(const struct midi_msg *m, char *out, size_t outlen);

#endif
