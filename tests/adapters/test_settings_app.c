/* test_settings_app: remembered settings on a real app (options_parse +
 * options_app_config + app_init, a fake clock) and a real disk, each
 * written to fail on the regression it names:
 * - a theme change in the running app is written to settings.ini (one
 *   that is only kept in memory fails);
 * - a broken settings.ini is reported as FILE:LINE, gives the defaults and
 *   stays byte for byte as it was through moves, presets and ticks; the
 *   first setting change replaces it atomically (a new file renamed over
 *   it: another inode, no temporary file left);
 * - command-line options win over the file for the run and are never
 *   saved (a later change writes the file's own theme, not --theme's);
 * - one-shot runs (--dump-state...) never write settings.ini;
 * - without HOME nothing is written, and the setting, preset and
 *   controller-profile saves each say there is no home folder;
 * - the board reopens with the last recalled preset's mix, unless --preset
 *   or --set is given;
 * - the controller in use is remembered (a --controller one is not) and
 *   drives a port no profile knows by name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "files.h"
#include "options.h"
#include "profile_store.h"
#include "settings_store.h"
#include "test_support.h"

static int64_t fake_now = 1000;

static int64_t fake_clock(void)
{
    return fake_now;
}

static char config_dir[512];  /* $XDG_CONFIG_HOME */
static char settings_path[600];

static void fresh_home(void)
{
    setenv("XDG_DATA_HOME", test_make_temp_dir(), 1);
    snprintf(config_dir, sizeof config_dir, "%s", test_make_temp_dir());
    setenv("XDG_CONFIG_HOME", config_dir, 1);
    setenv("SOUNDBOARD_DATA_DIR", SOUNDBOARD_SOURCE_DIR, 1);
    snprintf(settings_path, sizeof settings_path,
             "%s/soundboard/settings.ini", config_dir);
}

static struct app *start(const char *const *args, int n)
{
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
    a.clock = fake_clock;
    return &a;
}

static void write_settings(const char *text)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/soundboard", config_dir);
    assert_true(paths_mkdirs(dir));
    FILE *f = fopen(settings_path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_settings(void)
{
    char *text;
    size_t len;
    char err[700];
    if (!files_read(settings_path, &text, &len, err, sizeof err))
        return NULL;
    return text;
}

static void parse_file(struct settings *s)
{
    char *text = read_settings();
    assert_non_null(text);
    struct diag_list d;
    diag_init(&d);
    assert_int_equal(settings_parse(text, strlen(text), "settings.ini", s,
                                    &d), 0);
    free(text);
}

static ino_t inode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_ino;
}

/* Only settings.ini in the folder: no temporary file left behind. */
static void only_settings_file(void)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/soundboard", config_dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        assert_string_equal(e->d_name, "settings.ini");
    }
    closedir(d);
}

static void theme_change_is_saved(void **state)
{
    (void)state;
    fresh_home();
    struct app *a = start(NULL, 0);
    assert_true(a->cfg.remember);
    assert_null(read_settings()); /* nothing written at start */
    assert_true(app_command_text(a, "theme next"));
    assert_int_equal(a->theme, 1);
    struct settings s;
    parse_file(&s);
    assert_int_equal(s.theme, 1);
    assert_true(app_command_text(a, "glide 2000"));
    parse_file(&s);
    assert_int_equal(s.glide_ms, 2000);
    only_settings_file();
    app_free(a);

    /* The next run starts with them. */
    a = start(NULL, 0);
    assert_int_equal(a->theme, 1);
    assert_int_equal(a->presets.glide_ms, 2000);
    app_free(a);
}

