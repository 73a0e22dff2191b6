/* targets: the fuzz entry functions (see targets.h). A broken invariant
 * calls fuzz_fail, which prints what broke and aborts, so libFuzzer and
 * the replay test both see it. */
#include "targets.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arc.h"
#include "board.h"
#include "content.h"
#include "diag.h"
#include "keymap.h"
#include "preset.h"
#include "profile.h"
#include "surface.h"

static void fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz invariant broken: %s\n", what);
    abort();
}

static void check_board(const struct board *b)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        if (b->value[e] < 0 || b->value[e] > 100)
            fuzz_fail("board value out of 0..100");
    }
    if (b->focus < -1 || b->focus >= BOARD_ELEMENTS)
        fuzz_fail("board focus out of range");
}

/* A profile built in memory from one byte: each element gets a control
 * kind from the pattern, so every mapping path is reachable. */
static void build_profile(struct profile *p, uint8_t pick)
{
    static const enum profile_ctl_kind kinds[] = {
        PROFILE_CTL_CC,         PROFILE_CTL_CC14,
        PROFILE_CTL_PITCH_BEND, PROFILE_CTL_REL_TWOS,
        PROFILE_CTL_REL_OFFSET, PROFILE_CTL_REL_SIGNED,
        PROFILE_CTL_NRPN,       PROFILE_CTL_NONE,
    };
    const int nk = (int)(sizeof kinds / sizeof kinds[0]);

    profile_init(p);
    snprintf(p->id, sizeof p->id, "fuzz");
    snprintf(p->name, sizeof p->name, "fuzz");
    p->motorized = (pick & 0x80) != 0;
    p->feedback_faders = (pick & 0x40) != 0;
    p->mackie_lcd = (pick & 0x20) != 0;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct profile_ctl *c = &p->element[e];
        c->kind = kinds[(pick + e) % nk];
        c->channel = (pick & 0x10) ? PROFILE_ANY_CHANNEL : e;
        c->number = e;
        if (c->kind == PROFILE_CTL_PITCH_BEND)
            c->channel = e;
        p->touch_note[e] = (pick & 0x08) ? 104 + e : -1;
        for (int z = 0; z < ZONE_COUNT; z++) {
            p->zone_led[e][z].kind = (pick & 0x04) ? PROFILE_CTL_NOTE
                                                   : PROFILE_CTL_NONE;
            p->zone_led[e][z].channel = 0;
            p->zone_led[e][z].number = e * 3 + z;
        }
    }
    p->button_count = 0;
    if (pick & 0x02) {
        struct profile_button *bt = &p->button[p->button_count++];
        bt->ctl.kind = PROFILE_CTL_CC;
        bt->ctl.channel = PROFILE_ANY_CHANNEL;
        bt->ctl.number = 58;
        snprintf(bt->command, sizeof bt->command, "preset prev");
    }
}

int fuzz_midi_one(const uint8_t *data, size_t size)
{
    static const char *const labels[BOARD_ELEMENTS] = {
        "Goals", "Inquiry", "Task", "Eval", "Feedbk", "Plan", "Demo"};
    static const char *const zones[ZONE_COUNT] = {"Teacher", "Co-cr",
                                                  "Student"};
    struct profile p;
    struct surface s;
    struct board b;
    struct surface_result r;
    uint8_t out[512];

    if (size < 1)
        return 0;
    build_profile(&p, data[0]);
    board_init(&b);
    surface_init(&s, &p);
    data++;
    size--;
    /* Feed in chunks whose sizes come from the data itself, with a board
     * move and feedback between chunks. */
    int64_t now = 0;
    while (size > 0) {
        size_t chunk = (size_t)(data[0] % 17) + 1;
        if (chunk > size)
            chunk = size;
        surface_feed(&s, data, chunk, now, &b, &r);
        check_board(&b);
        if (r.command_count < 0 || r.command_count > SURFACE_COMMANDS_MAX)
            fuzz_fail("command count out of range");
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            int v;
            if (surface_ghost(&s, e, &v) && (v < 0 || v > 100))
                fuzz_fail("ghost out of 0..100");
        }
        size_t n = surface_feedback(&s, &b, labels, zones, (chunk & 1) != 0,
                                    out, (size_t)data[0] % sizeof out);
        if (n > sizeof out)
            fuzz_fail("feedback overran its buffer");
        if (data[0] == 0x55) {
            board_set(&b, data[0] % BOARD_ELEMENTS, 50);
            surface_board_moved(&s, &b);
        }
        data += chunk;
        size -= chunk;
        now += 7;
    }
    return 0;
}

