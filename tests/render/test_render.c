/* test_render: draws real frames headless (software renderer on a surface,
 * SDL_VIDEODRIVER=offscreen) with the shipped content and reads pixels
 * back: caps where the layout puts them, zone words that change with the
 * value, a ghost cap, every theme, PNG output, no text clipped at the
 * projector sizes, and an idle redraw that rasterizes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>

#include "render.h"
#include "keymap.h"

enum { KEYMAP_MAX_HELP = 128 };
#include "test_support.h"
#include "theme.h"

struct fixture {
    struct content content;
    struct board board;
    struct view view;
    const char *keys[4], *texts[4];
};

/* A frame: a surface with a software renderer and a ui bound to it. */
struct frame {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct ui *ui;
    int w, h;
};

static int setup(void **state)
{
    static const char *const names[4] = {"habits.ini", "elements.ini",
                                         "questions.ini", "ui.ini"};
    struct fixture *f = calloc(1, sizeof *f);
    struct content_file files[4];
    char *texts[4];
    for (int i = 0; i < 4; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "assets/content/%s", names[i]);
        size_t len;
        texts[i] = test_read_source_file(rel, &len);
        files[i] = (struct content_file){names[i], texts[i], len};
    }
    struct diag_list d;
    diag_init(&d);
    bool ok = content_parse(&f->content, files, 4, &d);
    for (int i = 0; i < d.count; i++)
        fprintf(stderr, "%s\n", d.text[i]);
    for (int i = 0; i < 4; i++)
        free(texts[i]);
    assert_true(ok);
    board_init(&f->board);
    f->view.board = &f->board;
    f->view.content = &f->content;
    f->keys[0] = "Up";
    f->texts[0] = "Move the focused fader up a little";
    f->keys[1] = "Page Up";
    f->texts[1] = "Move the focused fader up a lot";
    f->keys[2] = "2";
    f->texts[2] = "";
    f->keys[3] = "Ctrl+Q";
    f->texts[3] = "Quit";
    f->view.help_keys = f->keys;
    f->view.help_texts = f->texts;
    f->view.help_count = 4;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    content_free(&f->content);
    free(f);
    return 0;
}

static void frame_open(struct frame *fr, int w, int h)
{
    fr->w = w;
    fr->h = h;
    fr->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
                                                 SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(fr->surface);
    fr->renderer = SDL_CreateSoftwareRenderer(fr->surface);
    assert_non_null(fr->renderer);
    char err[256] = "";
    fr->ui = ui_create(fr->renderer, err, sizeof err);
    if (!fr->ui)
        fprintf(stderr, "ui_create: %s\n", err);
    assert_non_null(fr->ui);
}

static void frame_draw(struct frame *fr, const struct view *v)
{
    ui_draw(fr->ui, v, fr->w, fr->h);
    SDL_RenderFlush(fr->renderer);
}

static void frame_close(struct frame *fr)
{
    ui_destroy(fr->ui);
    SDL_DestroyRenderer(fr->renderer);
    SDL_FreeSurface(fr->surface);
}

static Uint32 pixel(const SDL_Surface *s, int x, int y)
{
    const Uint8 *row = (const Uint8 *)s->pixels + y * s->pitch;
    return ((const Uint32 *)row)[x];
}

static Uint32 role_pixel(const SDL_Surface *s, int theme,
                         enum theme_role role)
{
    struct theme_color c = theme_color(theme, role);
    return SDL_MapRGBA(s->format, c.r, c.g, c.b, 255);
}

/* A point on the cap body, off its index line. */
static void cap_point(const struct layout *l, int e, int value, int *x,
                      int *y)
{
    struct layout_rect c = layout_cap_rect(l, e, value);
    *x = c.x + c.w / 2;
    *y = c.y + c.h / 4;
}

