/* test_settings: the settings.ini format and the display choice.
 * - serialize then parse gives every field back, awkward text included,
 *   and every written line fits the INI reader;
 * - every kind of bad line is reported as FILE:LINE, keeps that setting's
 *   default, and the good lines around it still load;
 * - unknown keys and sections are reported, never silently ignored;
 * - settings_pick_display follows its four rules (--display, the
 *   remembered display by name then number, the projector by default,
 *   the primary). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini_lines.h"
#include "settings.h"
#include "test_support.h"

static int parse(const char *text, struct settings *s, struct diag_list *d)
{
    diag_init(d);
    return settings_parse(text, strlen(text), "settings.ini", s, d);
}

static void round_trip(const struct settings *in)
{
    size_t len = 0;
    char *text = settings_serialize(in, &len);
    assert_non_null(text);
    assert_int_equal(strlen(text), len);
    for (const char *s = text; *s;) {
        const char *nl = strchr(s, '\n');
        assert_non_null(nl);
        assert_true(nl - s <= INI_LINES_MAX);
        s = nl + 1;
    }
    struct settings back;
    struct diag_list d;
    int errors = settings_parse(text, len, "rt.ini", &back, &d);
    for (int i = 0; i < d.count; i++)
        print_error("%s\n", d.text[i]);
    assert_int_equal(errors, 0);
    assert_true(settings_equal(in, &back));
    free(text);
}

static void defaults_and_round_trips(void **state)
{
    (void)state;
    struct settings s;
    settings_defaults(&s);
    assert_int_equal(s.theme, 0);
    assert_int_equal(s.renderer, SETTINGS_RENDERER_AUTO);
    assert_int_equal(s.glide_ms, 1000);
    assert_false(s.fullscreen);
    assert_int_equal(s.display, SETTINGS_DISPLAY_AUTO);
    round_trip(&s);

    /* An empty file, and one with only comments: the defaults, clean. */
    struct settings p;
    struct diag_list d;
    assert_int_equal(parse("", &p, &d), 0);
    assert_true(settings_equal(&s, &p));
    assert_int_equal(parse("# nothing\n[settings]\n; still nothing\n", &p,
                           &d), 0);
    assert_true(settings_equal(&s, &p));

    s.theme = 2;
    s.renderer = SETTINGS_RENDERER_SOFTWARE;
    s.glide_ms = 0;
    s.fullscreen = true;
    s.display = 2;
    snprintf(s.display_name, sizeof s.display_name, "HDMI-1 \"Epson\" 27\"");
    snprintf(s.controller, sizeof s.controller, "korg-nanokontrol2");
    /* Text the INI reader would mangle unescaped: edge blanks, ; and #,
     * a backslash, UTF-8. */
    snprintf(s.preset, sizeof s.preset,
             " Météo ; 4ᵉ #2 \\ back slash, grade 4 ");
    round_trip(&s);
    s.renderer = SETTINGS_RENDERER_ACCELERATED;
    s.glide_ms = SETTINGS_GLIDE_MAX;
    s.display = SETTINGS_DISPLAYS_MAX;
    snprintf(s.preset, sizeof s.preset, "#;");
    round_trip(&s);
}

static void the_written_file_reads_like_the_readme(void **state)
{
    (void)state;
    struct settings s;
    settings_defaults(&s);
    s.theme = 1;
    s.display = 2;
    snprintf(s.preset, sizeof s.preset, "Coming-of-age novels");
    char *text = settings_serialize(&s, NULL);
    assert_non_null(strstr(text, "\n[settings]\n"));
    assert_non_null(strstr(text, "\ntheme = light\n"));
    assert_non_null(strstr(text, "\nrenderer = auto\n"));
    assert_non_null(strstr(text, "\nglide-ms = 1000\n"));
    assert_non_null(strstr(text, "\nfullscreen = false\n"));
    assert_non_null(strstr(text, "\ndisplay = 2\n"));
    assert_non_null(strstr(text, "\ndisplay-name =\n"));
    assert_non_null(strstr(text, "\ncontroller =\n"));
    assert_non_null(strstr(text, "\npreset = Coming-of-age novels\n"));
    free(text);
}

/* A name whose escaped line would not fit is left out (preset =), not
 * written as a line the reader would split. */
static void too_long_text_is_left_out(void **state)
{
    (void)state;
    struct settings s;
    settings_defaults(&s);
    memset(s.preset, ';', SETTINGS_NAME_MAX);
    s.preset[SETTINGS_NAME_MAX] = '\0';
    char *text = settings_serialize(&s, NULL);
    assert_non_null(strstr(text, "\npreset =\n"));
    struct settings back;
    struct diag_list d;
    assert_int_equal(settings_parse(text, strlen(text), "x", &back, &d), 0);
    assert_string_equal(back.preset, "");
    free(text);
}

