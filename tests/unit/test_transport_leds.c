/* test_transport_leds: the Play and Record LED bytes the core decides
 * (core/transport_leds.c through core/surface.c), on the shipped Mackie
 * Control and nanoKONTROL2 profiles and on small inline ones:
 * - playing -> exactly 90 5E 7F on Mackie, stopped -> 90 5E 00; Record
 *   (note 95) lit only while playing with Record armed;
 * - nothing is sent while the state stays the same;
 * - a controller that (re)connects, or a full refresh, is sent every LED
 *   again; the program leaving turns the lit ones dark;
 * - a profile without play-led / record-led sends nothing for them;
 * - channel, led-on/led-off and a small buffer are honoured. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "surface.h"
#include "test_support.h"
#include "transport_leds.h"

static struct profile prof;
static struct surface surf;
static struct board board;

static const char *const labels[BOARD_ELEMENTS] = {
    "GOALS", "INQUIRY", "TASK", "EVAL", "FEEDBK", "PLAN", "DEMO"};
static const char *const zones[ZONE_COUNT] = {"TEACHR", "CO-CRE", "STUDNT"};

static const struct transport_state stopped = {false, false};
static const struct transport_state playing = {true, false};
static const struct transport_state recording = {true, true};
static const struct transport_state armed_paused = {false, true};

static void load_text(const char *text, const char *file)
{
    struct diag_list d;
    diag_init(&d);
    if (!profile_parse(text, strlen(text), file, "t", &prof, &d))
        fail_msg("%s", d.count ? d.text[0] : "?");
    surface_init(&surf, &prof);
    board_init(&board);
}

static void load_shipped(const char *id)
{
    char rel[128];
    snprintf(rel, sizeof rel, "controllers/%s.ini", id);
    size_t len;
    char *text = test_read_source_file(rel, &len);
    load_text(text, rel);
    free(text);
}

/* Feedback after telling the surface the transport is t. */
static size_t send(const struct transport_state *t, bool full, uint8_t *out,
                   size_t cap)
{
    surface_transport(&surf, t);
    return surface_feedback(&surf, &board, labels, zones, full, out, cap);
}

/* True if the 3-byte message m is in out[0..n), at a message boundary
 * (every feedback message here is 3 bytes except SysEx, which holds no
 * byte >= 0x80 between F0 and F7). */
static bool has_msg(const uint8_t *out, size_t n, uint8_t s, uint8_t d1,
                    uint8_t d2)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (out[i] == s && out[i + 1] == d1 && out[i + 2] == d2)
            return true;
    return false;
}

/* Connects (full refresh) and discards what that sends. */
static void connect_and_settle(const struct transport_state *t)
{
    uint8_t out[2048];
    send(t, true, out, sizeof out);
    assert_int_equal(send(t, false, out, sizeof out), 0);
}

static void test_lit_rule(void **state)
{
    (void)state;
    assert_false(transport_led_lit(&stopped, PROFILE_LED_PLAY));
    assert_false(transport_led_lit(&stopped, PROFILE_LED_RECORD));
    assert_true(transport_led_lit(&playing, PROFILE_LED_PLAY));
    assert_false(transport_led_lit(&playing, PROFILE_LED_RECORD));
    assert_true(transport_led_lit(&recording, PROFILE_LED_PLAY));
    assert_true(transport_led_lit(&recording, PROFILE_LED_RECORD));
    /* armed but paused: a touch writes nothing, so Record is dark */
    assert_false(transport_led_lit(&armed_paused, PROFILE_LED_PLAY));
    assert_false(transport_led_lit(&armed_paused, PROFILE_LED_RECORD));
}

static void test_mackie_play_bytes(void **state)
{
    (void)state;
    load_shipped("mackie-control");
    uint8_t out[2048];
    connect_and_settle(&stopped);
    size_t n = send(&playing, false, out, sizeof out);
    static const uint8_t on[] = {0x90, 0x5E, 0x7F};
    assert_int_equal(n, sizeof on);
    assert_memory_equal(out, on, sizeof on);
    /* unchanged: nothing, frame after frame */
    for (int i = 0; i < 3; i++)
        assert_int_equal(send(&playing, false, out, sizeof out), 0);
    n = send(&stopped, false, out, sizeof out);
    static const uint8_t off[] = {0x90, 0x5E, 0x00};
    assert_int_equal(n, sizeof off);
    assert_memory_equal(out, off, sizeof off);
    assert_int_equal(send(&stopped, false, out, sizeof out), 0);
}

