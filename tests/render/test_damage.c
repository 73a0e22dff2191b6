/* test_damage: redrawing only what changed (src/ui/damage.c) gives the
 * same pixels as drawing the whole frame, and draws little.
 *
 * A frame kept between draws (ui_keep_frames) is compared, pixel for
 * pixel, with a frame drawn whole from the same view, after each of many
 * random changes: faders moved a little, across zones, several at once,
 * focus moved, a notice shown, an arc's step changed, in every theme, with
 * and without an arc's timeline. A part that reads something from the
 * view that frame_key does not hash fails here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>

#include "../unit/shipped.h"
#include "arc.h"
#include "render.h"

struct frame {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct ui *ui;
    int w, h;
};

static struct shipped shipped;

static void frame_open(struct frame *fr, int w, int h, bool keep)
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
    ui_keep_frames(fr->ui, keep);
}

static int frame_draw(struct frame *fr, const struct view *v)
{
    ui_draw(fr->ui, v, fr->w, fr->h);
    SDL_RenderFlush(fr->renderer);
    SDL_Rect r[UI_DAMAGE_RECTS];
    return ui_damage(fr->ui, r, UI_DAMAGE_RECTS);
}

static void frame_close(struct frame *fr)
{
    ui_destroy(fr->ui);
    SDL_DestroyRenderer(fr->renderer);
    SDL_FreeSurface(fr->surface);
}

/* The first pixel where a and b differ, or -1. */
static long first_difference(const SDL_Surface *a, const SDL_Surface *b)
{
    for (int y = 0; y < a->h; y++) {
        const Uint32 *ra = (const Uint32 *)((const Uint8 *)a->pixels
                                            + y * a->pitch);
        const Uint32 *rb = (const Uint32 *)((const Uint8 *)b->pixels
                                            + y * b->pitch);
        for (int x = 0; x < a->w; x++)
            if (ra[x] != rb[x])
                return (long)y * a->w + x;
    }
    return -1;
}

static int setup(void **state)
{
    (void)state;
    load_shipped(&shipped);
    assert_true(shipped.parsed);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free_shipped(&shipped);
    return 0;
}

/* One random change to the board or, now and then, to something else the
 * frame shows. */
static void change(struct board *b, struct view *v, const struct arc *arc,
                   unsigned *seed, int *moves)
{
    int kind = rand_r(seed) % 10;
    if (kind < 5) { /* one fader, a little (often within its zone) */
        int e = rand_r(seed) % BOARD_ELEMENTS;
        board_set(b, e, b->value[e] + rand_r(seed) % 7 - 3);
        (*moves)++;
    } else if (kind < 7) { /* a jump: usually another zone */
        board_set(b, rand_r(seed) % BOARD_ELEMENTS, rand_r(seed) % 101);
        (*moves)++;
    } else if (kind == 7) { /* every fader at once */
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            board_set(b, e, rand_r(seed) % 101);
        (*moves)++;
    } else if (kind == 8) {
        b->focus = rand_r(seed) % BOARD_ELEMENTS;
        v->notice = rand_r(seed) % 2 ? "A notice on the screen" : NULL;
    } else if (arc) {
        v->arc_step = rand_r(seed) % arc->count;
        v->arc_playing = !v->arc_playing;
    }
}

static void partial_matches_whole(int w, int h, int theme, bool with_arc,
                                  unsigned seed)
{
    static struct arc arc;
    int start[BOARD_ELEMENTS] = {10, 50, 90, 30, 70, 20, 60};
    arc_make(&arc, "Test arc", 6, start, "Week %s");
    struct board b;
    board_init(&b);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        board_set(&b, e, start[e]);
    struct view v = {.board = &b, .content = &shipped.c, .theme = theme};
    if (with_arc)
        v.arc = &arc;

    struct frame kept, whole;
    frame_open(&kept, w, h, true);
    frame_open(&whole, w, h, false);
    assert_int_equal(frame_draw(&kept, &v), -1); /* the first is whole */
    int partial = 0, moves = 0;
    for (int i = 0; i < 80; i++) {
        change(&b, &v, with_arc ? &arc : NULL, &seed, &moves);
        if (frame_draw(&kept, &v) >= 0)
            partial++;
        assert_int_equal(frame_draw(&whole, &v), -1);
        long at = first_difference(kept.surface, whole.surface);
        if (at >= 0 && getenv("SOUNDBOARD_DAMAGE_DUMP")) {
            /* To look at: the two frames as PNGs in the current folder. */
            IMG_SavePNG(kept.surface, "damage-partial.png");
            IMG_SavePNG(whole.surface, "damage-whole.png");
        }
        if (at >= 0)
            fail_msg("%dx%d theme %d%s, change %d: partial frame differs "
                     "at (%ld, %ld)", w, h, theme, with_arc ? " arc" : "",
                     i, at % w, at / w);
    }
    /* Not vacuous: most changes were drawn in part. */
    assert_true(partial >= moves / 2);
    frame_close(&kept);
    frame_close(&whole);
}

static void test_partial_frames_match_whole_ones(void **state)
{
    (void)state;
    for (int theme = 0; theme < 3; theme++) {
        partial_matches_whole(1280, 720, theme, false, 7u + (unsigned)theme);
        partial_matches_whole(1920, 1080, theme, true, 11u + (unsigned)theme);
    }
    partial_matches_whole(1024, 768, 0, true, 5u);  /* the narrow layout */
    partial_matches_whole(3840, 2160, 1, false, 3u);
}