static void test_caps_where_the_layout_says(void **state)
{
    struct fixture *f = *state;
    const int sizes[][2] = {{1280, 720}, {1024, 768}, {1920, 1080}};
    for (int s = 0; s < 3; s++) {
        struct frame fr;
        frame_open(&fr, sizes[s][0], sizes[s][1]);
        const int values[BOARD_ELEMENTS] = {0, 50, 100, 0, 50, 100, 25};
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            board_set(&f->board, e, values[e]);
        frame_draw(&fr, &f->view);
        const struct layout *l = ui_layout(fr.ui, fr.w, fr.h);
        Uint32 cap = role_pixel(fr.surface, 0, THEME_CAP);
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            int x, y;
            cap_point(l, e, values[e], &x, &y);
            assert_int_equal(pixel(fr.surface, x, y), cap);
            /* Far from the value, no cap. */
            cap_point(l, e, values[e] >= 50 ? values[e] - 50
                                            : values[e] + 50, &x, &y);
            assert_int_not_equal(pixel(fr.surface, x, y), cap);
        }
        /* Move them: each cap leaves its old place. */
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            board_set(&f->board, e, 100 - values[e]);
        frame_draw(&fr, &f->view);
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            if (values[e] == 50)
                continue;
            int x, y;
            cap_point(l, e, 100 - values[e], &x, &y);
            assert_int_equal(pixel(fr.surface, x, y), cap);
            cap_point(l, e, values[e], &x, &y);
            assert_int_not_equal(pixel(fr.surface, x, y), cap);
        }
        frame_close(&fr);
    }
}

/* Pixels in r that are not the chip's tint: the word's glyphs. */
static int ink(const SDL_Surface *s, struct layout_rect r, Uint32 bg)
{
    int n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            n += pixel(s, x, y) != bg;
    return n;
}

static void test_zone_word_follows_the_value(void **state)
{
    struct fixture *f = *state;
    struct frame fr;
    frame_open(&fr, 1280, 720);
    const struct layout *l = ui_layout(fr.ui, 1280, 720);
    struct layout_rect r = l->strip[2].zone_word;
    const int values[3] = {10, 50, 90};
    const enum theme_role tint[3] = {THEME_ZONE_TEACHER,
                                     THEME_ZONE_COCREATED,
                                     THEME_ZONE_STUDENT};
    int inked[3];
    Uint32 *copy[3];
    for (int z = 0; z < 3; z++) {
        board_set(&f->board, 2, values[z]);
        frame_draw(&fr, &f->view);
        Uint32 bg = role_pixel(fr.surface, 0, tint[z]);
        assert_int_equal(pixel(fr.surface, r.x + 1, r.y + 1), bg);
        inked[z] = ink(fr.surface, r, bg);
        assert_true(inked[z] > 50); /* a word is written on the tint */
        copy[z] = malloc(sizeof(Uint32) * (size_t)(r.w * r.h));
        for (int y = 0; y < r.h; y++)
            for (int x = 0; x < r.w; x++)
                copy[z][y * r.w + x] = pixel(fr.surface, r.x + x, r.y + y);
    }
    /* Different words, not just different tints: compare glyph masks. */
    for (int a = 0; a < 3; a++) {
        for (int b = a + 1; b < 3; b++) {
            Uint32 bga = role_pixel(fr.surface, 0, tint[a]);
            Uint32 bgb = role_pixel(fr.surface, 0, tint[b]);
            int differ = 0;
            for (int i = 0; i < r.w * r.h; i++)
                differ += (copy[a][i] != bga) != (copy[b][i] != bgb);
            assert_true(differ > 50);
        }
    }
    for (int z = 0; z < 3; z++)
        free(copy[z]);
    frame_close(&fr);
}

static void test_ghost_cap(void **state)
{
    struct fixture *f = *state;
    struct frame fr;
    frame_open(&fr, 1280, 720);
    board_set(&f->board, 3, 10);
    f->view.ghost_visible[3] = true;
    f->view.ghost_value[3] = 90;
    frame_draw(&fr, &f->view);
    const struct layout *l = ui_layout(fr.ui, 1280, 720);
    struct layout_rect g = layout_cap_rect(l, 3, 90);
    Uint32 ghost = role_pixel(fr.surface, 0, THEME_GHOST);
    /* Its left and right edges are drawn in the ghost colour. */
    assert_int_equal(pixel(fr.surface, g.x, g.y + g.h / 2), ghost);
    assert_int_equal(pixel(fr.surface, g.x + g.w - 1, g.y + g.h / 2), ghost);
    f->view.ghost_visible[3] = false;
    frame_draw(&fr, &f->view);
    assert_int_not_equal(pixel(fr.surface, g.x, g.y + g.h / 2), ghost);
    frame_close(&fr);
}