struct bad_case {
    const char *line;     /* goes on line 3, after [settings] and theme */
    const char *message;  /* a part of the one message expected */
};

static void every_bad_line_names_its_line(void **state)
{
    (void)state;
    static const struct bad_case cases[] = {
        {"theme = pink", "theme = pink: expected dark, light or"},
        {"renderer = opengl", "renderer = opengl: expected auto, software"},
        {"glide-ms = soon", "glide-ms = soon: expected milliseconds"},
        {"glide-ms = 60001", "glide-ms = 60001: expected milliseconds"},
        {"glide-ms = -5", "glide-ms = -5"},
        {"glide-ms = 12abc", "glide-ms = 12abc"},
        {"fullscreen = maybe", "fullscreen = maybe: expected true or false"},
        {"display = 0", "display = 0: expected auto or a display number"},
        {"display = 17", "display = 17"},
        {"display = second", "display = second"},
        {"preset = a\\qb", "preset unknown escape '\\q'"},
        {"controller = x\\", "controller unknown escape"},
        {"volume = 11", "unknown setting 'volume'"},
        {"Theme = dark", "unknown setting 'Theme'"},
        {"no equals sign", "settings.ini:3: "},
        {"display-name = \xff\xfe", "not valid UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        /* A good line before and after the bad one: both still load. */
        bool theme_case = strncmp(cases[i].line, "theme", 5) == 0;
        bool glide_case = strncmp(cases[i].line, "glide-ms", 8) == 0;
        char text[512];
        snprintf(text, sizeof text, "[settings]\n%s\n%s\n%s\n",
                 theme_case ? "renderer = software" : "theme = light",
                 cases[i].line,
                 glide_case ? "fullscreen = true" : "glide-ms = 3000");
        struct settings s;
        struct diag_list d;
        int errors = parse(text, &s, &d);
        if (errors != 1 || d.count != 1
            || !strstr(d.text[0], "settings.ini:3: ")
            || !strstr(d.text[0], cases[i].message)) {
            print_error("case '%s': %d errors\n", cases[i].line, errors);
            for (int k = 0; k < d.count; k++)
                print_error("  %s\n", d.text[k]);
            fail();
        }
        if (theme_case) {
            assert_int_equal(s.theme, 0); /* the default */
            assert_int_equal(s.renderer, SETTINGS_RENDERER_SOFTWARE);
        } else {
            assert_int_equal(s.theme, 1);
        }
        if (glide_case) {
            assert_int_equal(s.glide_ms, 1000); /* the default */
            assert_true(s.fullscreen);
        } else {
            assert_int_equal(s.glide_ms, 3000);
        }
    }
}

static void structure_errors(void **state)
{
    (void)state;
    struct settings s;
    struct diag_list d;
    /* Before any section; in an unknown section; given twice; a
     * continuation line; a bare [section without its bracket. */
    const char *text = "theme = light\n"              /* 1 */
                       "[settings]\n"                 /* 2 */
                       "glide-ms = 2000\n"            /* 3 */
                       "glide-ms = 4000\n"            /* 4 */
                       "preset = Weather\n"           /* 5 */
                       "    report\n"                 /* 6 */
                       "[window]\n"                   /* 7 */
                       "fullscreen = true\n"          /* 8 */
                       "[settings\n"                  /* 9 */
                       "[settings]\n"                 /* 10 */
                       "display = 2\n";               /* 11 */
    int errors = parse(text, &s, &d);
    for (int k = 0; k < d.count; k++)
        print_message("  %s\n", d.text[k]);
    assert_int_equal(errors, 5);
    assert_int_equal(d.count, 5);
    assert_non_null(strstr(d.text[0], "settings.ini:1: 'theme' must be "
                                      "inside [settings]"));
    assert_non_null(strstr(d.text[1], "settings.ini:4: glide-ms is given "
                                      "twice (first on line 3)"));
    assert_non_null(strstr(d.text[2], "settings.ini:6: preset: a setting "
                                      "takes one line"));
    assert_non_null(strstr(d.text[3], "settings.ini:8: [window]: unknown "
                                      "section"));
    assert_non_null(strstr(d.text[4], "settings.ini:9: "));
    /* What was right still counts; the rest keeps its default. */
    assert_int_equal(s.theme, 0);
    assert_int_equal(s.glide_ms, 2000);
    assert_string_equal(s.preset, "Weather");
    assert_false(s.fullscreen);
    assert_int_equal(s.display, 2);
}

static void binary_garbage(void **state)
{
    (void)state;
    const char text[] = "[settings]\ntheme = light\n\x00\x01garbage\n";
    struct settings s;
    struct diag_list d;
    diag_init(&d);
    int errors = settings_parse(text, sizeof text - 1, "settings.ini", &s,
                                &d);
    assert_true(errors >= 1);
    assert_non_null(strstr(d.text[0], "settings.ini:3: "));
    struct settings def;
    settings_defaults(&def);
    assert_int_equal(s.glide_ms, def.glide_ms);
}

/* The example in README.md's "Remembered settings" is a clean file. */
static void readme_example_parses(void **state)
{
    (void)state;
    size_t len;
    char *readme = test_read_source_file("README.md", &len);
    const char *start = strstr(readme, "```ini\n# soundboard settings");
    assert_non_null(start);
    start += 7;
    const char *end = strstr(start, "```");
    assert_non_null(end);
    struct settings s;
    struct diag_list d;
    diag_init(&d);
    int errors = settings_parse(start, (size_t)(end - start), "README.md",
                                &s, &d);
    for (int i = 0; i < d.count; i++)
        print_error("%s\n", d.text[i]);
    assert_int_equal(errors, 0);
    assert_int_equal(s.display, 2);
    assert_true(s.fullscreen);
    assert_string_equal(s.controller, "korg-nanokontrol2");
    free(readme);
}

/* ---- Display choice ----------------------------------------------------- */

static struct settings_display_choice pick(const struct settings *s,
                                           int asked, bool fs, int count)
{
    static const char *const names[] = {"eDP-1", "HDMI-1", "DP-2"};
    struct settings_display_choice c;
    settings_pick_display(s, asked, fs, count, names, &c);
    return c;
}

static void display_choice(void **state)
{
    (void)state;
    struct settings s;
    settings_defaults(&s);
    struct settings_display_choice c;

    /* One display, nothing remembered: the primary, windowed. */
    c = pick(&s, 0, false, 1);
    assert_int_equal(c.index, 0);
    assert_false(c.fullscreen);
    assert_false(c.remember);
    /* Two, nothing remembered: the projector, full screen, remembered. */
    c = pick(&s, 0, false, 2);
    assert_int_equal(c.index, 1);
    assert_true(c.fullscreen);
    assert_true(c.remember);
    /* --display wins over everything; not remembered. */
    c = pick(&s, 1, false, 2);
    assert_int_equal(c.index, 0);
    assert_false(c.fullscreen);
    assert_false(c.remember);
    assert_string_equal(c.warning, "");
    c = pick(&s, 2, true, 3);
    assert_int_equal(c.index, 1);
    assert_true(c.fullscreen);
    /* --display of a display that is not there: a warning, the primary. */
    c = pick(&s, 3, false, 2);
    assert_int_equal(c.index, 0);
    assert_non_null(strstr(c.warning, "--display 3: there are only 2 "
                                      "displays"));
    c = pick(&s, 2, false, 1);
    assert_non_null(strstr(c.warning, "there is only 1 display:"));

    /* Remembered by number, with its fullscreen. */
    s.display = 2;
    s.fullscreen = true;
    c = pick(&s, 0, false, 3);
    assert_int_equal(c.index, 1);
    assert_true(c.fullscreen);
    assert_false(c.remember);
    /* By name first, when the order changed. */
    snprintf(s.display_name, sizeof s.display_name, "DP-2");
    c = pick(&s, 0, false, 3);
    assert_int_equal(c.index, 2);
    /* Two displays of one name (same model): the number decides. */
    {
        static const char *const twins[] = {"DELL U2419H", "DELL U2419H",
                                            "eDP-1"};
        snprintf(s.display_name, sizeof s.display_name, "DELL U2419H");
        settings_pick_display(&s, 0, false, 3, twins, &c);
        assert_int_equal(c.index, 1);
    }
    /* A name not connected: the number. */
    snprintf(s.display_name, sizeof s.display_name, "VGA-1");
    c = pick(&s, 0, false, 3);
    assert_int_equal(c.index, 1);
    /* The remembered display is not connected (the laptop alone): the
     * primary, windowed unless --fullscreen; nothing to remember. */
    c = pick(&s, 0, false, 1);
    assert_int_equal(c.index, 0);
    assert_false(c.fullscreen);
    assert_false(c.remember);
    c = pick(&s, 0, true, 1);
    assert_true(c.fullscreen);
    /* Remembered primary with two connected: stays on the primary. */
    s.display = 1;
    s.display_name[0] = '\0';
    s.fullscreen = false;
    c = pick(&s, 0, false, 2);
    assert_int_equal(c.index, 0);
    assert_false(c.fullscreen);
    assert_false(c.remember);
    /* No displays reported at all: the primary, no crash. */
    c = pick(&s, 0, false, 0);
    assert_int_equal(c.index, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_and_round_trips),
        cmocka_unit_test(the_written_file_reads_like_the_readme),
        cmocka_unit_test(too_long_text_is_left_out),
        cmocka_unit_test(every_bad_line_names_its_line),
        cmocka_unit_test(structure_errors),
        cmocka_unit_test(binary_garbage),
        cmocka_unit_test(readme_example_parses),
        cmocka_unit_test(display_choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