int fuzz_profile_one(const uint8_t *data, size_t size)
{
    static struct profile p, back;
    static struct diag_list d;
    static char text[65536];

    diag_init(&d);
    bool ok = profile_parse((const char *)data, size, "fuzz.ini", "fuzz",
                            &p, &d);
    if (d.count < 0 || d.count > DIAG_MAX)
        fuzz_fail("diag count out of range");
    if (!ok)
        return 0;
    size_t n = profile_write(&p, text, sizeof text);
    if (n == 0)
        return 0;
    if (n >= sizeof text)
        fuzz_fail("profile_write overran");
    diag_init(&d);
    if (!profile_parse(text, n, "fuzz.ini", "fuzz", &back, &d)) {
        fprintf(stderr, "%.*s\n%s\n", (int)n, text,
                d.count ? d.text[0] : "");
        fuzz_fail("written profile does not parse back");
    }
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        if (p.element[e].kind != back.element[e].kind ||
            p.element[e].channel != back.element[e].channel ||
            (p.element[e].kind != PROFILE_CTL_PITCH_BEND &&
             p.element[e].number != back.element[e].number))
            fuzz_fail("profile element changed in a round trip");
    }
    if (p.button_count != back.button_count)
        fuzz_fail("profile buttons changed in a round trip");
    for (int l = 0; l < PROFILE_TRANSPORT_LEDS; l++) {
        const struct profile_ctl *a = &p.transport_led[l];
        const struct profile_ctl *b = &back.transport_led[l];
        if (a->kind != b->kind || a->channel != b->channel
            || a->number != b->number)
            fuzz_fail("profile transport LED changed in a round trip");
    }
    return 0;
}

static bool preset_equal(const struct preset *a, const struct preset *b)
{
    return strcmp(a->name, b->name) == 0 &&
           strcmp(a->notes, b->notes) == 0 &&
           memcmp(a->value, b->value, sizeof a->value) == 0 &&
           a->created == b->created && a->changed == b->changed &&
           a->slot == b->slot;
}

int fuzz_preset_one(const uint8_t *data, size_t size)
{
    static struct preset p, back;
    static struct diag_list d;

    diag_init(&d);
    if (!preset_parse((const char *)data, size, "fuzz.ini", &p, &d))
        return 0;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        if (p.value[e] < 0 || p.value[e] > 100)
            fuzz_fail("parsed preset value out of 0..100");
    }
    size_t n = 0;
    char *text = preset_serialize(&p, &n);
    if (!text)
        fuzz_fail("a parsed preset does not serialize");
    diag_init(&d);
    bool ok = preset_parse(text, n, "back.ini", &back, &d);
    if (!ok || !preset_equal(&p, &back)) {
        fprintf(stderr, "%s\n%s\n", text, d.count ? d.text[0] : "");
        free(text);
        fuzz_fail("preset round trip differs");
    }
    free(text);
    return 0;
}