static void test_mackie_record_bytes(void **state)
{
    (void)state;
    load_shipped("mackie-control");
    uint8_t out[2048];
    connect_and_settle(&playing);
    /* Record armed while playing: only the Record LED changes */
    size_t n = send(&recording, false, out, sizeof out);
    static const uint8_t rec_on[] = {0x90, 0x5F, 0x7F};
    assert_int_equal(n, sizeof rec_on);
    assert_memory_equal(out, rec_on, sizeof rec_on);
    assert_int_equal(send(&recording, false, out, sizeof out), 0);
    /* paused, still armed: both dark, Play first */
    n = send(&armed_paused, false, out, sizeof out);
    static const uint8_t both_off[] = {0x90, 0x5E, 0x00, 0x90, 0x5F, 0x00};
    assert_int_equal(n, sizeof both_off);
    assert_memory_equal(out, both_off, sizeof both_off);
    /* resumed: both lit again */
    n = send(&recording, false, out, sizeof out);
    static const uint8_t both_on[] = {0x90, 0x5E, 0x7F, 0x90, 0x5F, 0x7F};
    assert_int_equal(n, sizeof both_on);
    assert_memory_equal(out, both_on, sizeof both_on);
    /* Record disarmed while playing */
    n = send(&playing, false, out, sizeof out);
    static const uint8_t rec_off[] = {0x90, 0x5F, 0x00};
    assert_int_equal(n, sizeof rec_off);
    assert_memory_equal(out, rec_off, sizeof rec_off);
}

/* The X-Touch and X-Touch One speak the same Mackie notes. */
static void test_x_touch_profiles(void **state)
{
    (void)state;
    static const char *const ids[] = {"behringer-x-touch",
                                      "behringer-x-touch-one"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        load_shipped(ids[i]);
        uint8_t out[2048];
        connect_and_settle(&stopped);
        size_t n = send(&recording, false, out, sizeof out);
        static const uint8_t on[] = {0x90, 0x5E, 0x7F, 0x90, 0x5F, 0x7F};
        assert_int_equal(n, sizeof on);
        assert_memory_equal(out, on, sizeof on);
    }
}

static void test_nanokontrol2_bytes(void **state)
{
    (void)state;
    load_shipped("korg-nanokontrol2");
    uint8_t out[256];
    /* no motors, no LCD: a connect sends the two LEDs dark, nothing else */
    size_t n = send(&stopped, true, out, sizeof out);
    static const uint8_t dark[] = {0xB0, 41, 0x00, 0xB0, 45, 0x00};
    assert_int_equal(n, sizeof dark);
    assert_memory_equal(out, dark, sizeof dark);
    n = send(&playing, false, out, sizeof out);
    static const uint8_t play[] = {0xB0, 41, 0x7F};
    assert_int_equal(n, sizeof play);
    assert_memory_equal(out, play, sizeof play);
    n = send(&recording, false, out, sizeof out);
    static const uint8_t rec[] = {0xB0, 45, 0x7F};
    assert_int_equal(n, sizeof rec);
    assert_memory_equal(out, rec, sizeof rec);
    n = send(&stopped, false, out, sizeof out);
    static const uint8_t stop[] = {0xB0, 41, 0x00, 0xB0, 45, 0x00};
    assert_int_equal(n, sizeof stop);
    assert_memory_equal(out, stop, sizeof stop);
}

/* A controller that (re)connects gets a fresh surface (controllers.c:
 * surface_init on MIDI_EVENT_OPENED) and a full refresh: the LEDs are
 * sent again, showing the state as it is now. */
static void test_resend_after_reconnect(void **state)
{
    (void)state;
    load_shipped("mackie-control");
    uint8_t out[2048];
    connect_and_settle(&stopped);
    assert_int_equal(send(&playing, false, out, sizeof out), 3);
    /* unplugged and plugged in again */
    surface_init(&surf, &prof);
    size_t n = send(&playing, true, out, sizeof out);
    assert_true(has_msg(out, n, 0x90, 0x5E, 0x7F));
    assert_true(has_msg(out, n, 0x90, 0x5F, 0x00));
    assert_int_equal(send(&playing, false, out, sizeof out), 0);
    /* a full refresh on the same surface sends them again too */
    n = send(&playing, true, out, sizeof out);
    assert_true(has_msg(out, n, 0x90, 0x5E, 0x7F));
    assert_true(has_msg(out, n, 0x90, 0x5F, 0x00));
    /* the connect bytes (device query) still come first, then the LEDs */
    static const uint8_t query[] = {0xF0, 0x00, 0x00, 0x66, 0x14, 0x00, 0xF7};
    assert_true(n > sizeof query + 6);
    assert_memory_equal(out, query, sizeof query);
    static const uint8_t leds[] = {0x90, 0x5E, 0x7F, 0x90, 0x5F, 0x00};
    assert_memory_equal(out + sizeof query, leds, sizeof leds);
}

