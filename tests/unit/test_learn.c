/* test_learn: the learn state machine: jitter and buttons ignored, 14-bit
 * pairs, pitch bend, relative styles and NRPN recognised, taken controls
 * skipped, redo, and the learned profile's write/parse round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "learn.h"

static struct learn L;
static int64_t now;

/* Feeds raw bytes; returns how many elements they completed. */
static int feed(const uint8_t *b, size_t n)
{
    static struct midi_decoder d;
    static bool init;
    if (!init)
        midi_decoder_init(&d), init = true;
    int done = 0;
    struct midi_msg m;
    for (size_t i = 0; i < n; i++)
        if (midi_decoder_feed(&d, b[i], &m))
            done += learn_feed(&L, &m, now += 10);
    return done;
}

#define FEED(...)                                                          \
    feed((const uint8_t[]){__VA_ARGS__},                                   \
         sizeof((const uint8_t[]){__VA_ARGS__}))

/* A fader sweep of CC cc on channel ch from a to b (step 1). */
static int sweep_cc(int ch, int cc, int a, int b)
{
    int done = 0;
    for (int v = a; v != b; v += a < b ? 1 : -1)
        done += FEED(0xB0 | ch, cc, v);
    return done;
}

static void test_jitter_and_buttons_ignored(void **state)
{
    (void)state;
    learn_start(&L);
    assert_int_equal(L.element, 0);
    assert_string_equal(learn_heard(&L), "");
    FEED(0xB0, 7, 64);                         /* one value once */
    for (int i = 0; i < 20; i++)
        FEED(0xB0, 7, 64, 0xB0, 7, 65);        /* jitter between two */
    FEED(0x90, 40, 127, 0x80, 40, 0);          /* a button */
    FEED(0xB0, 50, 127, 0xB0, 50, 0);          /* a CC button */
    for (int i = 0; i < 5; i++)
        FEED(0xF8, 0xFE);                      /* clock, sensing */
    assert_int_equal(L.element, 0);
    assert_int_equal(L.taken[0].kind, PROFILE_CTL_NONE);
    assert_int_equal(sweep_cc(0, 10, 20, 40), 1);
    assert_int_equal(L.taken[0].kind, PROFILE_CTL_CC);
    assert_int_equal(L.taken[0].number, 10);
    assert_int_equal(L.taken[0].channel, 0);
    assert_string_equal(learn_heard(&L), "cc 10 ch 1");
    assert_int_equal(L.element, 1);
    /* the same control again is skipped: element 1 stays untaught */
    assert_int_equal(sweep_cc(0, 10, 40, 0), 0);
    assert_int_equal(L.element, 1);
    /* the same CC on another channel is another control */
    assert_int_equal(sweep_cc(1, 10, 0, 30), 1);
    assert_int_equal(L.taken[1].channel, 1);
}

static void test_kinds(void **state)
{
    (void)state;
    learn_start(&L);
    /* 0: a 14-bit pair, MSB 1 + LSB 33, on channel 3 */
    int done = 0;
    for (int v = 0; v < 16383 && !done; v += 300)
        done = FEED(0xB2, 1, v >> 7, 0xB2, 33, v & 127);
    assert_int_equal(done, 1);
    assert_int_equal(L.taken[0].kind, PROFILE_CTL_CC14);
    assert_int_equal(L.taken[0].number, 1);
    assert_int_equal(L.taken[0].channel, 2);
    /* 1: pitch bend on channel 2 */
    done = 0;
    for (int v = 0; v < 16383 && !done; v += 500)
        done = FEED(0xE1, v & 127, v >> 7);
    assert_int_equal(done, 1);
    assert_int_equal(L.taken[1].kind, PROFILE_CTL_PITCH_BEND);
    assert_int_equal(L.taken[1].channel, 1);
    assert_string_equal(learn_heard(&L), "pitchbend ch 2");
    /* 2: two's complement encoder turning up */
    done = 0;
    for (int i = 0; i < 10 && !done; i++)
        done = FEED(0xB0, 16, 1);
    assert_int_equal(done, 1);
    assert_int_equal(L.taken[2].kind, PROFILE_CTL_REL_TWOS);
    /* 3: binary offset encoder turning down */
    done = 0;
    for (int i = 0; i < 10 && !done; i++)
        done = FEED(0xB0, 17, 63);
    assert_int_equal(done, 1);
    assert_int_equal(L.taken[3].kind, PROFILE_CTL_REL_OFFSET);
    /* 4: sign-magnitude (Mackie V-pot) up and down */
    done = 0;
    for (int i = 0; i < 10 && !done; i++)
        done = FEED(0xB0, 18, i % 2 ? 0x41 : 0x01);
    assert_int_equal(done, 1);
    assert_int_equal(L.taken[4].kind, PROFILE_CTL_REL_SIGNED);
    /* 5: NRPN 300 (MSB 2, LSB 44) by data entry */
    done = 0;
    for (int v = 0; v < 128 && !done; v += 10)
        done = FEED(0xB0, 99, 2, 0xB0, 98, 44, 0xB0, 6, v, 0xB0, 38, 0);
    assert_int_equal(done, 1);
    assert_int_equal(L.taken[5].kind, PROFILE_CTL_NRPN);
    assert_int_equal(L.taken[5].number, 300);
    assert_string_equal(learn_heard(&L), "nrpn 300 ch 1");
    /* 6: a plain fader going down from the top */
    assert_false(learn_done(&L));
    assert_int_equal(sweep_cc(0, 7, 127, 100), 1);
    assert_true(learn_done(&L));
    assert_int_equal(L.element, BOARD_ELEMENTS);
    /* finished: nothing more is taken */
    assert_int_equal(sweep_cc(0, 8, 0, 100), 0);

    /* redo one: it is taught next, the others stay */
    learn_redo(&L, 3);
    assert_false(learn_done(&L));
    assert_int_equal(L.element, 3);
    assert_int_equal(sweep_cc(0, 20, 0, 60), 1);
    assert_int_equal(L.taken[3].kind, PROFILE_CTL_CC);
    assert_int_equal(L.taken[3].number, 20);
    assert_int_equal(L.taken[4].kind, PROFILE_CTL_REL_SIGNED);
    assert_true(learn_done(&L));

    /* round trip through profile text */
    static struct profile a, b;
    static char text[4096];
    learn_make_profile(&L, "Odd Box, MIDI 1", "odd-box", &a);
    assert_string_equal(a.match[0], "Odd Box");
    assert_true(profile_matches_port(&a, "Odd Box, MIDI 1"));
    size_t n = profile_write(&a, text, sizeof text);
    assert_true(n > 0);
    struct diag_list d;
    diag_init(&d);
    if (!profile_parse(text, n, "odd-box.ini", "odd-box", &b, &d))
        fail_msg("%s\n%s", d.count ? d.text[0] : "", text);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        assert_int_equal(b.element[e].kind, a.element[e].kind);
        assert_int_equal(b.element[e].number, a.element[e].number);
        assert_int_equal(b.element[e].channel, a.element[e].channel);
        b.element[e].line = 0;
    }
    assert_memory_equal(&a, &b, sizeof a);
}

static void test_partial_profile(void **state)
{
    (void)state;
    learn_start(&L);
    sweep_cc(0, 3, 0, 50);
    static struct profile a;
    learn_make_profile(&L, "P", "p", &a);
    assert_int_equal(a.element[0].kind, PROFILE_CTL_CC);
    for (int e = 1; e < BOARD_ELEMENTS; e++)
        assert_int_equal(a.element[e].kind, PROFILE_CTL_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jitter_and_buttons_ignored),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_partial_profile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