static void broken_file_kept_until_a_setting_changes(void **state)
{
    (void)state;
    fresh_home();
    const char *broken = "[settings]\n"
                         "theme = light\n"
                         "glide-ms = forever\n"
                         "colour = purple\n";
    write_settings(broken);
    ino_t before = inode_of(settings_path);

    /* The message: FILE:LINE for each bad line, then what happens. */
    struct paths p;
    char err[256];
    assert_true(paths_init(&p, err, sizeof err));
    struct settings_file f;
    struct settings s;
    FILE *log = tmpfile();
    settings_store_load(&f, &p, &s, log);
    rewind(log);
    char text[2048] = "";
    size_t n = fread(text, 1, sizeof text - 1, log);
    text[n] = '\0';
    fclose(log);
    char want[700];
    snprintf(want, sizeof want, "soundboard: %s:3: glide-ms = forever: "
             "expected milliseconds", settings_path);
    assert_non_null(strstr(text, want));
    snprintf(want, sizeof want, "soundboard: %s:4: unknown setting "
             "'colour'", settings_path);
    assert_non_null(strstr(text, want));
    assert_non_null(strstr(text, "left as it is until you change a "
                                 "setting"));
    assert_true(f.broken);
    assert_int_equal(s.theme, 1);      /* the good line counts */
    assert_int_equal(s.glide_ms, 1000); /* the bad one: its default */

    /* The running app moves faders, recalls a preset, ticks: the file
     * stays exactly as it was. */
    struct app *a = start(NULL, 0);
    assert_int_equal(a->theme, 1);
    app_command_text(a, "nudge +10");
    app_command_text(a, "select next");
    app_command_text(a, "overlay help");
    app_command_text(a, "overlay none");
    fake_now += 10000;
    app_tick(a);
    char *now = read_settings();
    assert_string_equal(now, broken);
    free(now);
    assert_true(inode_of(settings_path) == before);

    /* A setting changes: replaced whole, by a rename. */
    assert_true(app_command_text(a, "theme dark"));
    assert_true(inode_of(settings_path) != before);
    parse_file(&s);
    assert_int_equal(s.theme, 0);
    assert_int_equal(s.glide_ms, 1000);
    only_settings_file();
    app_free(a);
}

static void command_line_wins_and_is_not_saved(void **state)
{
    (void)state;
    fresh_home();
    const char *file = "[settings]\ntheme = light\nglide-ms = 4000\n"
                       "fullscreen = true\ndisplay = 2\n";
    write_settings(file);
    const char *args[] = {"--theme", "high-contrast", "--display", "1"};
    struct app *a = start(args, 4);
    assert_int_equal(a->theme, 2);             /* --theme wins */
    assert_int_equal(a->presets.glide_ms, 4000); /* no option: the file */
    assert_true(a->fullscreen);
    assert_int_equal(a->cfg.display, 1);
    char *now = read_settings();
    assert_string_equal(now, file);            /* nothing saved at start */
    free(now);
    /* A change in the program saves it, with the file's theme, not the
     * command line's. */
    assert_true(app_command_text(a, "glide 0"));
    struct settings s;
    parse_file(&s);
    assert_int_equal(s.glide_ms, 0);
    assert_int_equal(s.theme, 1);
    assert_int_equal(s.display, 2);
    assert_true(s.fullscreen);
    app_free(a);
}

static void one_shot_runs_never_write(void **state)
{
    (void)state;
    fresh_home();
    const char *args[] = {"--dump-state"};
    struct app *a = start(args, 1);
    assert_false(a->cfg.remember);
    assert_true(app_command_text(a, "theme next"));
    assert_null(read_settings());
    app_free(a);
}

static void no_home_refuses_to_save(void **state)
{
    (void)state;
    fresh_home();
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("XDG_DATA_HOME");
    char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    unsetenv("HOME");
    struct app *a = start(NULL, 0);
    assert_string_equal(a->paths.user_config, "");
    assert_true(app_command_text(a, "theme next"));
    assert_int_equal(a->theme, 1); /* it still changes, for this run */
    assert_non_null(strstr(a->notice, "no home folder"));
    assert_non_null(strstr(a->notice, "settings"));
    /* Said once per change, not on every tick. */
    a->notice[0] = '\0';
    app_tick(a);
    assert_string_equal(a->notice, "");
    /* Presets and controller profiles say the same. */
    assert_true(app_command_text(a, "preset store 3"));
    assert_non_null(strstr(a->notice, "no home folder"));
    struct profile *prof = calloc(1, sizeof *prof);
    snprintf(prof->id, sizeof prof->id, "nohome");
    snprintf(prof->name, sizeof prof->name, "No home");
    char saved[PATHS_MAX], err[PATHS_MAX + 128];
    struct profile_store ps;
    profile_store_load(&ps, &a->paths, stderr);
    assert_int_equal(profile_store_save(&ps, &a->paths, prof, saved, err,
                                        sizeof err), -1);
    assert_non_null(strstr(err, "no home folder"));
    profile_store_free(&ps);
    free(prof);
    app_free(a);
    if (home) {
        setenv("HOME", home, 1);
        free(home);
    }
}

