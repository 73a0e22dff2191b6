/* test_text: the text cache and fonts: a repeated request is a cache hit,
 * the cache stays within its bound and evicts the least recently used,
 * wrapping breaks at blanks and hyphens within the width, and a missing
 * font is an error naming what was looked for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <SDL.h>

#include "test_support.h"
#include "text.h"

struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct text *text;
};

static const SDL_Color white = {255, 255, 255, 255};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32,
                                                SDL_PIXELFORMAT_ARGB8888);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    char err[256] = "";
    f->text = text_create(f->renderer, err, sizeof err);
    if (!f->text)
        fprintf(stderr, "text_create: %s\n", err);
    assert_non_null(f->text);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    text_destroy(f->text);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
    return 0;
}

static void test_repeat_is_a_hit(void **state)
{
    struct fixture *f = *state;
    struct text_block a, b, c;
    unsigned long before = text_rasterized(f->text);
    assert_true(text_get(f->text, "Co-created", 20, TEXT_BOLD, white, 0,
                         TEXT_LEFT, &a));
    assert_int_equal(text_rasterized(f->text), before + 1);
    assert_true(text_get(f->text, "Co-created", 20, TEXT_BOLD, white, 0,
                         TEXT_LEFT, &b));
    assert_ptr_equal(a.texture, b.texture);
    assert_int_equal(text_rasterized(f->text), before + 1);
    /* Any part of the key that differs is another block. */
    SDL_Color grey = {128, 128, 128, 255};
    assert_true(text_get(f->text, "Co-created", 20, TEXT_BOLD, grey, 0,
                         TEXT_LEFT, &c));
    assert_ptr_not_equal(c.texture, a.texture);
    assert_true(text_get(f->text, "Co-created", 21, TEXT_BOLD, white, 0,
                         TEXT_LEFT, &c));
    assert_true(c.w > a.w);
    assert_true(text_get(f->text, "Co-created", 20, TEXT_REGULAR, white, 0,
                         TEXT_LEFT, &c));
    assert_true(c.w < a.w); /* regular is narrower than bold */
    assert_int_equal(text_rasterized(f->text), before + 4);
    /* Empty text: no block, no error. */
    assert_false(text_get(f->text, "", 20, TEXT_BOLD, white, 0, TEXT_LEFT,
                          &c));
    assert_null(c.texture);
}

static void test_cache_is_bounded_lru(void **state)
{
    struct fixture *f = *state;
    struct text_block b;
    char s[32];
    unsigned long before = text_rasterized(f->text);
    for (int i = 0; i < TEXT_CACHE_MAX + 100; i++) {
        snprintf(s, sizeof s, "item %d", i);
        assert_true(text_get(f->text, s, 12, TEXT_REGULAR, white, 0,
                             TEXT_LEFT, &b));
        /* Keep item 0 in use all along. */
        assert_true(text_get(f->text, "item 0", 12, TEXT_REGULAR, white, 0,
                             TEXT_LEFT, &b));
        assert_true(text_cached(f->text) <= TEXT_CACHE_MAX);
    }
    unsigned long after = text_rasterized(f->text);
    assert_int_equal(after - before, TEXT_CACHE_MAX + 100);
    assert_int_equal(text_cached(f->text), TEXT_CACHE_MAX);
    /* Item 0 was used last of all: still cached. Item 1 was evicted. */
    text_get(f->text, "item 0", 12, TEXT_REGULAR, white, 0, TEXT_LEFT, &b);
    assert_int_equal(text_rasterized(f->text), after);
    text_get(f->text, "item 1", 12, TEXT_REGULAR, white, 0, TEXT_LEFT, &b);
    assert_int_equal(text_rasterized(f->text), after + 1);
}

