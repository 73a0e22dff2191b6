/* test_draw_presets: the preset browser and the save dialog render
 * headless (software renderer) from an app's view: their rects get
 * non-background pixels, the selected row looks different, and PNGs at
 * 1280x720 and 1920x1080 are written for a look (PRESETS_PNG_DIR). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "app.h"
#include "draw_presets.h"
#include "options.h"
#include "render.h"
#include "test_support.h"

static int setup(void **state)
{
    struct app *a = calloc(1, sizeof *a);
    setenv("XDG_DATA_HOME", test_make_temp_dir(), 1);
    setenv("XDG_CONFIG_HOME", test_make_temp_dir(), 1); /* settings.ini */
    setenv("SOUNDBOARD_DATA_DIR", SOUNDBOARD_SOURCE_DIR, 1);
    struct options o;
    char *argv[] = {"soundboard", NULL};
    char err[256];
    assert_true(options_parse(&o, 1, argv, err, sizeof err));
    struct app_config cfg;
    options_app_config(&o, &cfg);
    assert_true(app_init(a, &cfg));
    *state = a;
    return 0;
}

static int teardown(void **state)
{
    app_free(*state);
    free(*state);
    return 0;
}

static Uint32 pixel(SDL_Surface *s, int x, int y)
{
    return ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
}

/* Distinct colours inside r (capped). */
static int colours(SDL_Surface *s, struct layout_rect r)
{
    Uint32 seen[8];
    int n = 0;
    for (int y = r.y; y < r.y + r.h && y < s->h; y += 2)
        for (int x = r.x; x < r.x + r.w && x < s->w; x += 2) {
            Uint32 p = pixel(s, x, y);
            int k = 0;
            while (k < n && seen[k] != p)
                k++;
            if (k == n && n < 8)
                seen[n++] = p;
        }
    return n;
}

static bool same(SDL_Surface *a, SDL_Surface *b, struct layout_rect r)
{
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            if (pixel(a, x, y) != pixel(b, x, y))
                return false;
    return true;
}

static SDL_Surface *frame(struct app *a, int w, int h, const char *png)
{
    a->out_w = w;
    a->out_h = h;
    struct view v;
    app_view(a, &v);
    char err[256];
    SDL_Surface *s = ui_render_surface(&v, w, h, err, sizeof err);
    if (!s)
        fprintf(stderr, "%s\n", err);
    assert_non_null(s);
    const char *dir = getenv("PRESETS_PNG_DIR");
    if (dir && png) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s-%dx%d.png", dir, png, w, h);
        assert_true(ui_render_png(&v, w, h, path, err, sizeof err));
    }
    return s;
}

static void browser_renders(void **state)
{
    struct app *a = *state;
    assert_true(app_command_text(a, "overlay presets"));
    int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int k = 0; k < 2; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        struct layout l;
        layout_compute(&l, w, h);
        struct presets_browser_geom g;
        presets_browser_geom(&l, &g);
        SDL_Surface *s0 = frame(a, w, h, "browser");
        struct view v;
        app_view(a, &v);
        assert_true(v.presets.count >= 2);
        assert_int_equal(v.presets.selected, 0);
        assert_true(colours(s0, presets_row_rect(&g, 0)) >= 3);
        assert_true(colours(s0, presets_row_rect(&g, 1)) >= 3);
        assert_true(colours(s0, g.hint) >= 2);
        /* Select the next row: rows 0 and 1 both change. */
        SDL_Event ev = {.type = SDL_KEYDOWN};
        ev.key.keysym.sym = SDLK_DOWN;
        assert_true(app_handle_event(a, &ev));
        SDL_Surface *s1 = frame(a, w, h, NULL);
        assert_false(same(s0, s1, presets_row_rect(&g, 0)));
        assert_false(same(s0, s1, presets_row_rect(&g, 1)));
        ev.key.keysym.sym = SDLK_UP;
        app_handle_event(a, &ev);
        SDL_FreeSurface(s0);
        SDL_FreeSurface(s1);
    }
}

static void dialog_renders(void **state)
{
    struct app *a = *state;
    assert_true(app_command_text(a, "preset save"));
    SDL_Event ev = {.type = SDL_TEXTINPUT};
    snprintf(ev.text.text, sizeof ev.text.text, "%s", "Météo, 4ᵉ");
    struct layout l;
    layout_compute(&l, 1280, 720);
    app_handle_event(a, &ev);
    int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int k = 0; k < 2; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        layout_compute(&l, w, h);
        struct presets_dialog_geom g;
        presets_dialog_geom(&l, &g);
        SDL_Surface *s = frame(a, w, h, "save-dialog");
        assert_true(colours(s, g.name) >= 3);     /* box, outline, text */
        assert_true(colours(s, g.notes) >= 2);
        assert_true(colours(s, g.save) >= 3);
        assert_true(colours(s, g.slot[0]) >= 2);
        assert_true(g.notes.h > l.font_body * 2);
        SDL_FreeSurface(s);
    }
    /* The overwrite question shows in the message line. */
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = SDLK_TAB;
    app_handle_event(a, &ev);
    struct view v;
    app_view(a, &v);
    assert_int_equal(v.presets.dialog_field, VIEW_FIELD_NOTES);
    assert_int_equal(a->overlay, OVERLAY_NONE); /* the dialog alone */
    assert_int_equal(v.overlay, OVERLAY_PRESETS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(browser_renders, setup, teardown),
        cmocka_unit_test_setup_teardown(dialog_renders, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
