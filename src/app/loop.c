/* loop: the window, the renderer and the event loop.
 *
 * The loop sleeps in SDL_WaitEvent until an event arrives: a key, the
 * window, or the waker's (waker.h) when a MIDI descriptor is readable. It
 * sets a timeout only when something is due (a glide's step, a notice's
 * end, a backend that cannot wake it), and draws only when something
 * changed: an idle board is asleep, with no timer. */
#include <SDL.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "latency.h"
#include "render.h"
#include "renderer_pick.h"
#include "seq_watch.h"
#include "str.h"
#include "waker.h"

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

/* ---- The renderer (renderer_pick.h decides) ----------------------------- */

/* A GPU device node: without one, no accelerated renderer is real. */
static bool gpu_device(void)
{
    if (access("/dev/nvidia0", F_OK) == 0)
        return true;
    DIR *d = opendir("/dev/dri");
    bool found = false;
    if (!d)
        return false;
    for (struct dirent *e; !found && (e = readdir(d));)
        found = strncmp(e->d_name, "renderD", 7) == 0
                || strncmp(e->d_name, "card", 4) == 0;
    closedir(d);
    return found;
}

static void drop_renderer(struct app *a)
{
    if (a->ui)
        ui_destroy(a->ui);
    if (a->renderer)
        SDL_DestroyRenderer(a->renderer);
    a->ui = NULL;
    a->renderer = NULL;
}

static bool make_renderer(struct app *a, bool accelerated)
{
    drop_renderer(a);
    if (!accelerated)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    a->renderer = SDL_CreateRenderer(
        a->window, -1, accelerated ? SDL_RENDERER_ACCELERATED
                                         | SDL_RENDERER_PRESENTVSYNC
                                   : SDL_RENDERER_SOFTWARE);
    if (!a->renderer)
        return false;
    char err[256];
    a->ui = ui_create(a->renderer, err, sizeof err);
    if (!a->ui) {
        fprintf(stderr, "soundboard: %s\n", err);
        return false;
    }
    /* SDL's software renderer draws into the window's own surface, which
     * keeps its pixels between frames: a moved fader then redraws only
     * what changed. An accelerated back buffer is undefined after a
     * present, so it is always drawn whole. */
    SDL_RendererInfo info;
    a->partial_present = !accelerated
                         && SDL_GetRendererInfo(a->renderer, &info) == 0
                         && strcmp(info.name, "software") == 0;
    ui_keep_frames(a->ui, a->partial_present);
    return true;
}

/* Two frames of the board, not presented: the second one's cost. */
static double measure_frame_ms(struct app *a, int w, int h)
{
    struct view v;
    app_view(a, &v);
    double ms = 0;
    for (int i = 0; i < 2; i++) {
        Uint64 t0 = SDL_GetPerformanceCounter();
        ui_draw(a->ui, &v, w, h);
        SDL_RenderFlush(a->renderer);
        ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0
             / (double)SDL_GetPerformanceFrequency();
    }
    return ms;
}

static const char *gl_renderer_string(const char *sdl_name)
{
    if (!sdl_name || strncmp(sdl_name, "opengl", 6) != 0)
        return "";
    typedef const unsigned char *(*get_string_fn)(unsigned int);
    get_string_fn get = (get_string_fn)(uintptr_t)SDL_GL_GetProcAddress(
        "glGetString");
    const unsigned char *s = get ? get(0x1F01 /* GL_RENDERER */) : NULL;
    return s ? (const char *)s : "";
}

/* Creates a->renderer and a->ui as --renderer asks; the choice and its
 * reason go into a->renderer_name. */
static bool create_renderer(struct app *a)
{
    struct renderer_facts f = {.asked = a->cfg.renderer,
                               .asked_in_settings = !a->cfg.renderer_given,
                               .gpu_device = gpu_device(),
                               .software_frame_ms = -1};
    SDL_GetWindowSizeInPixels(a->window, &f.width, &f.height);
    char why[160];
    char accel_name[64] = "", gl[128] = "";
    for (;;) {
        switch (renderer_pick(&f, why, sizeof why)) {
        case RENDERER_MEASURE_SOFTWARE:
            if (!make_renderer(a, false))
                goto failed;
            f.software_frame_ms = measure_frame_ms(a, f.width, f.height);
            continue;
        case RENDERER_PROBE_ACCELERATED:
            f.accel_probed = true;
            if (make_renderer(a, true)) {
                SDL_RendererInfo info;
                if (SDL_GetRendererInfo(a->renderer, &info) == 0)
                    snprintf(accel_name, sizeof accel_name, "%s", info.name);
                snprintf(gl, sizeof gl, "%s", gl_renderer_string(accel_name));
            }
            f.accel_name = accel_name;
            f.gl_renderer = gl;
            continue;
        case RENDERER_USE_ACCELERATED:
            if (a->renderer && a->ui && accel_name[0]) {
                snprintf(a->renderer_name, sizeof a->renderer_name, "%s",
                         why);
                return true;
            }
            if (make_renderer(a, true)) {
                SDL_RendererInfo info;
                if (SDL_GetRendererInfo(a->renderer, &info) == 0)
                    snprintf(accel_name, sizeof accel_name, "%s", info.name);
                snprintf(a->renderer_name, sizeof a->renderer_name,
                         "%s: %s %s", why, accel_name,
                         gl_renderer_string(accel_name));
                return true;
            }
            fprintf(stderr, "soundboard: no accelerated renderer (%s): "
                    "drawing in software\n", SDL_GetError());
            snprintf(why, sizeof why, "software (no accelerated renderer)");
            /* fall through */
        case RENDERER_USE_SOFTWARE:
            if (a->renderer && a->ui && !accel_name[0]) {
                snprintf(a->renderer_name, sizeof a->renderer_name, "%s",
                         why);
                return true; /* the one that was measured */
            }
            if (!make_renderer(a, false))
                goto failed;
            snprintf(a->renderer_name, sizeof a->renderer_name, "%s", why);
            return true;
        }
    }
failed:
    fprintf(stderr, "soundboard: cannot create a renderer: %s\n",
            SDL_GetError());
    return false;
}

