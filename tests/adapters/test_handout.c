/* test_handout: --export on a real app. The Markdown names each element's
 * position by zone, never as a number out of 100; lists the habits one a
 * line (their names hold commas); has the example, the four questions,
 * the balance message and the board picture (FILE.png beside it, 1920x1080,
 * the same pixels as --screenshot). The PDF is one A4 page (Letter with
 * --paper letter) whose text holds the same content. A failed export names
 * the file and leaves nothing behind. */
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
#include <unistd.h>

#include <SDL.h>
#include <SDL_image.h>

#include "app.h"
#include "options.h"
#include "preset_cli.h"
#include "test_support.h"

static struct app *app_with(const char *preset)
{
    setenv("XDG_DATA_HOME", test_make_temp_dir(), 1);
    setenv("XDG_CONFIG_HOME", test_make_temp_dir(), 1);
    setenv("SOUNDBOARD_DATA_DIR", SOUNDBOARD_SOURCE_DIR, 1);
    char *argv[] = {"soundboard", "--preset", (char *)preset, NULL};
    struct options o;
    char err[256];
    assert_true(options_parse(&o, preset ? 3 : 1, argv, err, sizeof err));
    struct app_config cfg;
    options_app_config(&o, &cfg);
    static struct app a;
    assert_true(app_init(&a, &cfg));
    return &a;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = calloc(1, (size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return buf;
}

static int export(struct app *a, const char *path, int paper)
{
    struct view v;
    app_view(a, &v);
    return preset_cli_export(path, &a->content, app_recalled(a),
                             a->board.value, &v, (enum handout_paper)paper,
                             stderr);
}

static int files_in(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void markdown_names_zones_lists_habits_and_shows_the_board(void **s)
{
    (void)s;
    struct app *a = app_with(NULL);
    const struct content *c = &a->content;
    assert_true(app_command_text(a, "set goals 90"));
    assert_true(app_command_text(a, "set task 50"));
    char dir[300], path[400], png[400];
    snprintf(dir, sizeof dir, "%s", test_make_temp_dir());
    snprintf(path, sizeof path, "%s/mix.md", dir);
    snprintf(png, sizeof png, "%s/mix.png", dir);
    assert_int_equal(export(a, path, HANDOUT_A4), 0);
    char *md = slurp(path);
    assert_null(strstr(md, "/100"));             /* no grade-like number */
    assert_non_null(strstr(md, "![")); /* the picture, by its name */
    assert_non_null(strstr(md, "(mix.png)"));
    assert_non_null(strstr(md, content_string(c, "app.tagline")));
    assert_non_null(strstr(md, content_string(c, "questions.title")));
    for (int q = 0; q < c->question_count; q++)
        assert_non_null(strstr(md, c->question[q]));
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        enum zone z = zone_for_value(a->board.value[e]);
        const struct zone_text *zt = &c->element[e].zone[z];
        const char *at = strstr(md, c->element[e].name);
        assert_non_null(at);
        const char *next = e + 1 < BOARD_ELEMENTS
                               ? strstr(at, c->element[e + 1].name) : NULL;
        char *sec = strndup(at, next ? (size_t)(next - at) : strlen(at));
        char key[48];
        snprintf(key, sizeof key, "zone.%s", zone_id(z));
        assert_non_null(strstr(sec, content_string(c, key)));
        assert_non_null(strstr(sec, zt->teacher));
        assert_non_null(strstr(sec, zt->students));
        assert_non_null(strstr(sec, zt->example));
        for (int h = 0; h < zt->habit_count; h++) {
            char item[256];
            snprintf(item, sizeof item, "\n- %s\n", c->habit[zt->habit[h]].name);
            assert_non_null(strstr(sec, item)); /* one a line */
        }
        free(sec);
    }
    free(md);
    /* The picture is the board as --screenshot draws it at 1920x1080. */
    SDL_Surface *pic = IMG_Load(png);
    assert_non_null(pic);
    assert_int_equal(pic->w, 1920);
    assert_int_equal(pic->h, 1080);
    SDL_FreeSurface(pic);
    assert_int_equal(files_in(dir), 2); /* mix.md, mix.png: no temp file */
    app_free(a);
}

static void pdf_is_one_page_of_the_paper_asked(void **s)
{
    (void)s;
    if (system("command -v pdfinfo >/dev/null 2>&1") != 0) {
        fprintf(stderr, "skip: pdfinfo (poppler-utils) is not installed\n");
        skip();
    }
    struct app *a = app_with(NULL);
    assert_true(app_command_text(a, "glide 0"));
    assert_true(app_command_text(a, "preset recall 3"));
    const char *name = live_presets_name(&a->presets);
    assert_non_null(name);
    char dir[300], path[400], cmd[1000];
    snprintf(dir, sizeof dir, "%s", test_make_temp_dir());
    const int papers[2] = {HANDOUT_A4, HANDOUT_LETTER};
    const char *sizes[2] = {"595.28 x 841.89", "612 x 792"};
    for (int k = 0; k < 2; k++) {
        snprintf(path, sizeof path, "%s/mix-%d.pdf", dir, k);
        assert_int_equal(export(a, path, papers[k]), 0);
        snprintf(cmd, sizeof cmd,
                 "pdfinfo '%s' | grep -q '^Pages: *1$' && pdfinfo '%s' | "
                 "grep -q 'Page size: *%s pts'", path, path, sizes[k]);
        assert_int_equal(system(cmd), 0);
    }
    snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' '%s/mix.txt'", path,
             dir);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "%s/mix.txt", dir);
    char *text = slurp(cmd);
    assert_null(strstr(text, "/100"));
    char first[64];
    sscanf(name, "%63s", first);
    assert_non_null(strstr(text, first));
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        /* Names may wrap; their first word is on the page. */
        char word[64];
        sscanf(a->content.element[e].name, "%63s", word);
        assert_non_null(strstr(text, word));
    }
    free(text);
    assert_int_equal(files_in(dir), 3); /* two PDFs and the text: no temp */
    app_free(a);
}

static void failed_export_names_the_file_and_leaves_nothing(void **s)
{
    (void)s;
    struct app *a = app_with(NULL);
    char dir[300], path[400];
    snprintf(dir, sizeof dir, "%s/ro", test_make_temp_dir());
    assert_int_equal(mkdir(dir, 0555), 0);
    snprintf(path, sizeof path, "%s/mix.pdf", dir);
    FILE *err = tmpfile();
    struct view v;
    app_view(a, &v);
    int status = preset_cli_export(path, &a->content, NULL, a->board.value,
                                   &v, HANDOUT_A4, err);
    if (geteuid() == 0 && access(dir, W_OK) == 0) {
        fclose(err); /* root writes anyway: nothing to prove here */
        app_free(a);
        return;
    }
    assert_int_equal(status, 1);
    fflush(err);
    rewind(err);
    char line[600] = "";
    assert_non_null(fgets(line, sizeof line, err));
    assert_non_null(strstr(line, dir));
    fclose(err);
    assert_int_equal(files_in(dir), 0);
    /* Not .md or .pdf: refused, by name. */
    err = tmpfile();
    assert_int_equal(preset_cli_export("/tmp/mix.txt", &a->content, NULL,
                                       a->board.value, &v, HANDOUT_A4, err),
                     1);
    fclose(err);
    app_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(markdown_names_zones_lists_habits_and_shows_the_board),
        cmocka_unit_test(pdf_is_one_page_of_the_paper_asked),
        cmocka_unit_test(failed_export_names_the_file_and_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
