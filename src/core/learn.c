/* learn: the learn state machine (see header).
 *
 * A candidate is one source of messages (a CC number, a 14-bit CC pair, a
 * pitch bend channel, an NRPN parameter) on one channel. It is taken for
 * the element when it really moves:
 *   - absolute: at least LEARN_DISTINCT distinct values spanning at least
 *     LEARN_SPAN steps (7-bit; 14-bit values are compared >> 7), so one
 *     value sent once (a button) or a fader jittering between two values
 *     is not enough;
 *   - relative: at least LEARN_REL_MESSAGES messages whose values are all
 *     encoder steps (never 0 or 64) and that repeat (few distinct values)
 *     or reverse direction: 1..15 / 113..127 is two's complement, 1..15 /
 *     65..79 sign-magnitude, 49..63 / 65..79 binary offset (65..79 alone
 *     reads as binary offset turning up). */
#include "learn.h"

#include <stdio.h>
#include <string.h>

enum { LEARN_DISTINCT = 4, LEARN_SPAN = 6, LEARN_REL_MESSAGES = 5 };

static void reset_candidates(struct learn *l)
{
    l->cand_count = 0;
    memset(l->cand, 0, sizeof l->cand);
}

void learn_start(struct learn *l)
{
    memset(l, 0, sizeof *l);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        l->taken[e].kind = PROFILE_CTL_NONE;
        l->taken[e].channel = PROFILE_ANY_CHANNEL;
    }
    reset_candidates(l);
    for (int c = 0; c < 16; c++) /* survives elements: devices select */
        l->nrpn_param[c] = -1;   /* a parameter once per gesture */
}

static bool cc_family(enum profile_ctl_kind k)
{
    return k == PROFILE_CTL_CC || k == PROFILE_CTL_CC14 ||
           k == PROFILE_CTL_REL_TWOS || k == PROFILE_CTL_REL_OFFSET ||
           k == PROFILE_CTL_REL_SIGNED;
}

/* Same message source (kinds within the CC family count as one). */
static bool same_source(const struct profile_ctl *a,
                        const struct profile_ctl *b)
{
    if (a->kind == PROFILE_CTL_NONE || b->kind == PROFILE_CTL_NONE ||
        a->channel != b->channel)
        return false;
    if (cc_family(a->kind) && cc_family(b->kind)) {
        if (a->number == b->number)
            return true;
        if (a->kind == PROFILE_CTL_CC14 && a->number + 32 == b->number)
            return true;
        return b->kind == PROFILE_CTL_CC14 && b->number + 32 == a->number;
    }
    return a->kind == b->kind && a->number == b->number;
}

static bool is_taken(const struct learn *l, const struct profile_ctl *c)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        if (same_source(&l->taken[e], c))
            return true;
    return false;
}

static struct learn_candidate *find(struct learn *l,
                                    enum profile_ctl_kind kind, int ch,
                                    int number, bool create, int64_t now)
{
    struct profile_ctl want = {.kind = kind, .channel = ch, .number = number};
    for (int i = 0; i < l->cand_count; i++) {
        struct profile_ctl *c = &l->cand[i].ctl;
        if (c->channel == ch && c->number == number &&
            (c->kind == kind || (cc_family(c->kind) && cc_family(kind))))
            return &l->cand[i];
    }
    if (!create || is_taken(l, &want))
        return NULL;
    if (l->cand_count == LEARN_CANDIDATES) { /* forget the oldest */
        memmove(&l->cand[0], &l->cand[1],
                sizeof l->cand[0] * (LEARN_CANDIDATES - 1));
        l->cand_count--;
    }
    struct learn_candidate *c = &l->cand[l->cand_count++];
    memset(c, 0, sizeof *c);
    c->ctl = want;
    c->first_ms = now;
    return c;
}

static void record(struct learn_candidate *c, int value, int64_t now)
{
    c->messages++;
    c->last_ms = now;
    for (int i = 0; i < c->distinct && i < 8; i++)
        if (c->values[i] == value)
            return;
    if (c->distinct < 8)
        c->values[c->distinct] = value;
    c->distinct++;
}

/* The relative style the values show, or PROFILE_CTL_NONE. */
static enum profile_ctl_kind relative_style(const struct learn_candidate *c)
{
    int n = c->distinct < 8 ? c->distinct : 8;
    bool lo = false, twos_dn = false, off_dn = false, mid_hi = false;
    for (int i = 0; i < n; i++) {
        int v = c->values[i];
        if (v >= 1 && v <= 15)
            lo = true;
        else if (v >= 113 && v <= 127)
            twos_dn = true;
        else if (v >= 49 && v <= 63)
            off_dn = true;
        else if (v >= 65 && v <= 79)
            mid_hi = true;
        else
            return PROFILE_CTL_NONE;
    }
    if ((lo || twos_dn) && !off_dn && !mid_hi)
        return PROFILE_CTL_REL_TWOS;
    if (lo && mid_hi && !off_dn && !twos_dn)
        return PROFILE_CTL_REL_SIGNED;
    if ((off_dn || mid_hi) && !lo && !twos_dn)
        return PROFILE_CTL_REL_OFFSET;
    return PROFILE_CTL_NONE;
}

