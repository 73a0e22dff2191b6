/* surface: one connected controller: bytes -> board, board -> feedback
 * bytes (see header). Takeover rule: a control that lost its catch drives
 * the value again once it comes within TAKEOVER_NEAR of the on-screen value
 * or moves from one side of it to the other (or onto it) between two
 * messages, whatever the speed (no time window, unlike Mixxx's 50 ms
 * rule: a slow, deliberate crossing must catch too).
 *
 * Everything per control is kept per slot: slot e is element e's control,
 * or with [strips] strip e, whose element follows the board's focus
 * (slot_element). */
#include "surface.h"

#include <stdlib.h>
#include <string.h>

enum { TAKEOVER_NEAR = 2 };

/* Mackie Control LCD: F0 00 00 66 <id> 12 <offset> <text> F7; 56 cells
 * per row, row 2 starts at offset 56. */
enum { MACKIE_ROW2 = 56, MACKIE_LCD_CMD = 0x12 };

void surface_init(struct surface *s, const struct profile *p)
{
    memset(s, 0, sizeof *s);
    s->profile = p;
    midi_decoder_init(&s->decoder);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        s->el[e] = (struct surface_element){
            .physical = -1, .caught = true, .raw14_msb = -1,
            .touching = false, .sent_value = -1, .sent_zone = -1,
            .sent_label = -1, .own_value = -1, .own_raw = -1};
    }
    for (int c = 0; c < 16; c++) {
        s->nrpn_param[c] = -1;
        s->nrpn_msb[c] = -1;
    }
    s->focus = -1;
    s->held = p->guess;
    s->lcd_id = p->lcd_id;
    transport_leds_forget(&s->leds);
}

void surface_transport(struct surface *s, const struct transport_state *t)
{
    s->transport = *t;
}

size_t surface_lights_off(struct surface *s, uint8_t *out, size_t cap)
{
    const struct transport_state dark = {.playing = false, .armed = false};
    return transport_leds_feedback(&s->leds, s->profile, &dark, out, cap);
}

void surface_accept_guess(struct surface *s)
{
    s->held = false;
}

static int slot_element_at(const struct profile *p, int focus, int k)
{
    int n = p->strip_count;
    if (n == 0)
        return k;
    if (k >= n)
        return -1;
    if (focus < 0)
        focus = 0;
    int e = focus / n * n + k;
    return e < BOARD_ELEMENTS ? e : -1;
}

int surface_slot_element(const struct surface *s, int slot)
{
    if (slot < 0 || slot >= BOARD_ELEMENTS)
        return -1;
    return slot_element_at(s->profile, s->focus, slot);
}

static bool is_absolute(enum profile_ctl_kind k)
{
    return k == PROFILE_CTL_CC || k == PROFILE_CTL_CC14 ||
           k == PROFILE_CTL_PITCH_BEND || k == PROFILE_CTL_NRPN;
}

static bool needs_takeover(const struct surface *s, int k)
{
    return !s->profile->motorized && is_absolute(s->profile->element[k].kind);
}

/* Brings the strips in step with the board's focus: a strip that now
 * shows another element has to catch it again (or, with a motor, be sent
 * it), and its LEDs and LCD cell are sent again. */
