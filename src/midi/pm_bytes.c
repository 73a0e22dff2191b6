/* pm_bytes: PortMidi message words <-> raw MIDI bytes (see pm_bytes.h). */
#include "pm_bytes.h"

enum { SYSEX_START = 0xF0, SYSEX_END = 0xF7, REALTIME_FIRST = 0xF8 };

int pm_bytes_message_length(uint8_t status)
{
    if (status < 0x80 || status == SYSEX_START)
        return 0;
    if (status < 0xF0) {
        uint8_t kind = status & 0xF0;
        return (kind == 0xC0 || kind == 0xD0) ? 2 : 3;
    }
    switch (status) {
    case 0xF1: /* MTC quarter frame */
    case 0xF3: /* song select */
        return 2;
    case 0xF2: /* song position */
        return 3;
    default:   /* F6 tune request, F7 stray EOX, F4/F5, real-time */
        return 1;
    }
}

void pm_bytes_in_init(struct pm_bytes_in *s)
{
    s->in_sysex = false;
}

/* Copies SysEx bytes of one word from byte index `from`, up to and
 * including F7. */
static size_t sysex_bytes(struct pm_bytes_in *s, uint32_t word, int from,
                          uint8_t out[4], size_t count)
{
    for (int i = from; i < 4; i++) {
        uint8_t b = (uint8_t)(word >> (8 * i));
        if (b >= 0x80 && b != SYSEX_END) {
            /* A status inside SysEx data: the SysEx was cut short. */
            s->in_sysex = false;
            return count;
        }
        out[count++] = b;
        if (b == SYSEX_END) {
            s->in_sysex = false;
            return count;
        }
    }
    return count;
}

size_t pm_bytes_from_word(struct pm_bytes_in *s, uint32_t word,
                          uint8_t out[4])
{
    uint8_t status = (uint8_t)(word & 0xFF);

    if (s->in_sysex) {
        if (status >= REALTIME_FIRST) {
            out[0] = status;
            return 1;
        }
        if (status < 0x80 || status == SYSEX_END)
            return sysex_bytes(s, word, 0, out, 0);
        s->in_sysex = false; /* unterminated: a new message starts */
    }
    if (status == SYSEX_START) {
        s->in_sysex = true;
        out[0] = status;
        return sysex_bytes(s, word, 1, out, 1);
    }
    int len = pm_bytes_message_length(status);
    for (int i = 0; i < len; i++)
        out[i] = (uint8_t)(word >> (8 * i));
    return (size_t)len;
}

void pm_bytes_out_init(struct pm_bytes_out *c, const uint8_t *buf, size_t n)
{
    c->buf = buf;
    c->n = n;
    c->pos = 0;
    c->running = 0;
}

/* Finds the F7 that ends the SysEx starting at c->pos and returns its
 * index; a status byte that cuts it short sets *cut and returns that
 * byte's index; returns c->n when the buffer ends first. */
static size_t sysex_end(const struct pm_bytes_out *c, bool *cut)
{
    *cut = false;
    for (size_t i = c->pos + 1; i < c->n; i++) {
        uint8_t b = c->buf[i];
        if (b == SYSEX_END)
            return i;
        if (b >= 0x80 && b < REALTIME_FIRST) {
            *cut = true;
            return i;
        }
    }
    return c->n;
}

static bool next_sysex(struct pm_bytes_out *c, struct pm_bytes_msg *m)
{
    bool cut;
    size_t end = sysex_end(c, &cut);

    c->running = 0;
    if (cut || end >= c->n) {
        c->pos = end; /* skip the unterminated SysEx */
        return false;
    }
    m->sysex = true;
    m->bytes = c->buf + c->pos;
    m->len = end - c->pos + 1;
    m->word = 0;
    c->pos = end + 1;
    return true;
}

bool pm_bytes_next(struct pm_bytes_out *c, struct pm_bytes_msg *m)
{
    while (c->pos < c->n) {
        uint8_t b = c->buf[c->pos];
        uint8_t status;
        size_t at = c->pos;

        if (b == SYSEX_START) {
            if (next_sysex(c, m))
                return true;
            continue;
        }
        if (b >= 0x80) {
            status = b;
            at++;
            if (b < 0xF0)
                c->running = b;
            else if (b < REALTIME_FIRST)
                c->running = 0;
        } else if (c->running) {
            status = c->running;
        } else {
            c->pos++; /* data byte with no status: skip */
            continue;
        }

        int len = pm_bytes_message_length(status);
        uint32_t word = status;
        int got = 1;
        while (got < len && at < c->n) {
            uint8_t d = c->buf[at];
            if (d >= REALTIME_FIRST) { /* real-time inside: dropped */
                at++;
                continue;
            }
            if (d >= 0x80)
                break;
            word |= (uint32_t)d << (8 * got);
            got++;
            at++;
        }
        c->pos = at;
        if (got < len)
            continue; /* truncated: the next status starts afresh */
        m->sysex = false;
        m->bytes = NULL;
        m->len = (size_t)len;
        m->word = word;
        return true;
    }
    return false;
}