static void test_every_theme_renders(void **state)
{
    struct fixture *f = *state;
    for (int t = 0; t < THEME_COUNT; t++) {
        struct frame fr;
        frame_open(&fr, 1280, 720);
        f->view.theme = t;
        board_set(&f->board, 0, 70);
        frame_draw(&fr, &f->view);
        const struct layout *l = ui_layout(fr.ui, 1280, 720);
        /* The left margin under the masthead is the theme's background,
         * the masthead the status line's colour. */
        assert_int_equal(pixel(fr.surface, 1, l->masthead.h + 1),
                         role_pixel(fr.surface, t, THEME_BACKGROUND));
        assert_int_equal(pixel(fr.surface, 1, 1),
                         role_pixel(fr.surface, t, THEME_STATUS));
        int x, y;
        cap_point(l, 0, 70, &x, &y);
        assert_int_equal(pixel(fr.surface, x, y),
                         role_pixel(fr.surface, t, THEME_CAP));
        struct layout_rect s = l->status;
        assert_int_equal(pixel(fr.surface, s.x + s.w / 2, s.y + 1),
                         role_pixel(fr.surface, t, THEME_STATUS));
        frame_close(&fr);
    }
    f->view.theme = 0;
}

static void test_png_written_and_readable(void **state)
{
    struct fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/shot.png", test_make_temp_dir());
    char err[256] = "";
    assert_true(ui_render_png(&f->view, 1280, 720, path, err, sizeof err));
    SDL_Surface *s = IMG_Load(path);
    assert_non_null(s);
    assert_int_equal(s->w, 1280);
    assert_int_equal(s->h, 720);
    SDL_FreeSurface(s);
    /* A folder that does not exist: false and a message naming it. */
    assert_false(ui_render_png(&f->view, 640, 480,
                               "/nonexistent/dir/shot.png", err,
                               sizeof err));
    assert_non_null(strstr(err, "/nonexistent/dir/shot.png"));
    assert_false(ui_render_png(&f->view, 0, 480, path, err, sizeof err));
}

static void test_idle_redraw_rasterizes_nothing(void **state)
{
    struct fixture *f = *state;
    struct frame fr;
    frame_open(&fr, 1280, 720);
    board_set(&f->board, 1, 20);
    frame_draw(&fr, &f->view);
    unsigned long first = ui_rasterized(fr.ui);
    unsigned long measured = ui_measured(fr.ui);
    assert_true(first > 20);
    assert_true(measured > 20);
    frame_draw(&fr, &f->view);
    frame_draw(&fr, &f->view);
    assert_int_equal(ui_rasterized(fr.ui), first);
    /* Nor does it even re-measure text. */
    assert_int_equal(ui_measured(fr.ui), measured);
    /* A move into another zone brings new words... */
    board_set(&f->board, 1, 90);
    frame_draw(&fr, &f->view);
    unsigned long second = ui_rasterized(fr.ui);
    assert_true(second > first);
    /* ...and moving back finds the old ones in the cache. */
    board_set(&f->board, 1, 20);
    frame_draw(&fr, &f->view);
    assert_int_equal(ui_rasterized(fr.ui), second);
    frame_close(&fr);
}

/* Every element focused in every zone, and the overlays: no text is
 * clipped at the projector sizes. */
