/* surface: one connected controller: bytes -> board, board -> feedback
 * bytes (see header). Takeover rule: a control that lost its catch drives
 * the value again once it comes within TAKEOVER_NEAR of the on-screen value
 * or moves from one side of it to the other (or onto it) between two
 * messages, whatever the speed (no time window, unlike Mixxx's 50 ms
 * rule: a slow, deliberate crossing must catch too). */
#include "surface.h"

#include <stdlib.h>
#include <string.h>

enum { TAKEOVER_NEAR = 2 };

/* Mackie Control LCD: F0 00 00 66 14 12 <offset> <text> F7; 56 cells per
 * row, row 2 starts at offset 56. */
static const uint8_t mackie_lcd_head[] = {0xF0, 0x00, 0x00, 0x66, 0x14, 0x12};
enum { MACKIE_ROW2 = 56 };

void surface_init(struct surface *s, const struct profile *p)
{
    memset(s, 0, sizeof *s);
    s->profile = p;
    midi_decoder_init(&s->decoder);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        s->el[e] = (struct surface_element){
            .physical = -1, .caught = true, .raw14_msb = -1,
            .touching = false, .sent_value = -1, .sent_zone = -1};
    }
    for (int c = 0; c < 16; c++) {
        s->nrpn_param[c] = -1;
        s->nrpn_msb[c] = -1;
    }
}

static bool is_absolute(enum profile_ctl_kind k)
{
    return k == PROFILE_CTL_CC || k == PROFILE_CTL_CC14 ||
           k == PROFILE_CTL_PITCH_BEND || k == PROFILE_CTL_NRPN;
}

static bool needs_takeover(const struct surface *s, int e)
{
    return !s->profile->motorized && is_absolute(s->profile->element[e].kind);
}

static bool on_channel(const struct profile_ctl *c, int ch)
{
    return c->channel == PROFILE_ANY_CHANNEL || c->channel == ch;
}

/* 0..max -> 0..100, rounded to nearest. */
static int scale_in(int raw, int max)
{
    return (raw * 200 + max) / (2 * max);
}

/* 0..100 -> 0..max, rounded to nearest. */
static int scale_out(int v, int max)
{
    return (board_clamp(v) * max + 50) / 100;
}

static void touch_element(struct surface *s, int e, int value,
                          struct board *b, struct surface_result *r)
{
    (void)s;
    if (board_set_live(b, e, value))
        r->board_changed = true;
    b->focus = e;
    r->touched = e;
}

static void apply_abs(struct surface *s, int e, int pos, struct board *b,
                      struct surface_result *r)
{
    struct surface_element *el = &s->el[e];
    int prev = el->physical;
    el->physical = pos;
    if (needs_takeover(s, e) && !el->caught) {
        int v = b->value[e];
        bool near = abs(pos - v) <= TAKEOVER_NEAR;
        bool crossed = prev >= 0 && (prev - v) * (pos - v) <= 0;
        if (!near && !crossed) {
            b->focus = e;
            r->touched = e;
            return;
        }
        el->caught = true;
    }
    touch_element(s, e, pos, b, r);
}

static int rel_delta(enum profile_ctl_kind k, int v)
{
    switch (k) {
    case PROFILE_CTL_REL_TWOS:
        return v < 64 ? v : v - 128;
    case PROFILE_CTL_REL_OFFSET:
        return v - 64;
    default: /* sign-magnitude: bit 6 is the sign */
        return v & 0x40 ? -(v & 0x3F) : v & 0x3F;
    }
}

static void add_command(struct surface_result *r, const char *cmd)
{
    if (r->command_count == SURFACE_COMMANDS_MAX)
        return;
    strcpy(r->command[r->command_count++], cmd);
}

static void press(struct surface *s, enum profile_ctl_kind kind, int ch,
                  int number, struct surface_result *r)
{
    const struct profile *p = s->profile;
    for (int i = 0; i < p->button_count; i++) {
        const struct profile_ctl *c = &p->button[i].ctl;
        if (c->kind == kind && c->number == number && on_channel(c, ch))
            add_command(r, p->button[i].command);
    }
}

static void nrpn_cc(struct surface *s, int ch, int cc, int v,
                    struct board *b, struct surface_result *r)
{
    int *param = &s->nrpn_param[ch], *msb = &s->nrpn_msb[ch];
    switch (cc) {
    case 99: *param = v << 7; *msb = -1; return;
    case 98: *param = (*param < 0 ? 0 : (*param & ~127)) | v; *msb = -1;
        return;
    case 101: case 100: *param = -1; return; /* RPN: not ours */
    case 6: case 38: break;
    default: return;
    }
    if (*param < 0)
        return;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct profile_ctl *c = &s->profile->element[e];
        if (c->kind != PROFILE_CTL_NRPN || c->number != *param ||
            !on_channel(c, ch))
            continue;
        if (cc == 6) {
            *msb = v;
            apply_abs(s, e, scale_in(v, 127), b, r);
        } else if (*msb >= 0) {
            apply_abs(s, e, scale_in(*msb << 7 | v, 16383), b, r);
        }
    }
}

