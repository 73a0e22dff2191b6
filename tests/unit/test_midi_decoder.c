/* test_midi_decoder: the byte-stream decoder's edge cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "midi_decoder.h"

enum { MAX_OUT = 64 };

struct got {
    int n;
    struct midi_msg m[MAX_OUT];
    uint8_t sysex[MAX_OUT][MIDI_SYSEX_KEEP];
};

static void feed(struct midi_decoder *d, const uint8_t *b, size_t n,
                 struct got *g)
{
    for (size_t i = 0; i < n; i++) {
        struct midi_msg m;
        if (midi_decoder_feed(d, b[i], &m)) {
            assert_true(g->n < MAX_OUT);
            if (m.kind == MIDI_SYSEX) {
                memcpy(g->sysex[g->n], m.sysex, m.sysex_len);
                m.sysex = g->sysex[g->n];
            }
            g->m[g->n++] = m;
        }
    }
}

static void expect_cc(const struct midi_msg *m, int ch, int cc, int v)
{
    assert_int_equal(m->kind, MIDI_CC);
    assert_int_equal(m->channel, ch);
    assert_int_equal(m->data1, cc);
    assert_int_equal(m->data2, v);
}

static void test_running_status_and_channels(void **state)
{
    (void)state;
    struct midi_decoder d;
    struct got g = {0};
    midi_decoder_init(&d);
    const uint8_t b[] = {0xB0, 7, 100, 8, 101, 0xBF, 1, 2, 3, 4};
    feed(&d, b, sizeof b, &g);
    assert_int_equal(g.n, 4);
    expect_cc(&g.m[0], 0, 7, 100);
    expect_cc(&g.m[1], 0, 8, 101);
    expect_cc(&g.m[2], 15, 1, 2);
    expect_cc(&g.m[3], 15, 3, 4);
    assert_int_equal(d.skipped, 0);
}

static void test_every_channel_kind(void **state)
{
    (void)state;
    static const struct {
        uint8_t b[3];
        int len;
        enum midi_kind kind;
    } cases[] = {
        {{0x83, 60, 10}, 3, MIDI_NOTE_OFF},
        {{0x94, 60, 10}, 3, MIDI_NOTE_ON},
        {{0x94, 60, 0}, 3, MIDI_NOTE_OFF}, /* velocity 0 */
        {{0xA5, 60, 10}, 3, MIDI_POLY_PRESSURE},
        {{0xB6, 60, 10}, 3, MIDI_CC},
        {{0xC7, 5}, 2, MIDI_PROGRAM},
        {{0xD8, 9}, 2, MIDI_CHANNEL_PRESSURE},
        {{0xE9, 0x7F, 0x7F}, 3, MIDI_PITCH_BEND},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct midi_decoder d;
        struct got g = {0};
        midi_decoder_init(&d);
        feed(&d, cases[i].b, (size_t)cases[i].len, &g);
        assert_int_equal(g.n, 1);
        assert_int_equal(g.m[0].kind, cases[i].kind);
        assert_int_equal(g.m[0].channel, cases[i].b[0] & 15);
        assert_int_equal(g.m[0].data1, cases[i].b[1]);
    }
    struct midi_decoder d;
    struct got g = {0};
    midi_decoder_init(&d);
    const uint8_t pb[] = {0xE0, 0x00, 0x40, 0x7F, 0x7F, 0, 0};
    feed(&d, pb, sizeof pb, &g);
    assert_int_equal(g.n, 3);
    assert_int_equal(g.m[0].value14, 8192);
    assert_int_equal(g.m[1].value14, 16383);
    assert_int_equal(g.m[2].value14, 0);
}

static void test_realtime_inside_messages(void **state)
{
    (void)state;
    struct midi_decoder d;
    struct got g = {0};
    midi_decoder_init(&d);
    /* clock inside a CC, active sensing between running-status messages,
     * start/stop inside a pitch bend */
    const uint8_t b[] = {0xB2, 0xF8, 7, 0xFE, 99, 0xF8, 8, 0xFA, 9,
                         0xE1, 0x01, 0xFC, 0x02};
    feed(&d, b, sizeof b, &g);
    assert_int_equal(g.n, 8);
    assert_int_equal(g.m[0].kind, MIDI_REALTIME);
    assert_int_equal(g.m[0].status, 0xF8);
    assert_int_equal(g.m[1].kind, MIDI_REALTIME);
    assert_int_equal(g.m[1].status, 0xFE);
    expect_cc(&g.m[2], 2, 7, 99);
    assert_int_equal(g.m[3].status, 0xF8);
    assert_int_equal(g.m[4].status, 0xFA);
    expect_cc(&g.m[5], 2, 8, 9);
    assert_int_equal(g.m[6].status, 0xFC);
    assert_int_equal(g.m[7].kind, MIDI_PITCH_BEND);
    assert_int_equal(g.m[7].value14, 0x01 | 0x02 << 7);
    assert_int_equal(d.skipped, 0);
}