static void test_nothing_clipped(void **state)
{
    struct fixture *f = *state;
    const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1024, 768},
                            {3840, 2160}, {1366, 768}, {1440, 900},
                            {1280, 1024}, {2560, 1080}, {1920, 1200}};
    for (int s = 0; s < (int)(sizeof sizes / sizeof sizes[0]); s++) {
        struct frame fr;
        frame_open(&fr, sizes[s][0], sizes[s][1]);
        for (int z = 0; z < ZONE_COUNT; z++) {
            for (int e = 0; e < BOARD_ELEMENTS; e++)
                board_set(&f->board, e, zone_centre(z));
            for (int e = 0; e < BOARD_ELEMENTS; e++) {
                f->board.focus = e;
                frame_draw(&fr, &f->view);
                if (ui_clipped(fr.ui) != 0) {
                    print_error("%dx%d: text clipped with %s focused in "
                                "%s: %s\n", fr.w, fr.h, board_element_id(e),
                                zone_id(z), ui_last_clipped(fr.ui));
                    fail();
                }
            }
        }
        f->view.overlay = OVERLAY_QUESTIONS;
        frame_draw(&fr, &f->view);
        /* Help with every key that assets/keys.ini documents: none may
         * go unlisted for want of room. */
        f->view.overlay = OVERLAY_HELP;
        struct keymap km;
        struct diag_list d;
        diag_init(&d);
        size_t klen;
        char *ktext = test_read_source_file("assets/keys.ini", &klen);
        assert_true(keymap_parse(&km, ktext, klen, "keys.ini", &d));
        free(ktext);
        const char *hk[KEYMAP_MAX_HELP], *ht[KEYMAP_MAX_HELP];
        int hn = 0;
        for (int i = 0; i < km.count && hn < KEYMAP_MAX_HELP; i++)
            hk[hn] = km.entry[i].key, ht[hn++] = km.entry[i].help;
        f->view.help_keys = hk;
        f->view.help_texts = ht;
        f->view.help_count = hn;
        frame_draw(&fr, &f->view);
        f->view.help_keys = f->keys;
        f->view.help_texts = f->texts;
        f->view.help_count = 4;
        keymap_free(&km);
        f->view.overlay = OVERLAY_INTRO;
        frame_draw(&fr, &f->view);
        f->view.overlay = OVERLAY_MISUNDERSTANDINGS;
        frame_draw(&fr, &f->view);
        f->view.overlay = OVERLAY_WHY;
        f->view.preset_name = "Week 3: the class takes over the task";
        f->view.preset_notes = "A long note: why this balance now. Students "
                               "who helped write the criteria can assess "
                               "themselves against them.\n\nWhy: goals and "
                               "plan stay with the teacher for now.";
        frame_draw(&fr, &f->view);
        f->view.preset_notes = NULL;
        f->view.overlay = OVERLAY_NONE;
        f->view.learning = true;
        f->view.learn_element = 6;
        f->view.learn_heard = "CC 7 on channel 1";
        f->view.controller_connected = true;
        f->view.controller_name = "nanoKONTROL2";
        f->view.preset_name = "Week 3";
        f->view.preset_modified = true;
        f->view.notice = "Recalled: Week 3";
        frame_draw(&fr, &f->view);
        f->view.learning = false;
        f->view.controller_connected = false;
        f->view.preset_name = NULL;
        f->view.notice = NULL;
        if (ui_clipped(fr.ui) != 0) {
            print_error("%dx%d: text clipped in an overlay or banner: %s\n",
                        fr.w, fr.h, ui_last_clipped(fr.ui));
            fail();
        }
        frame_close(&fr);
    }
    f->board.focus = 0;
}

/* A notice says what just happened and lasts a few seconds: on a
 * projector's 1024x768 it takes the whole status line rather than being
 * cut beside the controller line; where both fit, both show. */
static void test_notice_is_not_cut(void **state)
{
    struct fixture *f = *state;
    struct frame fr;
    frame_open(&fr, 1024, 768);
    f->view.notice = content_string(&f->content, "arc.rec-armed");
    assert_true(strlen(f->view.notice) > 40);
    unsigned long before = ui_shortened(fr.ui);
    frame_draw(&fr, &f->view);
    assert_int_equal(ui_shortened(fr.ui), before);
    /* The controller line ("No controller: ...") gave way: nothing is
     * drawn where it starts. */
    const struct layout *l = ui_layout(fr.ui, 1024, 768);
    struct layout_rect start = {l->status.x + 2 * l->margin, l->status.y,
                                l->status.w / 6, l->status.h};
    Uint32 bg = role_pixel(fr.surface, f->view.theme, THEME_STATUS);
    assert_int_equal(ink(fr.surface, start, bg), 0);
    /* A short notice sits beside the controller line. */
    f->view.notice = "Recalled: Week 3";
    frame_draw(&fr, &f->view);
    assert_true(ink(fr.surface, start, bg) > 0);
    f->view.notice = NULL;
    frame_close(&fr);
}

static void test_no_content_still_draws(void **state)
{
    (void)state;
    struct board b;
    board_init(&b);
    struct view v = {.board = &b};
    struct frame fr;
    frame_open(&fr, 800, 600);
    frame_draw(&fr, &v);
    assert_int_equal(pixel(fr.surface, 400, 300),
                     role_pixel(fr.surface, 0, THEME_BACKGROUND));
    frame_close(&fr);
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_caps_where_the_layout_says),
        cmocka_unit_test(test_zone_word_follows_the_value),
        cmocka_unit_test(test_ghost_cap),
        cmocka_unit_test(test_every_theme_renders),
        cmocka_unit_test(test_png_written_and_readable),
        cmocka_unit_test(test_idle_redraw_rasterizes_nothing),
        cmocka_unit_test(test_nothing_clipped),
        cmocka_unit_test(test_notice_is_not_cut),
        cmocka_unit_test(test_no_content_still_draws),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    SDL_Quit();
    return rc;
}
