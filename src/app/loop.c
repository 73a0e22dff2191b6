/* loop: the window, the renderer and the event loop.
 *
 * The loop sleeps in SDL_WaitEventTimeout until an event, a MIDI poll, a
 * morph step or a notice's end is due, and draws only when something
 * changed: an idle board costs next to no CPU. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "render.h"
#include "str.h"

/* ---- Displays ------------------------------------------------------------
 * Where the window goes: the decision is settings_pick_display (pure,
 * tested in tests/unit/test_settings.c); this asks SDL for the displays
 * and applies it. SDL2 lists the primary display first. */

int app_place_window(struct app *a)
{
    int count = SDL_GetNumVideoDisplays();
    if (count > SETTINGS_DISPLAYS_MAX)
        count = SETTINGS_DISPLAYS_MAX;
    const char *names[SETTINGS_DISPLAYS_MAX] = {0};
    for (int i = 0; i < count; i++)
        names[i] = SDL_GetDisplayName(i);
    struct settings_display_choice c;
    settings_pick_display(&a->settings, a->cfg.display, a->cfg.fullscreen,
                          count, names, &c);
    if (c.warning[0])
        fprintf(stderr, "soundboard: %s\n", c.warning);
    a->fullscreen = c.fullscreen;
    if (c.remember) {
        a->settings.display = c.index + 1;
        str_copy(a->settings.display_name, sizeof a->settings.display_name,
                 names[c.index] ? names[c.index] : "");
        a->settings.fullscreen = true;
    }
    return c.index;
}

int app_window_next_display(struct app *a, char *name, size_t cap)
{
    int count = a->window ? SDL_GetNumVideoDisplays() : 0;
    if (count < 2)
        return -1;
    int now = SDL_GetWindowDisplayIndex(a->window);
    int next = ((now < 0 ? 0 : now) + 1) % count;
    /* SDL moves a window, not a full-screen one: leave full screen, move,
     * and go full screen again on the new display. */
    if (a->fullscreen)
        SDL_SetWindowFullscreen(a->window, 0);
    SDL_SetWindowPosition(a->window, (int)SDL_WINDOWPOS_CENTERED_DISPLAY(next),
                          (int)SDL_WINDOWPOS_CENTERED_DISPLAY(next));
    if (a->fullscreen)
        SDL_SetWindowFullscreen(a->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
    const char *n = SDL_GetDisplayName(next);
    str_copy(name, cap, n ? n : "");
    return next;
}

static bool open_window(struct app *a)
{
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0"); /* fingers handled as such */
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "soundboard: cannot open a window: %s "
                "(--screenshot works without a display)\n", SDL_GetError());
        return false;
    }
    int at = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(app_place_window(a));
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (a->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    a->window = SDL_CreateWindow(content_string(&a->content, "app.title"),
                                 at, at, a->cfg.width,
                                 a->cfg.height, flags);
    if (!a->window) {
        fprintf(stderr, "soundboard: cannot open a window: %s\n",
                SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(a->window, LAYOUT_MIN_W, LAYOUT_MIN_H);
    /* Accelerated if there is one (asked for by name: SDL would otherwise
     * settle on software silently); if none works, software, and say so.
     * `renderer = software` in settings.ini asks for software at once. */
    if (a->cfg.renderer == APP_RENDERER_SOFTWARE) {
        a->renderer = SDL_CreateRenderer(a->window, -1,
                                         SDL_RENDERER_SOFTWARE);
    } else {
        a->renderer = SDL_CreateRenderer(
            a->window, -1,
            SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    }
    if (!a->renderer) {
        fprintf(stderr, "soundboard: no accelerated renderer (%s): "
                "drawing in software\n", SDL_GetError());
        a->renderer = SDL_CreateRenderer(a->window, -1,
                                         SDL_RENDERER_SOFTWARE);
    }
    if (!a->renderer) {
        fprintf(stderr, "soundboard: cannot create a renderer: %s\n",
                SDL_GetError());
        return false;
    }
    char err[256];
    a->ui = ui_create(a->renderer, err, sizeof err);
    if (!a->ui) {
        fprintf(stderr, "soundboard: %s\n", err);
        return false;
    }
    return true;
}

static void close_window(struct app *a)
{
    if (a->ui)
        ui_destroy(a->ui);
    if (a->renderer)
        SDL_DestroyRenderer(a->renderer);
    if (a->window)
        SDL_DestroyWindow(a->window);
    a->ui = NULL;
    a->renderer = NULL;
    a->window = NULL;
    SDL_Quit();
}

/* Tracks the drawable size (pixels) against the window size (points) so
 * pointer coordinates map onto the layout on high-DPI screens. */
static void update_size(struct app *a)
{
    int pw, ph, ww, wh;
    if (SDL_GetRendererOutputSize(a->renderer, &pw, &ph) != 0)
        return;
    SDL_GetWindowSize(a->window, &ww, &wh);
    a->scale_x = ww > 0 ? (float)pw / (float)ww : 1.0f;
    a->scale_y = wh > 0 ? (float)ph / (float)wh : 1.0f;
    if (pw != a->out_w || ph != a->out_h || a->layout.w != pw
        || a->layout.h != ph) {
        a->out_w = pw;
        a->out_h = ph;
        layout_compute(&a->layout, pw, ph);
        a->dirty = true;
    }
}

static void draw(struct app *a)
{
    struct view v;
    app_view(a, &v);
    ui_draw(a->ui, &v, a->out_w, a->out_h);
    SDL_RenderPresent(a->renderer);
    a->dirty = false;
    a->frames++;
}

/* When the X server goes away (Xvfb killed, a display server restarting),
 * Xlib prints "X connection ... broken" and calls exit(1) from inside the
 * loop: app_run never returns. This still releases the controllers and
 * says what happened; presets are written atomically, so none is half
 * written. */
static struct app *running;

static void quit_without_display(void)
{
    struct app *a = running;
    if (!a)
        return;
    running = NULL;
    fprintf(stderr, "soundboard: the display went away: quitting "
            "(saved presets are untouched)\n");
    if (a->midi_started)
        controllers_free(&a->midi);
    a->midi_started = false;
}

bool app_open_window(struct app *a)
{
    if (!open_window(a)) {
        close_window(a);
        return false;
    }
    update_size(a);
    return true;
}

void app_close_window(struct app *a)
{
    close_window(a);
}

void app_loop_step(struct app *a)
{
    SDL_Event ev;
    if (SDL_WaitEventTimeout(&ev, (int)app_wait_ms(a))) {
        do {
            if (ev.type == SDL_WINDOWEVENT)
                update_size(a);
            app_handle_event(a, &ev);
        } while (!a->quit && SDL_PollEvent(&ev));
    }
    app_tick(a);
    app_send_feedback(a);
    if (a->dirty && !a->quit)
        draw(a);
}

int app_run(struct app *a)
{
    static bool hooked;
    if (!hooked)
        hooked = atexit(quit_without_display) == 0;
    running = a;
    if (!app_open_window(a)) {
        running = NULL;
        return 1;
    }
    while (!a->quit)
        app_loop_step(a);
    running = NULL;
    close_window(a);
    return 0;
}
