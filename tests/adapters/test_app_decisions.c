/* test_app_decisions: the app's own decisions, on a real app, each written
 * to fail on the regression it names:
 * - the real loop left idle draws no frame, rasterizes no text and never
 *   wakes on a timer of its own (it asks to sleep until an event: a loop
 *   that wakes every 100 ms, or redraws every frame, fails), and one key
 *   press draws exactly one frame;
 * - with a controller open (a --midi-in FIFO) and not moving, the loop
 *   still sleeps with no timer, and bytes written to it wake the loop
 *   through the waker and move the fader (a loop that polls every few ms,
 *   or never hears the descriptor, fails);
 * - a controller's fader stops a preset glide (a glide that goes on
 *   overwrites the hand's value and fails);
 * - a held key repeats moves, not toggles;
 * - a notice ends after APP_NOTICE_MS (one that never expires fails);
 * - a controller button's command runs after the backend's poll has
 *   returned, never inside it (a button bound to rescan would otherwise
 *   close ports while the backend walks them);
 * - the shipped Mackie Control profile's Play and Rec LEDs follow the arc
 *   (Play pressed on the controller: 90 5E 7F goes out; Stop, the arc's
 *   end and a preset recall: 90 5E 00), are not sent again while nothing
 *   changed, are sent again when the controller reconnects, and go dark
 *   when the app is freed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "app.h"
#include "options.h"
#include "render.h"
#include "test_support.h"
#include "waker.h"

/* ---- A clock the test moves -------------------------------------------- */

static int64_t fake_now = 1000;

static int64_t fake_clock(void)
{
    return fake_now;
}

static struct app *new_app(const char *const *args, int n)
{
    setenv("XDG_DATA_HOME", test_make_temp_dir(), 1);
    setenv("XDG_CONFIG_HOME", test_make_temp_dir(), 1);
    setenv("SOUNDBOARD_DATA_DIR", SOUNDBOARD_SOURCE_DIR, 1);
    char *argv[16] = {"soundboard"};
    for (int i = 0; i < n; i++)
        argv[i + 1] = (char *)args[i];
    struct options o;
    char err[256];
    assert_true(options_parse(&o, n + 1, argv, err, sizeof err));
    struct app_config cfg;
    options_app_config(&o, &cfg);
    static struct app a;
    assert_true(app_init(&a, &cfg));
    /* The loop may sleep until an event forever: the test's steps come
     * back at least every 50 ms (wakes the app did not ask for). */
    a.wait_cap_ms = 50;
    return &a;
}

static SDL_Event key_event(SDL_Keycode sym, bool repeat)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = sym;
    ev.key.repeat = repeat;
    return ev;
}

/* ---- The real loop ------------------------------------------------------ */

static void steps_for(struct app *a, uint32_t ms)
{
    uint32_t end = SDL_GetTicks() + ms;
    while (!SDL_TICKS_PASSED(SDL_GetTicks(), end))
        app_loop_step(a);
}

static void idle_loop_draws_nothing(void **state)
{
    (void)state;
    struct app *a = new_app(NULL, 0);
    assert_true(app_open_window(a));
    steps_for(a, 300); /* the first frame and the window's own events */
    unsigned long frames = a->frames;
    unsigned long texts = ui_rasterized(a->ui);
    assert_true(frames >= 1);
    unsigned long timed = a->timed_wakeups, wakes = a->wakeups;
    assert_true(app_wait_ms(a) == APP_WAIT_FOREVER); /* asleep, no timer */
    steps_for(a, 700);
    assert_int_equal(a->frames, frames);        /* idle: no frame */
    assert_int_equal(ui_rasterized(a->ui), texts); /* and no text */
    assert_true(a->wakeups > wakes);            /* the loop did run */
    assert_int_equal(a->timed_wakeups, timed);  /* but never on its timer */

    /* One key press that moves a fader: exactly one new frame, and on
     * the software renderer (auto, without a GPU) only what changed is
     * drawn and presented. */
    assert_true(a->partial_present);
    unsigned long partial = a->partial_frames;
    int before = a->board.value[a->board.focus];
    SDL_Event up = key_event(SDLK_UP, false);
    SDL_PushEvent(&up);
    steps_for(a, 300);
    assert_int_not_equal(a->board.value[a->board.focus], before);
    assert_int_equal(a->frames, frames + 1);
    assert_int_equal(a->partial_frames, partial + 1);
    app_close_window(a);
    app_free(a);
}