static void last_preset_reopens(void **state)
{
    (void)state;
    fresh_home();
    struct app *a = start(NULL, 0);
    assert_true(app_command_text(a, "glide 0"));
    assert_true(app_command_text(a, "preset recall 6"));
    const struct preset *p6 = app_recalled(a);
    assert_non_null(p6);
    struct preset six = *p6;
    struct settings s;
    parse_file(&s);
    assert_string_equal(s.preset, six.name);
    app_command_text(a, "nudge +5"); /* the mix moves on: not saved */
    app_free(a);

    a = start(NULL, 0);
    assert_non_null(app_recalled(a));
    assert_string_equal(app_recalled(a)->name, six.name);
    assert_memory_equal(a->board.value, six.value, sizeof six.value);
    app_free(a);

    /* --set or --preset: they win, the last preset is not reopened. */
    const char *set[] = {"--set", "goals=3"};
    a = start(set, 2);
    assert_null(app_recalled(a));
    assert_int_equal(a->board.value[0], 3);
    app_free(a);
    const char *pre[] = {"--preset", "1"};
    a = start(pre, 2);
    assert_string_not_equal(app_recalled(a)->name, six.name);
    app_free(a);
    /* That --preset was not saved as the last one. */
    parse_file(&s);
    assert_string_equal(s.preset, six.name);
}

/* The controller in use is remembered (not a --controller one), and a
 * port no profile knows by name then gets that profile, not generic. */
static void controller_remembered(void **state)
{
    (void)state;
    fresh_home();
    char known[700], unknown[700];
    snprintf(known, sizeof known, "%s/nanoKONTROL2 MIDI 1", config_dir);
    snprintf(unknown, sizeof unknown, "%s/USB MIDI Device", config_dir);
    FILE *f = fopen(known, "wb");
    fputs("\xb0\x00\x7f", f);
    fclose(f);
    f = fopen(unknown, "wb");
    fputs("\xb0\x00\x7f", f);
    fclose(f);

    const char *a1[] = {"--midi-in", known};
    struct app *a = start(a1, 2);
    assert_true(app_start_midi(a, false));
    for (int i = 0; i < 20 && !controllers_input_done(&a->midi); i++)
        app_tick(a);
    assert_string_equal(controllers_profile_id(&a->midi),
                        "korg-nanokontrol2");
    struct settings s;
    parse_file(&s);
    assert_string_equal(s.controller, "korg-nanokontrol2");
    app_free(a);

    const char *a2[] = {"--midi-in", unknown};
    a = start(a2, 2);
    assert_true(app_start_midi(a, false));
    for (int i = 0; i < 20 && !controllers_input_done(&a->midi); i++)
        app_tick(a);
    assert_string_equal(controllers_profile_id(&a->midi),
                        "korg-nanokontrol2");
    app_free(a);

    /* --controller is for the run: not remembered. */
    const char *a3[] = {"--midi-in", known, "--controller", "mackie-control"};
    a = start(a3, 4);
    assert_true(app_start_midi(a, false));
    for (int i = 0; i < 20 && !controllers_input_done(&a->midi); i++)
        app_tick(a);
    app_free(a);
    parse_file(&s);
    assert_string_equal(s.controller, "korg-nanokontrol2");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(theme_change_is_saved),
        cmocka_unit_test(broken_file_kept_until_a_setting_changes),
        cmocka_unit_test(command_line_wins_and_is_not_saved),
        cmocka_unit_test(one_shot_runs_never_write),
        cmocka_unit_test(no_home_refuses_to_save),
        cmocka_unit_test(last_preset_reopens),
        cmocka_unit_test(controller_remembered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