static void test_wrapping(void **state)
{
    struct fixture *f = *state;
    int w1, h1, n1, w2, w, h, n;
    text_measure(f->text, "Student-", 20, TEXT_REGULAR, 0, &w1, &h1, &n1);
    assert_int_equal(n1, 1);
    text_measure(f->text, "generated", 20, TEXT_REGULAR, 0, &w2, NULL, NULL);
    int part = (w1 > w2 ? w1 : w2) + 2;
    /* Too narrow for the whole word: it breaks after its hyphen. */
    text_measure(f->text, "Student-generated", 20, TEXT_REGULAR, part, &w,
                 &h, &n);
    assert_int_equal(n, 2);
    assert_int_equal(h, 2 * h1);
    assert_true(w <= part);
    /* Wide enough: one line. */
    text_measure(f->text, "Student-generated", 20, TEXT_REGULAR, 1000, &w,
                 &h, &n);
    assert_int_equal(n, 1);
    /* A sentence wraps at blanks, every line within the width. */
    const char *s = "Sets the limits of the topic and poses the central "
                    "question, then lets each student steer.";
    text_measure(f->text, s, 20, TEXT_REGULAR, 200, &w, &h, &n);
    assert_true(n >= 3);
    assert_true(w <= 200);
    struct text_block b;
    assert_true(text_get(f->text, s, 20, TEXT_REGULAR, white, 200,
                         TEXT_CENTER, &b));
    assert_int_equal(b.lines, n);
    assert_int_equal(b.h, h);
    assert_int_equal(b.w, w);
    /* A word wider than the width stays whole: the caller sees w > wrap. */
    text_measure(f->text, "Metacognition", 20, TEXT_REGULAR, 40, &w, &h, &n);
    assert_int_equal(n, 1);
    assert_true(w > 40);
    /* Explicit newlines always break. */
    text_measure(f->text, "a\nb\nc", 20, TEXT_REGULAR, 0, &w, &h, &n);
    assert_int_equal(n, 3);
    /* Measuring again is a cache hit. */
    unsigned long m = text_measured(f->text);
    text_measure(f->text, s, 20, TEXT_REGULAR, 200, &w, &h, &n);
    assert_int_equal(text_measured(f->text), m);
}

static void test_font_dir_override(void **state)
{
    (void)state;
    const char *dir = "/usr/share/fonts/truetype/dejavu";
    setenv("SOUNDBOARD_FONT_DIR", dir, 1);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    char err[256] = "";
    struct text *t = text_create(r, err, sizeof err);
    assert_non_null(t);
    const char *bold = text_font_path(t, TEXT_BOLD);
    assert_int_equal(strncmp(bold, dir, strlen(dir)), 0);
    assert_non_null(strstr(bold, "DejaVuSans-Bold.ttf"));
    text_destroy(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    unsetenv("SOUNDBOARD_FONT_DIR");
}

static void test_missing_font_is_named(void **state)
{
    (void)state;
    /* A fontconfig that knows no fonts at all. */
    const char *tmp = test_make_temp_dir();
    char conf[512];
    snprintf(conf, sizeof conf, "%s/fonts.conf", tmp);
    FILE *fp = fopen(conf, "w");
    assert_non_null(fp);
    fprintf(fp, "<?xml version=\"1.0\"?>\n<fontconfig>\n"
                "<cachedir>%s</cachedir>\n</fontconfig>\n", tmp);
    fclose(fp);
    const char *old = getenv("FONTCONFIG_FILE");
    char *saved = old ? strdup(old) : NULL;
    setenv("FONTCONFIG_FILE", conf, 1);
    setenv("SOUNDBOARD_FONT_DIR", tmp, 1);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    char err[256] = "";
    struct text *t = text_create(r, err, sizeof err);
    assert_null(t);
    assert_non_null(strstr(err, "DejaVu Sans"));
    assert_non_null(strstr(err, "fonts-dejavu-core"));
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    if (saved) {
        setenv("FONTCONFIG_FILE", saved, 1);
        free(saved);
    } else {
        unsetenv("FONTCONFIG_FILE");
    }
    unsetenv("SOUNDBOARD_FONT_DIR");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repeat_is_a_hit),
        cmocka_unit_test(test_cache_is_bounded_lru),
        cmocka_unit_test(test_wrapping),
        cmocka_unit_test(test_font_dir_override),
        cmocka_unit_test(test_missing_font_is_named),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