/* A controller that is a FIFO (--midi-in): open, not moving, the loop
 * sleeps with no timer; bytes written wake it through the waker. */
static void idle_controller_sleeps_until_it_speaks(void **state)
{
    (void)state;
    char fifo[600];
    snprintf(fifo, sizeof fifo, "%s/controller", test_make_temp_dir());
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *args[] = {"--controller", "korg-nanokontrol2", "--midi-in",
                          fifo};
    struct app *a = new_app(args, 4);
    assert_true(app_start_midi(a, false));
    int w = open(fifo, O_WRONLY | O_NONBLOCK);
    assert_true(w >= 0);
    assert_true(app_open_window(a));
    assert_non_null(a->waker);
    steps_for(a, 300); /* opened, first frame */
    assert_true(controllers_active(&a->midi));
    unsigned long timed = a->timed_wakeups, frames = a->frames;
    assert_true(app_wait_ms(a) == APP_WAIT_FOREVER);
    steps_for(a, 500);
    assert_int_equal(a->timed_wakeups, timed); /* no polling timer */
    assert_int_equal(a->frames, frames);

    /* The goals fader (CC 0) swept from the bottom to the top. */
    a->wait_cap_ms = 3000; /* a broken waker: no hang, but it fails */
    unsigned long fired = waker_fired(a->waker);
    uint8_t sweep[3 * 17];
    for (int i = 0; i <= 16; i++) {
        sweep[3 * i] = 0xB0;
        sweep[3 * i + 1] = 0;
        sweep[3 * i + 2] = (uint8_t)(i * 127 / 16);
    }
    assert_int_equal(write(w, sweep, sizeof sweep), (ssize_t)sizeof sweep);
    for (int i = 0; i < 20 && a->board.value[0] != 100; i++)
        app_loop_step(a);
    assert_int_equal(a->board.value[0], 100);
    assert_true(waker_fired(a->waker) > fired);
    assert_int_equal(a->timed_wakeups, timed);
    close(w);
    a->wait_cap_ms = 50;
    app_close_window(a);
    app_free(a);
}

/* ---- A fake backend: a scripted controller ----------------------------- */

struct fake {
    struct midi_host host;
    bool opened;
    bool in_poll;
    int rescans, rescans_in_poll;
    uint8_t pending[1024];
    size_t pending_len;
    uint8_t sent[16384]; /* what the app sent the controller */
    size_t sent_len;
};

static void fake_poll(struct midi_backend *b)
{
    struct fake *f = b->priv;
    f->in_poll = true;
    if (!f->opened) {
        struct midi_event ev = {
            .kind = MIDI_EVENT_OPENED,
            .port_id = 0,
            .name = "Fake Controller",
            .has_output = true,
            .profile = f->host.match(f->host.user, "Fake Controller")};
        f->opened = true;
        f->host.on_event(f->host.user, &ev);
    }
    if (f->pending_len) {
        f->host.on_bytes(f->host.user, 0, f->pending, f->pending_len);
        f->pending_len = 0;
    }
    f->in_poll = false;
}

static bool fake_send(struct midi_backend *b, int port, const uint8_t *bytes,
                      size_t n)
{
    (void)port;
    struct fake *f = b->priv;
    assert_true(f->sent_len + n <= sizeof f->sent);
    memcpy(f->sent + f->sent_len, bytes, n);
    f->sent_len += n;
    return true;
}