static void test_sysex(void **state)
{
    (void)state;
    struct midi_decoder d;
    struct got g = {0};
    midi_decoder_init(&d);
    const uint8_t b[] = {0xB0, 1, 2, 0xF0, 0x00, 0x20, 0xF8, 0x29, 0xF7,
                         3, 4};
    feed(&d, b, sizeof b, &g);
    /* clock inside SysEx comes first, SysEx whole, running status is
     * cancelled by SysEx so 3, 4 are stray */
    assert_int_equal(g.n, 3);
    expect_cc(&g.m[0], 0, 1, 2);
    assert_int_equal(g.m[1].kind, MIDI_REALTIME);
    assert_int_equal(g.m[2].kind, MIDI_SYSEX);
    assert_int_equal(g.m[2].sysex_total, 5);
    assert_int_equal(g.m[2].sysex_len, 5);
    const uint8_t want[] = {0xF0, 0x00, 0x20, 0x29, 0xF7};
    assert_memory_equal(g.m[2].sysex, want, 5);
    assert_int_equal(d.skipped, 2);

    /* a SysEx far longer than kept: only the prefix, total counted */
    midi_decoder_init(&d);
    memset(&g, 0, sizeof g);
    uint8_t big[10000];
    big[0] = 0xF0;
    for (size_t i = 1; i < sizeof big - 1; i++)
        big[i] = (uint8_t)(i & 0x7F);
    big[sizeof big - 1] = 0xF7;
    feed(&d, big, sizeof big, &g);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.m[0].sysex_total, sizeof big);
    assert_int_equal(g.m[0].sysex_len, MIDI_SYSEX_KEEP);
    assert_memory_equal(g.m[0].sysex, big, MIDI_SYSEX_KEEP);
}

static void test_garbage_and_truncation(void **state)
{
    (void)state;
    struct midi_decoder d;
    struct got g = {0};
    midi_decoder_init(&d);
    const uint8_t b[] = {
        5, 6,              /* stray data: no status yet */
        0xB0, 7,           /* truncated by the next status */
        0x90, 60, 100,     /* note on */
        0xF7,              /* end of SysEx without a start */
        0xF0, 1, 2,        /* SysEx cut off by a status */
        0xB1, 10, 20,      /* CC on channel 2 */
        0xF4, 0xF5, 0xF9, 0xFD, /* undefined */
        0xB1, 11, 21,
    };
    feed(&d, b, sizeof b, &g);
    assert_int_equal(g.n, 3);
    assert_int_equal(g.m[0].kind, MIDI_NOTE_ON);
    expect_cc(&g.m[1], 1, 10, 20);
    expect_cc(&g.m[2], 1, 11, 21);
    /* 2 stray + 1 truncated + F7 + 3 SysEx bytes + 4 undefined */
    assert_int_equal(d.skipped, 11);
}

static void test_system_common(void **state)
{
    (void)state;
    struct midi_decoder d;
    struct got g = {0};
    midi_decoder_init(&d);
    const uint8_t b[] = {0xB0, 1, 1, 0xF2, 0x10, 0x20, 0xF3, 5, 0xF6, 7};
    feed(&d, b, sizeof b, &g);
    assert_int_equal(g.n, 4);
    assert_int_equal(g.m[1].kind, MIDI_SYSTEM_COMMON);
    assert_int_equal(g.m[1].status, 0xF2);
    assert_int_equal(g.m[1].data2, 0x20);
    assert_int_equal(g.m[2].status, 0xF3);
    assert_int_equal(g.m[3].status, 0xF6);
    assert_int_equal(d.skipped, 1); /* the 7: running status was cancelled */
}

static void test_describe(void **state)
{
    (void)state;
    struct midi_msg m = {.kind = MIDI_CC, .channel = 0, .data1 = 7};
    char s[32];
    midi_msg_describe(&m, s, sizeof s);
    assert_string_equal(s, "cc 7 ch 1");
    m.kind = MIDI_PITCH_BEND;
    m.channel = 8;
    midi_msg_describe(&m, s, sizeof s);
    assert_string_equal(s, "pitchbend ch 9");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_running_status_and_channels),
        cmocka_unit_test(test_every_channel_kind),
        cmocka_unit_test(test_realtime_inside_messages),
        cmocka_unit_test(test_sysex),
        cmocka_unit_test(test_garbage_and_truncation),
        cmocka_unit_test(test_system_common),
        cmocka_unit_test(test_describe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
