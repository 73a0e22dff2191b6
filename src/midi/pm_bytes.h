/* pm_bytes: PortMidi's 32-bit message words <-> raw MIDI bytes.
 *
 * PortMidi hands input over as words: a short message packs status and up
 * to two data bytes (status in the low byte); SysEx comes four bytes per
 * word, with real-time messages possibly delivered between the words.
 * pm_bytes turns those words back into the byte stream the controller sent,
 * so PortMidi input takes exactly the same decode path as a file of raw
 * bytes. It also cuts outgoing raw bytes into the short messages and SysEx
 * blocks PortMidi writes. Pure: no PortMidi types, no I/O. */
#ifndef SOUNDBOARD_PM_BYTES_H
#define SOUNDBOARD_PM_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Input state: whether a SysEx is being received across words. */
struct pm_bytes_in {
    bool in_sysex;
};

/* One outgoing message found by pm_bytes_next. */
struct pm_bytes_msg {
    bool sysex;           /* true: bytes[0..len) is F0 ... F7 */
    const uint8_t *bytes; /* sysex only: points into the caller's buffer */
    size_t len;           /* bytes in the message (1..3 for short ones) */
    uint32_t word;        /* short only: status | d1 << 8 | d2 << 16 */
};

/* Cursor over outgoing bytes (running status is expanded). */
struct pm_bytes_out {
    const uint8_t *buf;
    size_t n, pos;
    uint8_t running; /* last channel status, 0 if none */
};

/* Bytes in a complete message that starts with status byte `status`
 * (1..3); SysEx (0xF0) and a data byte return 0. */
int pm_bytes_message_length(uint8_t status);

void pm_bytes_in_init(struct pm_bytes_in *s);

/* Converts one input word into raw bytes written to out (0..4 bytes;
 * returns the count). Inside a SysEx the word's bytes pass through up to
 * and including F7; a real-time word between SysEx words gives its one
 * byte; a non-real-time status ends an unterminated SysEx (the decoder
 * sees the new status). A word whose low byte is a data byte outside a
 * SysEx cannot be placed in the stream and gives 0 bytes. */
size_t pm_bytes_from_word(struct pm_bytes_in *s, uint32_t word,
                          uint8_t out[4]);

/* Starts a cursor over buf[0..n); buf must outlive the cursor. */
void pm_bytes_out_init(struct pm_bytes_out *c, const uint8_t *buf, size_t n);

/* Finds the next complete message. Data bytes with no status to apply
 * to, truncated messages and an unterminated SysEx are skipped. Returns
 * false when no message is left. */
bool pm_bytes_next(struct pm_bytes_out *c, struct pm_bytes_msg *m);

#endif