static void fake_rescan(struct midi_backend *b)
{
    struct fake *f = b->priv;
    f->rescans++;
    f->rescans_in_poll += f->in_poll;
}

static int fake_list(struct midi_backend *b, struct midi_port_info *out,
                     int max)
{
    (void)b, (void)out, (void)max;
    return 0;
}

static void fake_destroy(struct midi_backend *b)
{
    (void)b; /* the fake lives in the test */
}

static void send_bytes(struct fake *f, const uint8_t *bytes, size_t n)
{
    assert_true(f->pending_len + n <= sizeof f->pending);
    memcpy(f->pending + f->pending_len, bytes, n);
    f->pending_len += n;
}

/* Runs the fake on app a (after app_start_midi) and opens its port. */
static void use_fake(struct app *a, struct fake *f)
{
    memset(f, 0, sizeof *f);
    f->host = controllers_host(&a->midi);
    struct midi_backend b = {.kind = "fake",
                             .priv = f,
                             .poll = fake_poll,
                             .send = fake_send,
                             .rescan = fake_rescan,
                             .list = fake_list,
                             .destroy = fake_destroy};
    controllers_use_backend(&a->midi, &b);
    app_tick(a);
    assert_true(controllers_active(&a->midi));
}

/* An app driven by the fake, with a profile: CC 20 moves goals, a button
 * on CC 40 runs `rescan`. */
static struct app *app_with_fake(struct fake *f)
{
    char profile[600];
    snprintf(profile, sizeof profile, "%s/fake.ini", test_make_temp_dir());
    FILE *p = fopen(profile, "w");
    assert_non_null(p);
    fputs("[controller]\nname = Fake\nmatch = Fake Controller\n"
          "motorized = no\nsource = a test\n\n[elements]\ngoals = cc 20\n\n"
          "[buttons]\ncc 40 = rescan\n", p);
    fclose(p);
    const char *args[] = {"--controller", profile};
    struct app *a = new_app(args, 2);
    a->clock = fake_clock;
    assert_true(app_start_midi(a, false));
    use_fake(a, f);
    return a;
}

static void controller_move_stops_glide(void **state)
{
    (void)state;
    struct fake f;
    struct app *a = app_with_fake(&f);
    /* Goals at the teacher end, then a preset that lifts it. */
    assert_true(app_command_text(a, "set goals 0"));
    const struct preset_entry *e = preset_store_slot(&a->presets.store, 1);
    assert_non_null(e);
    int target = e->preset.value[0];
    assert_true(target > 20);
    assert_true(app_command_text(a, "preset recall 1"));
    assert_true(live_presets_gliding(&a->presets));
    fake_now += 100;
    app_tick(a);
    /* A hand pulls the goals fader to the bottom, then up to 10 (it
     * crosses the on-screen value, so soft takeover lets it drive). */
    for (int v = 127; v >= 0; v -= 1 + (v > 20) * 10) {
        uint8_t m[3] = {0xB0, 20, (uint8_t)v};
        send_bytes(&f, m, 3);
    }
    uint8_t ten[3] = {0xB0, 20, 13};
    send_bytes(&f, ten, 3);
    app_tick(a);
    assert_false(live_presets_gliding(&a->presets));
    int held = a->board.value[0];
    assert_int_equal(held, 10);
    fake_now += 5000; /* long past the glide's end */
    app_tick(a);
    assert_int_equal(a->board.value[0], held);
    app_free(a);
}

static void button_command_runs_after_the_poll(void **state)
{
    (void)state;
    struct fake f;
    struct app *a = app_with_fake(&f);
    uint8_t press[3] = {0xB0, 40, 127};
    send_bytes(&f, press, 3);
    app_tick(a);
    assert_int_equal(f.rescans, 1);
    assert_int_equal(f.rescans_in_poll, 0);
    app_free(a);
}

/* ---- Transport LEDs ----------------------------------------------------- */