static void sync_focus(struct surface *s, const struct board *b)
{
    const struct profile *p = s->profile;
    int f = b->focus < 0 ? 0 : b->focus >= BOARD_ELEMENTS
                                   ? BOARD_ELEMENTS - 1 : b->focus;
    if (s->focus < 0 || !p->strip_count) {
        s->focus = f;
        return;
    }
    if (f == s->focus)
        return;
    for (int k = 0; k < p->strip_count; k++) {
        int was = slot_element_at(p, s->focus, k);
        int now = slot_element_at(p, f, k);
        if (was == now)
            continue;
        struct surface_element *el = &s->el[k];
        el->caught = now >= 0 && el->physical >= 0 &&
                     abs(el->physical - b->value[now]) <= TAKEOVER_NEAR;
        el->sent_value = el->sent_zone = el->sent_label = -1;
        el->echo_pending = false;
        el->own_value = el->own_raw = -1;
        el->raw14_msb = -1;
    }
    s->focus = f;
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

/* Slot k's absolute control is at `raw` (0..max). */
static void apply_abs(struct surface *s, int k, int raw, int max,
                      struct board *b, struct surface_result *r)
{
    int e = surface_slot_element(s, k);
    if (e < 0)
        return;
    int pos = scale_in(raw, max);
    struct surface_element *el = &s->el[k];
    int prev = el->physical;
    el->physical = pos;
    if (needs_takeover(s, k) && !el->caught) {
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
    /* echo the position as it came (Mackie: a fader goes back to the last
     * position it was sent) */
    el->own_value = b->value[e];
    el->own_raw = raw;
    el->echo_pending = true;
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
    char *dst = r->command[r->command_count++];
    size_t n = strnlen(cmd, PROFILE_COMMAND_MAX - 1);
    memcpy(dst, cmd, n);
    dst[n] = 0;
}

static void move_focus(struct surface *s, int to, struct board *b,
                       struct surface_result *r)
{
    if (to < 0)
        to = 0;
    if (to >= BOARD_ELEMENTS)
        to = BOARD_ELEMENTS - 1;
    if (to != b->focus) {
        b->focus = to;
        r->focus_changed = true;
    }
    r->touched = to;
    sync_focus(s, b);
}

/* strips next / prev: the next window of N elements (one for N = 1). */
static void page(struct surface *s, int dir, struct board *b,
                 struct surface_result *r)
{
    int n = s->profile->strip_count;
    int start = (b->focus < 0 ? 0 : b->focus) / n * n;
    int to = start + dir * n;
    if (to < 0 || to >= BOARD_ELEMENTS)
        return; /* no further window */
    move_focus(s, to, b, r);
}

static bool nav_is(const struct profile_ctl *c, enum profile_ctl_kind kind,
                   int ch, int number)
{
    return c->kind != PROFILE_CTL_NONE && c->kind == kind &&
           c->number == number && on_channel(c, ch);
}

static void press(struct surface *s, enum profile_ctl_kind kind, int ch,
                  int number, struct board *b, struct surface_result *r)
{
    const struct profile *p = s->profile;
    if (p->strip_count && nav_is(&p->strip_next, kind, ch, number))
        page(s, +1, b, r);
    if (p->strip_count && nav_is(&p->strip_prev, kind, ch, number))
        page(s, -1, b, r);
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
    for (int k = 0; k < BOARD_ELEMENTS; k++) {
        const struct profile_ctl *c = &s->profile->element[k];
        if (c->kind != PROFILE_CTL_NRPN || c->number != *param ||
            !on_channel(c, ch))
            continue;
        if (cc == 6) {
            *msb = v;
            apply_abs(s, k, v << 7, 16383, b, r);
        } else if (*msb >= 0) {
            apply_abs(s, k, *msb << 7 | v, 16383, b, r);
        }
    }
}

static void on_cc(struct surface *s, int ch, int cc, int v, struct board *b,
                  struct surface_result *r)
{
    const struct profile *p = s->profile;
    for (int k = 0; k < BOARD_ELEMENTS; k++) {
        const struct profile_ctl *c = &p->element[k];
        if (!on_channel(c, ch))
            continue;
        switch (c->kind) {
        case PROFILE_CTL_CC:
            if (c->number == cc)
                apply_abs(s, k, v, 127, b, r);
            break;
        case PROFILE_CTL_CC14:
            if (c->number == cc) {
                s->el[k].raw14_msb = v;
                apply_abs(s, k, v << 7, 16383, b, r);
            } else if (c->number + 32 == cc && s->el[k].raw14_msb >= 0) {
                apply_abs(s, k, s->el[k].raw14_msb << 7 | v, 16383, b, r);
            }
            break;
        case PROFILE_CTL_REL_TWOS: case PROFILE_CTL_REL_OFFSET:
        case PROFILE_CTL_REL_SIGNED: {
            int e = surface_slot_element(s, k);
            if (c->number == cc && e >= 0)
                touch_element(s, e, b->value[e] + rel_delta(c->kind, v), b,
                              r);
            break;
        }
        default:
            break;
        }
    }
    nrpn_cc(s, ch, cc, v, b, r);
    if (p->strip_count && p->strip_select.kind != PROFILE_CTL_NONE &&
        p->strip_select.number == cc && on_channel(&p->strip_select, ch)) {
        int d = rel_delta(p->strip_select.kind, v);
        if (d)
            move_focus(s, (b->focus < 0 ? 0 : b->focus) + (d > 0 ? 1 : -1),
                       b, r);
    }
    if (p->touch_cc)
        for (int k = 0; k < BOARD_ELEMENTS; k++)
            if (p->touch_note[k] == cc)
                s->el[k].touching = v >= 64;
    if (v > 0)
        press(s, PROFILE_CTL_CC, ch, cc, b, r);
}

/* A Mackie device names its SysEx device ID in what it sends (the reply
 * to a device query, "device ready"): use it from now on. */
static void on_sysex(struct surface *s, const struct midi_msg *m)
{
    if (!s->profile->mackie_lcd || m->sysex_len < 6)
        return;
    const uint8_t *x = m->sysex;
    if (x[1] != 0x00 || x[2] != 0x00 || x[3] != 0x66)
        return;
    int id = x[4];
    /* Logic Control 0x10 / XT 0x11, Mackie Control 0x14 / XT 0x15 */
    if (id != 0x10 && id != 0x11 && id != 0x14 && id != 0x15)
        return;
    if (id == s->lcd_id)
        return;
    s->lcd_id = id;
    for (int k = 0; k < BOARD_ELEMENTS; k++)
        s->el[k].sent_label = s->el[k].sent_zone = -1;
}

static void on_msg(struct surface *s, const struct midi_msg *m,
                   struct board *b, struct surface_result *r)
{
    const struct profile *p = s->profile;
    int ch = m->channel;
    if (s->held && (m->kind == MIDI_CC || m->kind == MIDI_PITCH_BEND)) {
        r->unknown_spoke = true;
        midi_msg_describe(m, r->heard, sizeof r->heard);
        return;
    }
    switch (m->kind) {
    case MIDI_CC:
        on_cc(s, ch, m->data1, m->data2, b, r);
        break;
    case MIDI_PITCH_BEND:
        for (int k = 0; k < BOARD_ELEMENTS; k++) {
            const struct profile_ctl *c = &p->element[k];
            if (c->kind == PROFILE_CTL_PITCH_BEND && on_channel(c, ch)) {
                apply_abs(s, k, m->value14, 16383, b, r);
                break;
            }
        }
        break;
    case MIDI_NOTE_ON: case MIDI_NOTE_OFF:
        for (int k = 0; k < BOARD_ELEMENTS && !p->touch_cc; k++)
            if (p->touch_note[k] == m->data1)
                s->el[k].touching = m->kind == MIDI_NOTE_ON;
        if (m->kind == MIDI_NOTE_ON && !s->held)
            press(s, PROFILE_CTL_NOTE, ch, m->data1, b, r);
        break;
    case MIDI_POLY_PRESSURE:
        if (m->data2 > 0 && !s->held)
            press(s, PROFILE_CTL_POLY, ch, m->data1, b, r);
        break;
    case MIDI_SYSEX:
        on_sysex(s, m);
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
    sync_focus(s, b);
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
    sync_focus(s, b);
    for (int k = 0; k < BOARD_ELEMENTS; k++) {
        struct surface_element *el = &s->el[k];
        int e = surface_slot_element(s, k);
        if (e < 0 || !needs_takeover(s, k) || !el->caught)
            continue;
        if (el->physical < 0 || abs(el->physical - b->value[e]) >
                                    TAKEOVER_NEAR)
            el->caught = false;
    }
}

bool surface_ghost(const struct surface *s, int element, int *value)
{
    if (element < 0 || element >= BOARD_ELEMENTS)
        return false;
    for (int k = 0; k < BOARD_ELEMENTS; k++) {
        if (surface_slot_element(s, k) != element || !needs_takeover(s, k))
            continue;
        const struct surface_element *el = &s->el[k];
        if (el->caught || el->physical < 0)
            return false;
        *value = el->physical;
        return true;
    }
    return false;
}

/* A small byte builder: bytes for one slot, committed whole or not. */
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

static int raw_max(enum profile_ctl_kind k)
{
    return k == PROFILE_CTL_CC14 || k == PROFILE_CTL_PITCH_BEND ||
                   k == PROFILE_CTL_NRPN
               ? 16383 : 127;
}

/* Slot k's control set to `raw` (0..127 for a 7-bit CC and encoder
 * rings, else 0..16383). */
static void raw_bytes(const struct profile *p, int k, int raw, struct out *o)
{
    const struct profile_ctl *c = &p->element[k];
    int ch = out_channel(p, c);
    if (p->feedback_max > 0 && raw_max(c->kind) == 16383)
        /* a 14-bit control whose motor takes a smaller range */
        raw = (raw * p->feedback_max + 8191) / 16383;
    switch (c->kind) {
    case PROFILE_CTL_CC14:
        put3(o, 0xB0 | ch, c->number, raw >> 7);
        put3(o, 0xB0 | ch, c->number + 32, raw & 127);
        break;
    case PROFILE_CTL_PITCH_BEND:
        put3(o, 0xE0 | ch, raw & 127, raw >> 7);
        break;
    case PROFILE_CTL_NRPN:
        put3(o, 0xB0 | ch, 99, c->number >> 7);
        put3(o, 0xB0 | ch, 98, c->number & 127);
        put3(o, 0xB0 | ch, 6, raw >> 7);
        put3(o, 0xB0 | ch, 38, raw & 127);
        break;
    case PROFILE_CTL_NONE: case PROFILE_CTL_NOTE: case PROFILE_CTL_POLY:
        break;
    default: /* 7-bit CC and encoder rings */
        put3(o, 0xB0 | ch, c->number, raw);
        break;
    }
}


static void lcd_bytes(const struct surface *s, int offset, const char *text,
                      struct out *o)
{
    static const uint8_t head[] = {0xF0, 0x00, 0x00, 0x66};
    memcpy(o->buf + o->n, head, sizeof head);
    o->n += sizeof head;
    o->buf[o->n++] = (uint8_t)s->lcd_id;
    o->buf[o->n++] = MACKIE_LCD_CMD;
    o->buf[o->n++] = (uint8_t)offset;
    int chars = s->profile->lcd_chars;
    if (chars < 1 || chars > SURFACE_LCD_CELL)
        chars = SURFACE_LCD_CELL;
    bool end = text == NULL;
    for (int i = 0; i < SURFACE_LCD_CELL; i++) {
        if (!end && (i >= chars || text[i] == 0))
            end = true;
        unsigned char ch = end ? ' ' : (unsigned char)text[i];
        o->buf[o->n++] = ch >= 0x20 && ch < 0x7F ? ch : '?';
    }
    o->buf[o->n++] = 0xF7;
}

static void zone_bytes(const struct surface *s, int k, int e, int zone,
                       const char *const zone_labels[ZONE_COUNT],
                       struct out *o)
{
    const struct profile *p = s->profile;
    for (int z = 0; z < ZONE_COUNT && e >= 0; z++) {
        const struct profile_ctl *c = &p->zone_led[k][z];
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
        lcd_bytes(s, MACKIE_ROW2 + k * SURFACE_LCD_CELL,
                  zone_labels && e >= 0 ? zone_labels[zone] : NULL, o);
}

static bool has_zone_output(const struct profile *p, int k)
{
    return p->mackie_lcd || p->zone_led[k][0].kind != PROFILE_CTL_NONE;
}

/* The slots feedback covers: all seven, or the strips. */
static int slot_count(const struct profile *p)
{
    return p->strip_count ? p->strip_count : BOARD_ELEMENTS;
}

static bool commit(const struct out *o, uint8_t *out, size_t cap, size_t *n)
{
    if (*n + o->n > cap)
        return false;
    memcpy(out + *n, o->buf, o->n);
    *n += o->n;
    return true;
}

size_t surface_feedback(struct surface *s, const struct board *b,
                        const char *const labels[BOARD_ELEMENTS],
                        const char *const zone_labels[ZONE_COUNT], bool full,
                        uint8_t *out, size_t cap)
{
    const struct profile *p = s->profile;
    size_t n = 0;
    struct out o;
    sync_focus(s, b);
    if (full) {
        for (int k = 0; k < BOARD_ELEMENTS; k++) {
            s->el[k].sent_value = -1;
            s->el[k].sent_zone = -1;
            s->el[k].sent_label = -1;
        }
        s->connect_pending = p->connect_len > 0;
        transport_leds_forget(&s->leds);
    }
    if (s->connect_pending) {
        if (p->connect_len > cap)
            return 0; /* whole or not at all; the next call tries again */
        memcpy(out, p->connect, p->connect_len);
        n = p->connect_len;
        s->connect_pending = false;
    }
    /* Transport LEDs first: a few bytes a long LCD refresh must not hold
     * back. */
    n += transport_leds_feedback(&s->leds, p, &s->transport, out + n, cap - n);
    int slots = slot_count(p);
    if (p->mackie_lcd && labels) {
        for (int k = 0; k < slots; k++) {
            int e = surface_slot_element(s, k);
            int want = e >= 0 ? e : -2;
            if (s->el[k].sent_label == want)
                continue;
            o.n = 0;
            lcd_bytes(s, k * SURFACE_LCD_CELL, e >= 0 ? labels[e] : NULL, &o);
            if (!commit(&o, out, cap, &n))
                return n; /* the rest on the next call */
            s->el[k].sent_label = want;
        }
    }
    for (int k = 0; k < slots; k++) {
        struct surface_element *el = &s->el[k];
        int e = surface_slot_element(s, k);
        int v = e >= 0 ? b->value[e] : 0;
        int zone = e >= 0 ? (int)b->zone[e] : -2;
        if (p->feedback_faders && e >= 0 &&
            p->element[k].kind != PROFILE_CTL_NONE) {
            bool own = el->echo_pending && el->own_value == v &&
                       el->own_raw >= 0;
            o.n = 0;
            if (own)
                raw_bytes(p, k, el->own_raw, &o); /* as it came */
            else if (!el->touching && el->sent_value != v)
                raw_bytes(p, k, scale_out(v, raw_max(p->element[k].kind)),
                          &o);
            /* else: touched, a value from elsewhere waits for release */
            if (o.n) {
                if (!commit(&o, out, cap, &n))
                    break;
                el->sent_value = v;
            }
            el->echo_pending = false;
        }
        if (has_zone_output(p, k) && el->sent_zone != zone) {
            o.n = 0;
            zone_bytes(s, k, e, zone < 0 ? 0 : zone, zone_labels, &o);
            if (!commit(&o, out, cap, &n))
                break;
            el->sent_zone = zone;
        }
    }
    return n;
}