static void on_cc(struct surface *s, int ch, int cc, int v, struct board *b,
                  struct surface_result *r)
{
    const struct profile *p = s->profile;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct profile_ctl *c = &p->element[e];
        if (!on_channel(c, ch))
            continue;
        switch (c->kind) {
        case PROFILE_CTL_CC:
            if (c->number == cc)
                apply_abs(s, e, scale_in(v, 127), b, r);
            break;
        case PROFILE_CTL_CC14:
            if (c->number == cc) {
                s->el[e].raw14_msb = v;
                apply_abs(s, e, scale_in(v << 7, 16383), b, r);
            } else if (c->number + 32 == cc && s->el[e].raw14_msb >= 0) {
                apply_abs(s, e, scale_in(s->el[e].raw14_msb << 7 | v, 16383),
                          b, r);
            }
            break;
        case PROFILE_CTL_REL_TWOS: case PROFILE_CTL_REL_OFFSET:
        case PROFILE_CTL_REL_SIGNED:
            if (c->number == cc)
                touch_element(s, e, b->value[e] + rel_delta(c->kind, v), b,
                              r);
            break;
        default:
            break;
        }
    }
    nrpn_cc(s, ch, cc, v, b, r);
    if (p->touch_cc)
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            if (p->touch_note[e] == cc)
                s->el[e].touching = v >= 64;
    if (v > 0)
        press(s, PROFILE_CTL_CC, ch, cc, r);
}

static void on_msg(struct surface *s, const struct midi_msg *m,
                   struct board *b, struct surface_result *r)
{
    const struct profile *p = s->profile;
    int ch = m->channel;
    switch (m->kind) {
    case MIDI_CC:
        on_cc(s, ch, m->data1, m->data2, b, r);
        break;
    case MIDI_PITCH_BEND:
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            const struct profile_ctl *c = &p->element[e];
            if (c->kind == PROFILE_CTL_PITCH_BEND && on_channel(c, ch)) {
                apply_abs(s, e, scale_in(m->value14, 16383), b, r);
                break;
            }
        }
        break;
    case MIDI_NOTE_ON: case MIDI_NOTE_OFF:
        for (int e = 0; e < BOARD_ELEMENTS && !p->touch_cc; e++)
            if (p->touch_note[e] == m->data1)
                s->el[e].touching = m->kind == MIDI_NOTE_ON;
        if (m->kind == MIDI_NOTE_ON)
            press(s, PROFILE_CTL_NOTE, ch, m->data1, r);
        break;
    default:
        break;
    }
}

void surface_feed(struct surface *s, const uint8_t *bytes, size_t n,
                  int64_t now_ms, struct board *b, struct surface_result *r)
{
    (void)now_ms;
    memset(r, 0, sizeof *r);
    r->touched = -1;
    struct midi_msg m;
    for (size_t i = 0; i < n; i++) {
        if (!midi_decoder_feed(&s->decoder, bytes[i], &m))
            continue;
        r->messages++;
        on_msg(s, &m, b, r);
    }
}

void surface_board_moved(struct surface *s, const struct board *b)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct surface_element *el = &s->el[e];
        if (!needs_takeover(s, e) || !el->caught)
            continue;
        if (el->physical < 0 || abs(el->physical - b->value[e]) >
                                    TAKEOVER_NEAR)
            el->caught = false;
    }
}

bool surface_ghost(const struct surface *s, int element, int *value)
{
    if (element < 0 || element >= BOARD_ELEMENTS || !needs_takeover(s, element))
        return false;
    const struct surface_element *el = &s->el[element];
    if (el->caught || el->physical < 0)
        return false;
    *value = el->physical;
    return true;
}

/* A small byte builder: bytes for one element, committed whole or not. */
struct out {
    uint8_t buf[160];
    size_t n;
};

static void put3(struct out *o, int status, int d1, int d2)
{
    o->buf[o->n++] = (uint8_t)status;
    o->buf[o->n++] = (uint8_t)(d1 & 0x7F);
    o->buf[o->n++] = (uint8_t)(d2 & 0x7F);
}