/* How many times the 3-byte message s d1 d2 is in what the fake was sent
 * since `from` (a status byte never occurs inside another message: data
 * and SysEx bytes are below 0x80). */
static int sent_count(const struct fake *f, size_t from, uint8_t st,
                      uint8_t d1, uint8_t d2)
{
    int n = 0;
    for (size_t i = from; i + 3 <= f->sent_len; i++)
        n += f->sent[i] == st && f->sent[i + 1] == d1 && f->sent[i + 2] == d2;
    return n;
}

/* The sent bytes from `from` on hold no Play or Rec LED message at all. */
static bool no_led_sent(const struct fake *f, size_t from)
{
    for (size_t i = from; i + 3 <= f->sent_len; i++)
        if (f->sent[i] == 0x90
            && (f->sent[i + 1] == 94 || f->sent[i + 1] == 95))
            return false;
    return true;
}

/* A press of a Mackie transport note on the fake controller, one tick and
 * the loop's feedback; returns where the bytes sent for it begin. */
static size_t press_note(struct app *a, struct fake *f, uint8_t note)
{
    uint8_t on[3] = {0x90, note, 0x7F}, off[3] = {0x90, note, 0x00};
    send_bytes(f, on, 3);
    send_bytes(f, off, 3);
    size_t from = f->sent_len;
    app_tick(a);
    app_send_feedback(a);
    return from;
}

static void mackie_transport_leds_follow_the_arc(void **state)
{
    (void)state;
    const char *args[] = {"--controller", "mackie-control", "--arc",
                          "Argument writing, grade 8: ten weeks"};
    struct app *a = new_app(args, 4);
    a->clock = fake_clock;
    assert_true(app_start_midi(a, false));
    struct fake f;
    use_fake(a, &f);
    /* connect: everything, the two LEDs dark */
    app_send_feedback(a);
    assert_int_equal(sent_count(&f, 0, 0x90, 94, 0x00), 1);
    assert_int_equal(sent_count(&f, 0, 0x90, 95, 0x00), 1);
    assert_int_equal(sent_count(&f, 0, 0x90, 94, 0x7F), 0);

    /* Play on the controller: Play lit, Rec not */
    size_t from = press_note(a, &f, 94);
    assert_true(a->arc.play.playing);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x7F), 1);
    assert_int_equal(sent_count(&f, from, 0x90, 95, 0x7F), 0);
    /* nothing changed: no LED byte again, however many frames */
    from = f.sent_len;
    for (int i = 0; i < 5; i++) {
        app_tick(a);
        app_send_feedback(a);
    }
    assert_true(no_led_sent(&f, from));

    /* Rec while playing arms touch recording: Rec lit */
    from = press_note(a, &f, 95);
    assert_true(a->arc.play.recording);
    assert_int_equal(sent_count(&f, from, 0x90, 95, 0x7F), 1);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x7F), 0);

    /* reconnect (a replug, a rescan): the LEDs are sent again, as they
     * are now */
    f.opened = false;
    from = f.sent_len;
    app_tick(a);
    app_send_feedback(a);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x7F), 1);
    assert_int_equal(sent_count(&f, from, 0x90, 95, 0x7F), 1);

    /* Stop: both dark */
    from = press_note(a, &f, 93);
    assert_false(a->arc.play.playing);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x00), 1);
    assert_int_equal(sent_count(&f, from, 0x90, 95, 0x00), 1);

    /* Play again, then the arc plays to its end: Play goes dark there */
    from = press_note(a, &f, 94);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x7F), 1);
    fake_now += 24 * 3600 * 1000; /* long past the last step */
    from = f.sent_len;
    app_tick(a);
    app_send_feedback(a);
    assert_false(a->arc.play.playing);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x00), 1);

    /* Play, then a preset recall takes the board: the arc stops */
    from = press_note(a, &f, 94);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x7F), 1);
    from = f.sent_len;
    assert_true(app_command_text(a, "preset recall 1"));
    app_send_feedback(a);
    assert_false(a->arc.play.playing);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x00), 1);

    /* Play, then the app quits: the LED goes dark on the way out */
    from = press_note(a, &f, 94);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x7F), 1);
    from = f.sent_len;
    app_free(a);
    assert_int_equal(sent_count(&f, from, 0x90, 94, 0x00), 1);
    assert_int_equal(f.sent_len - from, 3); /* Rec is already dark */
}