static long area(const SDL_Rect *r, int n)
{
    long a = 0;
    for (int i = 0; i < n; i++)
        a += (long)r[i].w * r[i].h;
    return a;
}

static bool inside_any(const SDL_Rect *r, int n, struct layout_rect c)
{
    SDL_Rect s = {c.x, c.y, c.w, c.h}, u;
    for (int i = 0; i < n; i++)
        if (SDL_IntersectRect(&s, &r[i], &u) && u.w == s.w && u.h == s.h)
            return true;
    return false;
}

static bool touches_any(const SDL_Rect *r, int n, struct layout_rect c)
{
    SDL_Rect s = {c.x, c.y, c.w, c.h};
    for (int i = 0; i < n; i++)
        if (SDL_HasIntersection(&s, &r[i]))
            return true;
    return false;
}

static void test_one_fader_redraws_its_cap(void **state)
{
    (void)state;
    struct board b;
    board_init(&b);
    board_set(&b, 0, 50);
    struct view v = {.board = &b, .content = &shipped.c};
    struct frame fr;
    frame_open(&fr, 1920, 1080, true);
    assert_int_equal(frame_draw(&fr, &v), -1);
    const struct layout *l = ui_layout(fr.ui, 1920, 1080);
    struct layout_rect was = layout_cap_rect(l, 0, 50);

    /* Within the zone: the cap's old and new places, nothing else. */
    board_set(&b, 0, 52);
    ui_draw(fr.ui, &v, 1920, 1080);
    SDL_Rect r[UI_DAMAGE_RECTS];
    int n = ui_damage(fr.ui, r, UI_DAMAGE_RECTS);
    assert_true(n >= 1);
    assert_true(inside_any(r, n, was));
    assert_true(inside_any(r, n, layout_cap_rect(l, 0, 52)));
    assert_false(touches_any(r, n, l->bridge));
    assert_false(touches_any(r, n, l->panel));
    assert_true(area(r, n) * 100 < 1920L * 1080); /* under 1% */

    /* Into another zone: its word, the bridge and the panel too. */
    board_set(&b, 0, 90);
    ui_draw(fr.ui, &v, 1920, 1080);
    n = ui_damage(fr.ui, r, UI_DAMAGE_RECTS);
    assert_true(n >= 1);
    assert_true(inside_any(r, n, l->strip[0].zone_word));
    assert_true(inside_any(r, n, l->bridge));
    assert_true(inside_any(r, n, l->panel));
    assert_false(touches_any(r, n, l->strip[3].zone_word));

    /* Another element into another zone: its word and the bridge, but not
     * the panel, which reads only the focused element (goals). */
    assert_int_equal(b.focus, 0);
    board_set(&b, 3, 90);
    ui_draw(fr.ui, &v, 1920, 1080);
    n = ui_damage(fr.ui, r, UI_DAMAGE_RECTS);
    assert_true(inside_any(r, n, l->strip[3].zone_word));
    assert_true(inside_any(r, n, l->bridge));
    assert_false(touches_any(r, n, l->panel));

    /* Nothing changed: nothing drawn. */
    ui_draw(fr.ui, &v, 1920, 1080);
    assert_int_equal(ui_damage(fr.ui, r, UI_DAMAGE_RECTS), 0);

    /* Rectangles never overlap (a translucent fill would be doubled). */
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        board_set(&b, e, (e * 37) % 101);
    ui_draw(fr.ui, &v, 1920, 1080);
    n = ui_damage(fr.ui, r, UI_DAMAGE_RECTS);
    assert_true(n >= 1);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            assert_false(SDL_HasIntersection(&r[i], &r[j]));
    frame_close(&fr);
}

static void test_whole_frames_when_pixels_are_not_kept(void **state)
{
    (void)state;
    struct board b;
    board_init(&b);
    struct view v = {.board = &b, .content = &shipped.c};
    struct frame fr;
    frame_open(&fr, 1280, 720, false); /* an accelerated back buffer */
    assert_int_equal(frame_draw(&fr, &v), -1);
    board_set(&b, 2, 40);
    assert_int_equal(frame_draw(&fr, &v), -1);
    ui_keep_frames(fr.ui, true);
    assert_int_equal(frame_draw(&fr, &v), -1); /* nothing kept yet */
    board_set(&b, 2, 42);
    assert_true(frame_draw(&fr, &v) >= 1);
    ui_forget_frame(fr.ui); /* the window was exposed */
    board_set(&b, 2, 44);
    assert_int_equal(frame_draw(&fr, &v), -1);
    v.overlay = OVERLAY_HELP; /* an overlay covers the board: whole */
    assert_int_equal(frame_draw(&fr, &v), -1);
    board_set(&b, 2, 46);
    assert_int_equal(frame_draw(&fr, &v), -1);
    frame_close(&fr);
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_partial_frames_match_whole_ones),
        cmocka_unit_test(test_one_fader_redraws_its_cap),
        cmocka_unit_test(test_whole_frames_when_pixels_are_not_kept),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    SDL_Quit();
    return rc;
}