static int out_channel(const struct profile *p, const struct profile_ctl *c)
{
    if (p->feedback_channel >= 0)
        return p->feedback_channel;
    return c->channel >= 0 ? c->channel : 0;
}

static void value_bytes(const struct profile *p, int e, int v, struct out *o)
{
    const struct profile_ctl *c = &p->element[e];
    int ch = out_channel(p, c);
    int v14 = scale_out(v, 16383);
    switch (c->kind) {
    case PROFILE_CTL_CC14:
        put3(o, 0xB0 | ch, c->number, v14 >> 7);
        put3(o, 0xB0 | ch, c->number + 32, v14 & 127);
        break;
    case PROFILE_CTL_PITCH_BEND:
        put3(o, 0xE0 | ch, v14 & 127, v14 >> 7);
        break;
    case PROFILE_CTL_NRPN:
        put3(o, 0xB0 | ch, 99, c->number >> 7);
        put3(o, 0xB0 | ch, 98, c->number & 127);
        put3(o, 0xB0 | ch, 6, v14 >> 7);
        put3(o, 0xB0 | ch, 38, v14 & 127);
        break;
    case PROFILE_CTL_NONE: case PROFILE_CTL_NOTE:
        break;
    default: /* 7-bit CC and encoder rings */
        put3(o, 0xB0 | ch, c->number, scale_out(v, 127));
        break;
    }
}

static void lcd_bytes(int offset, const char *text, struct out *o)
{
    memcpy(o->buf + o->n, mackie_lcd_head, sizeof mackie_lcd_head);
    o->n += sizeof mackie_lcd_head;
    o->buf[o->n++] = (uint8_t)offset;
    bool end = text == NULL;
    for (int i = 0; i < SURFACE_LCD_CELL; i++) {
        if (!end && text[i] == 0)
            end = true;
        unsigned char ch = end ? ' ' : (unsigned char)text[i];
        o->buf[o->n++] = ch >= 0x20 && ch < 0x7F ? ch : '?';
    }
    o->buf[o->n++] = 0xF7;
}

static void zone_bytes(const struct profile *p, int e, int zone,
                       const char *const zone_labels[ZONE_COUNT],
                       struct out *o)
{
    for (int z = 0; z < ZONE_COUNT; z++) {
        const struct profile_ctl *c = &p->zone_led[e][z];
        if (c->kind == PROFILE_CTL_NONE)
            continue;
        int ch = c->channel >= 0 ? c->channel
                                 : p->feedback_channel >= 0
                                       ? p->feedback_channel : 0;
        int level = z == zone ? p->led_on : p->led_off;
        put3(o, (c->kind == PROFILE_CTL_NOTE ? 0x90 : 0xB0) | ch, c->number,
             level);
    }
    if (p->mackie_lcd)
        lcd_bytes(MACKIE_ROW2 + e * SURFACE_LCD_CELL,
                  zone_labels ? zone_labels[zone] : NULL, o);
}

static bool has_zone_output(const struct profile *p, int e)
{
    return p->mackie_lcd || p->zone_led[e][0].kind != PROFILE_CTL_NONE;
}

size_t surface_feedback(struct surface *s, const struct board *b,
                        const char *const labels[BOARD_ELEMENTS],
                        const char *const zone_labels[ZONE_COUNT], bool full,
                        uint8_t *out, size_t cap)
{
    const struct profile *p = s->profile;
    size_t n = 0;
    struct out o;
    if (full) {
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            s->el[e].sent_value = -1;
            s->el[e].sent_zone = -1;
        }
        if (p->mackie_lcd) {
            for (int e = 0; e < BOARD_ELEMENTS; e++) {
                o.n = 0;
                lcd_bytes(e * SURFACE_LCD_CELL, labels ? labels[e] : NULL,
                          &o);
                if (n + o.n > cap)
                    return n;  /* labels are only sent in full */
                memcpy(out + n, o.buf, o.n);
                n += o.n;
            }
        }
    }
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct surface_element *el = &s->el[e];
        int v = b->value[e], zone = (int)b->zone[e];
        if (p->feedback_faders && el->sent_value != v && !el->touching &&
            p->element[e].kind != PROFILE_CTL_NONE) {
            o.n = 0;
            value_bytes(p, e, v, &o);
            if (n + o.n > cap)
                break;
            memcpy(out + n, o.buf, o.n);
            n += o.n;
            el->sent_value = v;
        }
        if (has_zone_output(p, e) && el->sent_zone != zone) {
            o.n = 0;
            zone_bytes(p, e, zone, zone_labels, &o);
            if (n + o.n > cap)
                break;
            memcpy(out + n, o.buf, o.n);
            n += o.n;
            el->sent_zone = zone;
        }
    }
    return n;
}