/* ---- The window --------------------------------------------------------- */

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
    return create_renderer(a);
}

static void close_window(struct app *a)
{
    waker_stop(a->waker);
    a->waker = NULL;
    if (a->midi_started)
        a->midi.latency = NULL;
    latency_close(a->latency);
    a->latency = NULL;
    drop_renderer(a);
    if (a->window)
        SDL_DestroyWindow(a->window);
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
    SDL_Rect rects[UI_DAMAGE_RECTS];
    int n = ui_damage(a->ui, rects, UI_DAMAGE_RECTS);
    a->dirty = false;
    if (n == 0)
        return; /* the view changed in nothing the screen shows */
    if (n > 0 && a->partial_present) {
        /* Only the changed rectangles go to the display server. */
        SDL_RenderFlush(a->renderer);
        if (SDL_UpdateWindowSurfaceRects(a->window, rects, n) != 0)
            SDL_RenderPresent(a->renderer);
        a->partial_frames++;
    } else {
        SDL_RenderPresent(a->renderer);
    }
    if (a->latency)
        latency_presented(a->latency);
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
    /* MIDI wakes the loop through the waker's event; without the thread
     * the loop polls (the timeout below). */
    a->wake_event = SDL_RegisterEvents(1);
    if (a->wake_event != (uint32_t)-1)
        a->waker = waker_start(a->wake_event);
    const char *lat = getenv("SOUNDBOARD_LATENCY_LOG");
    if (lat && *lat) {
        a->latency = latency_open(lat);
        if (a->midi_started)
            a->midi.latency = a->latency;
    }
    return true;
}

void app_close_window(struct app *a)
{
    close_window(a);
}

enum { NO_WAKER_POLL_MS = 100 }; /* MIDI with no waker thread */

void app_loop_step(struct app *a)
{
    SDL_Event ev;
    uint32_t ms = app_wait_ms(a);
    if (ms > 0 && a->midi_started) {
        struct midi_wait w;
        controllers_wait(&a->midi, &w);
        if (a->waker)
            waker_arm(a->waker, &w);
        else if (w.count > 0 && ms > NO_WAKER_POLL_MS)
            ms = NO_WAKER_POLL_MS;
    }
    int timeout = ms == APP_WAIT_FOREVER ? -1 : (int)ms;
    if (timeout < 0 && a->wait_cap_ms)
        timeout = (int)a->wait_cap_ms;
    bool got = SDL_WaitEventTimeout(&ev, timeout);
    a->wakeups++;
    if (!got && ms != APP_WAIT_FOREVER && ms > 0)
        a->timed_wakeups++;
    if (got) {
        do {
            if (ev.type == SDL_WINDOWEVENT) {
                ui_forget_frame(a->ui); /* exposed, resized, moved */
                update_size(a);
            }
            if (ev.type != a->wake_event)
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

int app_print_diagnostics(struct app *a, FILE *out)
{
    SDL_version v;
    SDL_GetVersion(&v);
    fprintf(out, "SDL: %d.%d.%d\n", v.major, v.minor, v.patch);
    struct seq_watch *w = seq_watch_open();
    fprintf(out, "midi hot-plug: %s\n",
            seq_watch_mode_name(seq_watch_mode(w)));
    seq_watch_close(w);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(out, "video: none (%s)\n", SDL_GetError());
        return 1;
    }
    fprintf(out, "video driver: %s\n", SDL_GetCurrentVideoDriver());
    a->window = SDL_CreateWindow("soundboard", SDL_WINDOWPOS_UNDEFINED,
                                 SDL_WINDOWPOS_UNDEFINED, a->cfg.width,
                                 a->cfg.height, SDL_WINDOW_HIDDEN
                                 | SDL_WINDOW_ALLOW_HIGHDPI);
    bool ok = a->window && create_renderer(a);
    if (ok) {
        SDL_RendererInfo info;
        SDL_GetRendererInfo(a->renderer, &info);
        fprintf(out, "renderer: %s [SDL %s] at %dx%d\n", a->renderer_name,
                info.name, a->cfg.width, a->cfg.height);
    } else {
        fprintf(out, "renderer: none (%s)\n", SDL_GetError());
    }
    close_window(a);
    return ok ? 0 : 1;
}
