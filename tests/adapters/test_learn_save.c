/* test_learn_save: learning a controller on a real app, with MIDI bytes
 * written into a FIFO that --midi-in reads (the same path a PortMidi port
 * feeds): seven fader sweeps teach the seven elements and the learned
 * profile is saved under $XDG_CONFIG_HOME/soundboard/controllers; when
 * that folder cannot be made, the notice names the folder and the reason
 * (no uninitialized text) and nothing is written. */
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
#include "test_support.h"

struct fx {
    struct app app;
    char home[512], fifo[600], config[600];
    int writer;
};

/* A real app reading MIDI from a FIFO; config_is_file makes the config
 * folder's parent a regular file, so the controllers folder cannot be
 * created (even as root). */
static struct fx *start(bool config_is_file)
{
    struct fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->home, sizeof f->home, "%s", test_make_temp_dir());
    snprintf(f->fifo, sizeof f->fifo, "%s/in.fifo", f->home);
    snprintf(f->config, sizeof f->config, "%s/config", f->home);
    assert_int_equal(mkfifo(f->fifo, 0600), 0);
    if (config_is_file) {
        FILE *c = fopen(f->config, "w");
        assert_non_null(c);
        fclose(c);
    }
    /* Read-write, so opening never waits for a reader. */
    f->writer = open(f->fifo, O_RDWR | O_NONBLOCK);
    assert_true(f->writer >= 0);
    setenv("XDG_DATA_HOME", f->home, 1);
    setenv("XDG_CONFIG_HOME", f->config, 1);
    setenv("SOUNDBOARD_DATA_DIR", SOUNDBOARD_SOURCE_DIR, 1);
    struct options o;
    char *argv[] = {"soundboard", "--midi-in", f->fifo, NULL};
    char err[256];
    assert_true(options_parse(&o, 3, argv, err, sizeof err));
    struct app_config cfg;
    options_app_config(&o, &cfg);
    assert_true(app_init(&f->app, &cfg));
    assert_true(app_start_midi(&f->app, false));
    for (int i = 0; i < 200 && !controllers_active(&f->app.midi); i++) {
        app_tick(&f->app);
        SDL_Delay(1);
    }
    assert_true(controllers_active(&f->app.midi));
    return f;
}

static void stop(struct fx *f)
{
    close(f->writer);
    app_free(&f->app);
    free(f);
}

/* Seven faders (CC 0..6 on channel 1) each swept up; the app reads as
 * the bytes arrive, as it would from a hand on the controller. */
static void teach_seven_faders(struct fx *f)
{
    assert_true(app_command_text(&f->app, "learn"));
    assert_true(controllers_learning(&f->app.midi));
    for (int cc = 0; cc < 7; cc++) {
        for (int v = 0; v <= 100; v += 4) {
            uint8_t msg[3] = {0xB0, (uint8_t)cc, (uint8_t)v};
            assert_int_equal(write(f->writer, msg, 3), 3);
            app_tick(&f->app);
            SDL_Delay(2);
        }
        for (int i = 0; i < 30; i++) { /* a pause between two faders */
            app_tick(&f->app);
            SDL_Delay(2);
        }
    }
    for (int i = 0; i < 100 && controllers_learning(&f->app.midi); i++) {
        app_tick(&f->app);
        SDL_Delay(2);
    }
    assert_false(controllers_learning(&f->app.midi));
}

static void learned_profile_is_saved(void **state)
{
    (void)state;
    struct fx *f = start(false);
    teach_seven_faders(f);
    char path[1024];
    snprintf(path, sizeof path, "%s/soundboard/controllers", f->config);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_non_null(strstr(f->app.notice, "Controller profile saved: "));
    assert_non_null(strstr(f->app.notice, path));
    stop(f);
}

/* The profile just learned drives the board at once: a sweep of the
 * third fader taught (CC 2) moves the third element to the top, and only
 * it. A regression where the port kept its old (generic) profile would
 * move the focused strip or nothing. */
static void learned_profile_is_used_at_once(void **state)
{
    (void)state;
    struct fx *f = start(false);
    teach_seven_faders(f);
    int before[BOARD_ELEMENTS];
    memcpy(before, f->app.board.value, sizeof before);
    for (int v = 0; v <= 127; v++) {
        uint8_t msg[3] = {0xB0, 2, (uint8_t)v};
        assert_int_equal(write(f->writer, msg, 3), 3);
        app_tick(&f->app);
    }
    for (int i = 0; i < 20; i++) {
        app_tick(&f->app);
        SDL_Delay(1);
    }
    assert_int_equal(f->app.board.value[2], BOARD_MAX);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        if (e != 2)
            assert_int_equal(f->app.board.value[e], before[e]);
    stop(f);
}

static void unwritable_config_is_named_in_the_notice(void **state)
{
    (void)state;
    struct fx *f = start(true);
    teach_seven_faders(f);
    const char *n = f->app.notice;
    assert_non_null(strstr(n, "Could not save the controller profile: "));
    assert_non_null(strstr(n, "/config/soundboard/controllers: cannot "
                              "create the folder: part of the path is a "
                              "file, not a folder"));
    struct stat st;
    assert_int_equal(stat(f->config, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_size, 0);
    stop(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(learned_profile_is_saved),
        cmocka_unit_test(learned_profile_is_used_at_once),
        cmocka_unit_test(unwritable_config_is_named_in_the_notice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