/* Whether the candidate moved enough; sets its final kind. */
static bool moved(struct learn_candidate *c)
{
    int n = c->distinct < 8 ? c->distinct : 8;
    int shift = c->ctl.kind == PROFILE_CTL_CC14 ||
                        c->ctl.kind == PROFILE_CTL_PITCH_BEND ? 7 : 0;
    int lo = 1 << 30, hi = -1;
    for (int i = 0; i < n; i++) {
        int v = c->values[i] >> shift;
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    if (c->ctl.kind == PROFILE_CTL_CC && c->messages >= LEARN_REL_MESSAGES &&
        (c->distinct <= 3 || hi - lo >= 96)) {
        enum profile_ctl_kind rel = relative_style(c);
        if (rel != PROFILE_CTL_NONE) {
            c->ctl.kind = rel;
            return true;
        }
    }
    return c->distinct >= LEARN_DISTINCT && hi - lo >= LEARN_SPAN &&
           !(c->ctl.kind == PROFILE_CTL_CC && relative_style(c) !=
                                                  PROFILE_CTL_NONE &&
             c->distinct <= 3);
}

static void describe(struct learn *l, const struct profile_ctl *c)
{
    profile_ctl_describe(c, l->heard, sizeof l->heard);
}

static void next_element(struct learn *l)
{
    for (int i = 1; i <= BOARD_ELEMENTS; i++) {
        int e = (l->element + i) % BOARD_ELEMENTS;
        if (l->taken[e].kind == PROFILE_CTL_NONE) {
            l->element = e;
            return;
        }
    }
    l->element = BOARD_ELEMENTS;
}

bool learn_feed(struct learn *l, const struct midi_msg *m, int64_t now_ms)
{
    if (l->element >= BOARD_ELEMENTS)
        return false;
    int ch = m->channel;
    struct learn_candidate *c = NULL;
    if (m->kind == MIDI_PITCH_BEND) {
        c = find(l, PROFILE_CTL_PITCH_BEND, ch, 0, true, now_ms);
        if (c)
            record(c, m->value14, now_ms);
    } else if (m->kind == MIDI_CC) {
        int n = m->data1, v = m->data2;
        int *param = &l->nrpn_param[ch];
        if (n == 99) {
            *param = v << 7;
            return false;
        }
        if (n == 98) {
            *param = (*param < 0 ? 0 : (*param & ~127)) | v;
            return false;
        }
        if ((n == 6 || n == 38) && *param >= 0) {
            c = find(l, PROFILE_CTL_NRPN, ch, *param, n == 6, now_ms);
            if (c && n == 6)
                record(c, v, now_ms);
        } else {
            struct learn_candidate *msb =
                n >= 32 && n < 64 ? find(l, PROFILE_CTL_CC, ch, n - 32, false,
                                         now_ms)
                                  : NULL;
            if (msb && msb->ctl.kind != PROFILE_CTL_CC14 &&
                msb->ctl.kind != PROFILE_CTL_CC) {
                msb = NULL;
            }
            if (msb) { /* LSB of a 14-bit pair: value = MSB << 7 | LSB */
                if (msb->ctl.kind == PROFILE_CTL_CC) {
                    msb->ctl.kind = PROFILE_CTL_CC14;
                    msb->distinct = 0; /* restart with 14-bit values */
                    msb->messages = 0;
                }
                record(msb, (msb->last_msb << 7) | v, now_ms);
                c = msb;
            } else {
                c = find(l, PROFILE_CTL_CC, ch, n, true, now_ms);
                if (c) {
                    c->last_msb = v;
                    if (c->ctl.kind == PROFILE_CTL_CC)
                        record(c, v, now_ms);
                }
            }
        }
    } else {
        return false;
    }
    if (!c)
        return false;
    describe(l, &c->ctl);
    if (!moved(c))
        return false;
    struct profile_ctl got = c->ctl;
    l->taken[l->element] = got;
    describe(l, &got);
    reset_candidates(l);
    next_element(l);
    return true;
}

void learn_redo(struct learn *l, int element)
{
    if (element < 0 || element >= BOARD_ELEMENTS)
        return;
    l->taken[element].kind = PROFILE_CTL_NONE;
    l->taken[element].channel = PROFILE_ANY_CHANNEL;
    l->element = element;
    l->heard[0] = 0;
    reset_candidates(l);
}

bool learn_done(const struct learn *l)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        if (l->taken[e].kind == PROFILE_CTL_NONE)
            return false;
    return true;
}

const char *learn_heard(const struct learn *l)
{
    return l->heard;
}

void learn_make_profile(const struct learn *l, const char *port_name,
                        const char *id, struct profile *out)
{
    profile_init(out);
    snprintf(out->id, sizeof out->id, "%s", id);
    snprintf(out->name, sizeof out->name, "%s", port_name);
    /* a pattern ends at a comma (the list separator in the file) */
    snprintf(out->match[0], sizeof out->match[0], "%.*s",
             (int)strcspn(port_name, ","), port_name);
    out->match_count = out->match[0][0] ? 1 : 0;
    snprintf(out->verified, sizeof out->verified, "hardware");
    snprintf(out->source, sizeof out->source, "learn");
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        out->element[e] = l->taken[e];
}