/* The fake with a profile that has no LED keys: Play on its transport
 * button sends no LED byte, and quitting sends nothing. */
static void profile_without_leds_sends_none(void **state)
{
    (void)state;
    char profile[600];
    snprintf(profile, sizeof profile, "%s/plain.ini", test_make_temp_dir());
    FILE *p = fopen(profile, "w");
    assert_non_null(p);
    fputs("[controller]\nname = Plain\nmatch = Fake Controller\n"
          "motorized = no\n\n[elements]\ngoals = cc 20\n\n"
          "[buttons]\nnote 94 = arc play\n",
          p);
    fclose(p);
    const char *args[] = {"--controller", profile, "--arc",
                          "Argument writing, grade 8: ten weeks"};
    struct app *a = new_app(args, 4);
    a->clock = fake_clock;
    assert_true(app_start_midi(a, false));
    struct fake f;
    use_fake(a, &f);
    app_send_feedback(a);
    press_note(a, &f, 94);
    assert_true(a->arc.play.playing);
    app_free(a);
    assert_int_equal(f.sent_len, 0);
}

/* An unknown keyboard on the generic guess: its mod wheel moves nothing
 * and the room is asked once; `controller generic` saves a profile for
 * that port name, after which the same CC moves the board, and a fresh
 * start picks the saved profile by the port's name. */
static void unknown_controller_asks_before_moving(void **state)
{
    (void)state;
    struct app *a = new_app(NULL, 0);
    a->clock = fake_clock;
    assert_true(app_start_midi(a, false));
    struct fake f;
    memset(&f, 0, sizeof f);
    f.host = controllers_host(&a->midi);
    struct midi_backend b = {.kind = "fake", .priv = &f, .poll = fake_poll,
                             .send = fake_send, .rescan = fake_rescan,
                             .list = fake_list, .destroy = fake_destroy};
    controllers_use_backend(&a->midi, &b);
    app_tick(a);
    assert_true(controllers_active(&a->midi));
    int before[BOARD_ELEMENTS];
    memcpy(before, a->board.value, sizeof before);
    for (int v = 0; v < 128; v += 8) { /* the mod wheel, CC 1 */
        uint8_t m[3] = {0xB0, 1, (uint8_t)v};
        send_bytes(&f, m, 3);
    }
    app_tick(a);
    assert_memory_equal(a->board.value, before, sizeof before);
    assert_true(a->notice_until > 0);
    assert_non_null(strstr(a->notice, "Fake Controller"));
    assert_non_null(strstr(a->notice, "cc 1"));

    assert_true(app_command_text(a, "controller generic"));
    assert_non_null(strstr(a->notice, "fake-controller.ini"));
    for (int v = 0; v < 128; v += 8) {
        uint8_t m[3] = {0xB0, 1, (uint8_t)v};
        send_bytes(&f, m, 3);
    }
    uint8_t top[3] = {0xB0, 1, 127};
    send_bytes(&f, top, 3);
    app_tick(a);
    assert_int_equal(a->board.value[0], BOARD_MAX); /* CC 1: goals */
    /* Remembered: the saved profile is the one this port name picks. */
    struct profile_store ps;
    profile_store_load(&ps, &a->paths, stderr);
    int i = profile_store_match(&ps, "Fake Controller");
    assert_true(i >= 0);
    assert_string_equal(ps.profile[i].id, "fake-controller");
    assert_false(ps.profile[i].guess);
    profile_store_free(&ps);
    app_free(a);
}

/* ---- Keys and notices --------------------------------------------------- */

