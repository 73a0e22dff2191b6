/* midi_decoder: a raw MIDI byte stream -> complete messages (see header). */
#include "midi_decoder.h"

#include <stdio.h>
#include <string.h>

void midi_decoder_init(struct midi_decoder *d)
{
    memset(d, 0, sizeof *d);
}

/* Data bytes a channel or system-common status expects. */
static int data_needed(uint8_t status)
{
    switch (status & 0xF0) {
    case 0xC0: case 0xD0: return 1;
    case 0xF0:
        switch (status) {
        case 0xF1: case 0xF3: return 1;
        case 0xF2: return 2;
        default: return 0;
        }
    default: return 2;
    }
}

static void fill_channel(uint8_t st, const uint8_t *data, struct midi_msg *m)
{
    static const enum midi_kind kinds[7] = {
        MIDI_NOTE_OFF, MIDI_NOTE_ON, MIDI_POLY_PRESSURE, MIDI_CC,
        MIDI_PROGRAM, MIDI_CHANNEL_PRESSURE, MIDI_PITCH_BEND,
    };
    m->kind = kinds[((st >> 4) & 7)];
    m->status = st;
    m->channel = st & 0x0F;
    m->data1 = data[0];
    m->data2 = data_needed(st) == 2 ? data[1] : 0;
    if (m->kind == MIDI_NOTE_ON && m->data2 == 0)
        m->kind = MIDI_NOTE_OFF;
    if (m->kind == MIDI_PITCH_BEND)
        m->value14 = m->data1 | (m->data2 << 7);
}

static void end_sysex(struct midi_decoder *d, struct midi_msg *out)
{
    out->kind = MIDI_SYSEX;
    out->status = 0xF0;
    out->sysex = d->sysex;
    out->sysex_len = d->sysex_len;
    out->sysex_total = d->sysex_total;
    d->in_sysex = false;
}

bool midi_decoder_feed(struct midi_decoder *d, uint8_t byte,
                       struct midi_msg *out)
{
    memset(out, 0, sizeof *out);
    if (byte >= 0xF8) {
        if (byte == 0xF9 || byte == 0xFD) { /* undefined real-time */
            d->skipped++;
            return false;
        }
        out->kind = MIDI_REALTIME;
        out->status = byte;
        return true;
    }
    if (d->in_sysex) {
        if (byte == 0xF7) {
            if (d->sysex_len < MIDI_SYSEX_KEEP)
                d->sysex[d->sysex_len++] = byte;
            d->sysex_total++;
            end_sysex(d, out);
            return true;
        }
        if (byte < 0x80) {
            if (d->sysex_len < MIDI_SYSEX_KEEP)
                d->sysex[d->sysex_len++] = byte;
            d->sysex_total++;
            return false;
        }
        /* Any other status ends the SysEx unterminated: count it, then
         * treat the byte as usual. */
        d->skipped += d->sysex_total;
        d->in_sysex = false;
    }
    if (byte >= 0x80) {
        if (d->have > 0)
            d->skipped += (unsigned long)d->have; /* truncated message */
        d->have = 0;
        if (byte == 0xF0) {
            d->in_sysex = true;
            d->running = 0;
            d->sysex[0] = byte;
            d->sysex_len = 1;
            d->sysex_total = 1;
            return false;
        }
        if (byte == 0xF7) { /* end without a start */
            d->skipped++;
            d->running = 0;
            return false;
        }
        d->running = byte;
        d->need = data_needed(byte);
        if (byte >= 0xF0) {
            if (d->need == 0) {  /* F6 tune request (F4, F5 undefined) */
                d->running = 0;
                if (byte != 0xF6) {
                    d->skipped++;
                    return false;
                }
                out->kind = MIDI_SYSTEM_COMMON;
                out->status = byte;
                return true;
            }
        }
        return false;
    }
    /* A data byte. */
    if (d->running == 0) {
        d->skipped++;
        return false;
    }
    d->data[d->have++] = byte;
    if (d->have < d->need)
        return false;
    d->have = 0;
    if (d->running >= 0xF0) {
        out->kind = MIDI_SYSTEM_COMMON;
        out->status = d->running;
        out->data1 = d->data[0];
        out->data2 = d->need == 2 ? d->data[1] : 0;
        d->running = 0; /* system common cancels running status */
        return true;
    }
    fill_channel(d->running, d->data, out);
    return true;
}

void midi_msg_describe(const struct midi_msg *m, char *out, size_t outlen)
{
    int ch = m->channel + 1;
    switch (m->kind) {
    case MIDI_NOTE_OFF: case MIDI_NOTE_ON:
        snprintf(out, outlen, "note %d ch %d", m->data1, ch);
        break;
    case MIDI_POLY_PRESSURE:
        snprintf(out, outlen, "at %d ch %d", m->data1, ch);
        break;
    case MIDI_CC:
        snprintf(out, outlen, "cc %d ch %d", m->data1, ch);
        break;
    case MIDI_PROGRAM:
        snprintf(out, outlen, "pc %d ch %d", m->data1, ch);
        break;
    case MIDI_CHANNEL_PRESSURE:
        snprintf(out, outlen, "at ch %d", ch);
        break;
    case MIDI_PITCH_BEND:
        snprintf(out, outlen, "pitchbend ch %d", ch);
        break;
    case MIDI_SYSEX:
        snprintf(out, outlen, "sysex %zu", m->sysex_total);
        break;
    default:
        snprintf(out, outlen, "%02X", m->status);
        break;
    }
}