static void test_lights_off(void **state)
{
    (void)state;
    load_shipped("mackie-control");
    uint8_t out[2048];
    connect_and_settle(&recording);
    size_t n = surface_lights_off(&surf, out, sizeof out);
    static const uint8_t off[] = {0x90, 0x5E, 0x00, 0x90, 0x5F, 0x00};
    assert_int_equal(n, sizeof off);
    assert_memory_equal(out, off, sizeof off);
    assert_int_equal(surface_lights_off(&surf, out, sizeof out), 0);
    /* only what is lit goes dark */
    connect_and_settle(&playing);
    n = surface_lights_off(&surf, out, sizeof out);
    assert_int_equal(n, 3);
    assert_memory_equal(out, off, 3);
    /* never sent at all (no feedback yet): dark is sent to be sure */
    surface_init(&surf, &prof);
    assert_int_equal(surface_lights_off(&surf, out, sizeof out), 6);
}

static void test_profile_without_leds_sends_nothing(void **state)
{
    (void)state;
    load_text("[controller]\nname = T\n[elements]\ngoals = cc 0\n"
              "[buttons]\ncc 41 = arc play\ncc 45 = arc record\n",
              "t.ini");
    uint8_t out[256];
    const struct transport_state *seq[] = {&stopped, &playing, &recording,
                                           &armed_paused, &stopped};
    assert_int_equal(send(&stopped, true, out, sizeof out), 0);
    for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++)
        assert_int_equal(send(seq[i], false, out, sizeof out), 0);
    assert_int_equal(surface_lights_off(&surf, out, sizeof out), 0);
    /* the shipped profiles without these keys, too */
    load_shipped("akai-midimix");
    assert_int_equal(send(&stopped, true, out, sizeof out), 0);
    assert_int_equal(send(&recording, false, out, sizeof out), 0);
}

/* The LED's own channel wins, then `channel`, then channel 1; led-on and
 * led-off give the values. */
static void test_channel_and_values(void **state)
{
    (void)state;
    load_text("[controller]\nname = T\n[elements]\ngoals = cc 0\n"
              "[feedback]\nchannel = 3\nled-on = 1\nled-off = 2\n"
              "play-led = note 94 ch 2\nrecord-led = cc 45\n",
              "t.ini");
    struct transport_leds l;
    transport_leds_forget(&l);
    uint8_t out[16];
    size_t n = transport_leds_feedback(&l, &prof, &recording, out, sizeof out);
    static const uint8_t want[] = {0x91, 94, 1, 0xB2, 45, 1};
    assert_int_equal(n, sizeof want);
    assert_memory_equal(out, want, sizeof want);
    n = transport_leds_feedback(&l, &prof, &stopped, out, sizeof out);
    static const uint8_t dark[] = {0x91, 94, 2, 0xB2, 45, 2};
    assert_int_equal(n, sizeof dark);
    assert_memory_equal(out, dark, sizeof dark);
}

/* Whole messages only: what does not fit goes out on the next call. */
static void test_small_buffer(void **state)
{
    (void)state;
    load_shipped("mackie-control");
    struct transport_leds l;
    transport_leds_forget(&l);
    uint8_t out[5];
    assert_int_equal(transport_leds_feedback(&l, &prof, &recording, out, 2),
                     0);
    size_t n = transport_leds_feedback(&l, &prof, &recording, out, sizeof out);
    assert_int_equal(n, 3);
    assert_memory_equal(out, ((const uint8_t[]){0x90, 0x5E, 0x7F}), 3);
    n = transport_leds_feedback(&l, &prof, &recording, out, sizeof out);
    assert_int_equal(n, 3);
    assert_memory_equal(out, ((const uint8_t[]){0x90, 0x5F, 0x7F}), 3);
    assert_int_equal(
        transport_leds_feedback(&l, &prof, &recording, out, sizeof out), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lit_rule),
        cmocka_unit_test(test_mackie_play_bytes),
        cmocka_unit_test(test_mackie_record_bytes),
        cmocka_unit_test(test_x_touch_profiles),
        cmocka_unit_test(test_nanokontrol2_bytes),
        cmocka_unit_test(test_resend_after_reconnect),
        cmocka_unit_test(test_lights_off),
        cmocka_unit_test(test_profile_without_leds_sends_nothing),
        cmocka_unit_test(test_channel_and_values),
        cmocka_unit_test(test_small_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