static bool arc_equal(const struct arc *a, const struct arc *b)
{
    if (strcmp(a->name, b->name) != 0 || strcmp(a->notes, b->notes) != 0
        || a->dwell != b->dwell || a->count != b->count)
        return false;
    for (int k = 0; k < a->count; k++)
        if (strcmp(a->step[k].label, b->step[k].label) != 0
            || strcmp(a->step[k].note, b->step[k].note) != 0
            || memcmp(a->step[k].value, b->step[k].value,
                      sizeof a->step[k].value) != 0)
            return false;
    return true;
}

/* Plays the arc with times and touches taken from the data. */
static void fuzz_arc_play(struct arc *a, const uint8_t *data, size_t size)
{
    struct arc_play p;
    struct arc_position pos;
    arc_play_init(&p);
    p.recording = size > 0 && (data[0] & 1);
    int board[BOARD_ELEMENTS] = {0};
    arc_play_start(&p, a, size > 1 ? data[1] % 60 : 0, board, 0,
                   size > 2 ? data[2] * 10 : 0, size > 3 ? data[3] * 10 : 0);
    int64_t now = 0;
    for (size_t i = 4; i + 1 < size && i < 4096; i += 2) {
        now += data[i] * 7;
        if (data[i + 1] & 0x80)
            arc_play_touch(&p, a, data[i + 1] % BOARD_ELEMENTS,
                           data[i] % 101, now);
        if (!arc_play_advance(&p, a, now, &pos))
            break;
        if (pos.step < 0 || pos.step >= a->count)
            fuzz_fail("playhead off the arc's steps");
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            if (pos.value[e] < 0 || pos.value[e] > 100)
                fuzz_fail("played value out of 0..100");
    }
}

int fuzz_arc_one(const uint8_t *data, size_t size)
{
    static struct arc a, back;
    static struct diag_list d;

    diag_init(&d);
    if (!arc_parse((const char *)data, size, "fuzz.ini", &a, &d))
        return 0;
    if (a.count < ARC_STEPS_MIN || a.count > ARC_STEPS_MAX)
        fuzz_fail("parsed arc has a step count out of 2..52");
    size_t n = 0;
    char *text = arc_serialize(&a, &n);
    if (!text)
        fuzz_fail("a parsed arc does not serialize");
    diag_init(&d);
    bool ok = arc_parse(text, n, "back.ini", &back, &d);
    if (!ok || !arc_equal(&a, &back)) {
        fprintf(stderr, "%s\n%s\n", text, d.count ? d.text[0] : "");
        free(text);
        fuzz_fail("arc round trip differs");
    }
    free(text);
    fuzz_arc_play(&a, data, size);
    return 0;
}

int fuzz_content_one(const uint8_t *data, size_t size)
{
    static const char *const names[4] = {"habits.ini", "elements.ini",
                                         "questions.ini", "ui.ini"};
    static struct diag_list d;
    struct content_file files[4];
    struct content c;
    size_t start = 0;
    int nf = 0;

    /* Split on 0x00 bytes into up to four files. */
    for (size_t i = 0; i <= size && nf < 4; i++) {
        if (i == size || (data[i] == 0 && nf < 3)) {
            files[nf].name = names[nf];
            files[nf].text = (const char *)data + start;
            files[nf].len = i - start;
            nf++;
            start = i + 1;
        }
    }
    diag_init(&d);
    content_parse(&c, files, nf, &d);
    content_check_complete(&c, "content", &d);
    (void)content_string(&c, "status.no-controller");
    (void)content_habit_index(&c, "thinking-flexibly");
    content_free(&c);
    return 0;
}

int fuzz_keymap_one(const uint8_t *data, size_t size)
{
    static struct diag_list d;
    struct keymap km;

    diag_init(&d);
    keymap_parse(&km, (const char *)data, size, "keys.ini", &d);
    for (int i = 0; i < km.count; i++) {
        if (!km.entry[i].key || !keymap_lookup(&km, km.entry[i].key))
            fuzz_fail("a parsed key does not look up");
    }
    (void)keymap_lookup(&km, "ctrl+s");
    keymap_free(&km);
    return 0;
}