static void held_key_repeats_moves_not_toggles(void **state)
{
    (void)state;
    struct app *a = new_app(NULL, 0);
    int theme = a->theme;
    SDL_Event f2 = key_event(SDLK_F2, false);
    app_handle_event(a, &f2);
    assert_int_not_equal(a->theme, theme); /* F2: next theme */
    theme = a->theme;
    f2.key.repeat = 1;
    app_handle_event(a, &f2);
    app_handle_event(a, &f2);
    assert_int_equal(a->theme, theme);     /* held: no toggling */
    int v = a->board.value[a->board.focus];
    SDL_Event up = key_event(SDLK_UP, true);
    app_handle_event(a, &up);
    app_handle_event(a, &up);
    assert_true(a->board.value[a->board.focus] > v); /* moves repeat */
    app_free(a);
}

static void notice_expires(void **state)
{
    (void)state;
    struct app *a = new_app(NULL, 0);
    a->clock = fake_clock;
    assert_true(app_command_text(a, "glide next"));
    assert_true(a->notice_until > 0);
    struct view v;
    app_view(a, &v);
    assert_non_null(v.notice);
    a->dirty = false;
    fake_now += APP_NOTICE_MS - 1;
    app_tick(a);
    assert_true(a->notice_until > 0);
    assert_true(app_wait_ms(a) <= 1); /* the loop wakes for its end */
    fake_now += 1;
    app_tick(a);
    assert_int_equal(a->notice_until, 0);
    assert_true(a->dirty); /* the line is redrawn without it */
    app_view(a, &v);
    assert_null(v.notice);
    app_free(a);
}

/* A playing arc wakes the loop for its glides only: through a step's
 * dwell the loop sleeps, and nothing is drawn. */
static void playing_arc_sleeps_through_dwells(void **state)
{
    (void)state;
    const char *args[] = {"--arc", SOUNDBOARD_SOURCE_DIR
                          "/assets/arcs/1-argument-grade8-ten-weeks.ini"};
    struct app *a = new_app(args, 2);
    a->clock = fake_clock;
    assert_true(a->arc.open);
    a->dirty = false; /* as if the first frame were drawn */
    assert_true(app_wait_ms(a) == APP_WAIT_FOREVER); /* open, not playing */
    assert_true(app_command_text(a, "arc play"));
    app_tick(a);
    a->dirty = false;
    a->notice_until = 0; /* the "playing" notice has its own end */
    /* The faders sit on step 1 already: a dwell of 4 s, no lead glide. */
    uint32_t ms = app_wait_ms(a);
    assert_true(ms > 3900 && ms <= 4000);
    int before[BOARD_ELEMENTS];
    memcpy(before, a->board.value, sizeof before);
    fake_now += ms - 1;
    app_tick(a);
    assert_false(a->dirty); /* nothing moved: nothing to draw */
    assert_memory_equal(a->board.value, before, sizeof before);
    assert_int_equal(app_wait_ms(a), 1); /* wakes as the dwell ends */
    fake_now += 1 + 200; /* the glide to step 2 is under way */
    app_tick(a);
    assert_int_equal(a->arc.current, 1);
    assert_true(a->dirty); /* the faders moved: a frame */
    a->dirty = false;
    assert_int_equal(app_wait_ms(a), APP_GLIDE_STEP_MS); /* gliding */
    app_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(idle_loop_draws_nothing),
        cmocka_unit_test(idle_controller_sleeps_until_it_speaks),
        cmocka_unit_test(controller_move_stops_glide),
        cmocka_unit_test(button_command_runs_after_the_poll),
        cmocka_unit_test(mackie_transport_leds_follow_the_arc),
        cmocka_unit_test(profile_without_leds_sends_none),
        cmocka_unit_test(unknown_controller_asks_before_moving),
        cmocka_unit_test(held_key_repeats_moves_not_toggles),
        cmocka_unit_test(notice_expires),
        cmocka_unit_test(playing_arc_sleeps_through_dwells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
