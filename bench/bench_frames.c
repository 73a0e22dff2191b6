/* bench_frames: what one frame of the real board costs on SDL's software
 * renderer (the default path), at 1280x720, 1920x1080 and 3840x2160, on
 * a target that keeps its pixels as the window's surface does (so only
 * what changed is drawn, src/ui/damage.c):
 *   whole   the whole frame (as after a resize, an overlay, a theme);
 *   steady  the same view again (nothing changed: nothing is drawn);
 *   one     one fader moving;
 *   moving  all seven faders moving (each set to a new value before each
 *           frame, as eight faders swept at once would);
 *   arc     the same with the first factory arc open (its timeline under
 *           the faders), as while an arc glides from step to step.
 * A frame is ui_draw plus the renderer's flush into a surface the size of
 * the window; the window's own present (a copy to the X server) is not in
 * it. Prints one line per size and kind:
 *   frames WxH KIND median_ms p99_ms rasterized_per_frame
 *   usage: bench_frames [FRAMES [KIND [WIDTH]]]   (SOUNDBOARD_DATA_DIR or
 *   the build's data are used like the program does; KIND and WIDTH pick
 *   one row, for a profiler) */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "options.h"
#include "render.h"

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

enum kind { WHOLE, STEADY, ONE, MOVING, ARC };
static const char *const kind_name[] = {"whole", "steady", "one", "moving",
                                        "arc"};

static void run(struct app *a, int w, int h, int frames, enum kind kind)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
        0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    char err[256] = "";
    struct ui *ui = ren ? ui_create(ren, err, sizeof err) : NULL;
    if (!ui) {
        printf("bench_frames: no renderer at %dx%d (%s)\n", w, h, err);
        return;
    }
    ui_keep_frames(ui, true);
    layout_compute(&a->layout, w, h);
    double *ms = calloc((size_t)frames, sizeof *ms);
    struct view v;
    /* Warm-up: a whole sweep, so the text cache holds what a session's
     * first minute would have put in it. */
    for (int i = 0; i < 101; i++) {
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            board_set(&a->board, e, (i + e * 13) % 101);
        app_view(a, &v);
        ui_draw(ui, &v, w, h);
    }
    unsigned long rast = ui_rasterized(ui);
    for (int i = 0; i < frames; i++) {
        if (kind == MOVING || kind == ARC)
            for (int e = 0; e < BOARD_ELEMENTS; e++)
                board_set(&a->board, e, (i * 3 + e * 13) % 101);
        if (kind == ONE)
            board_set(&a->board, 0, (i * 3) % 101);
        if (kind == WHOLE)
            ui_forget_frame(ui);
        Uint64 t0 = SDL_GetPerformanceCounter();
        app_view(a, &v);
        ui_draw(ui, &v, w, h);
        SDL_RenderFlush(ren);
        ms[i] = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0
                / (double)SDL_GetPerformanceFrequency();
    }
    qsort(ms, (size_t)frames, sizeof *ms, cmp);
    printf("frames %dx%d %s %.2f %.2f %.2f\n", w, h,
           kind_name[kind], ms[frames / 2],
           ms[(frames * 99) / 100], (double)(ui_rasterized(ui) - rast)
           / frames);
    free(ms);
    ui_destroy(ui);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

int main(int argc, char **argv)
{
    int frames = argc > 1 ? atoi(argv[1]) : 200;
    if (frames < 10)
        frames = 10;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    static struct app a;
    struct options o;
    char err[256];
    char *args[] = {"soundboard"};
    if (!options_parse(&o, 1, args, err, sizeof err))
        return 1;
    struct app_config cfg;
    options_app_config(&o, &cfg);
    if (!app_init(&a, &cfg))
        return 1;
    /* The same program with an arc open, for the "arc" rows. */
    static struct app with_arc;
    char arc_path[4096];
    const char *data = getenv("SOUNDBOARD_DATA_DIR");
    snprintf(arc_path, sizeof arc_path, "%s/assets/arcs/%s",
             data ? data : ".", "1-argument-grade8-ten-weeks.ini");
    char *arc_args[] = {"soundboard", "--arc", arc_path};
    if (!options_parse(&o, 3, arc_args, err, sizeof err))
        return 1;
    options_app_config(&o, &cfg);
    if (!app_init(&with_arc, &cfg) || !with_arc.arc.open) {
        fprintf(stderr, "bench_frames: cannot open %s\n", arc_path);
        return 1;
    }
    const char *only_kind = argc > 2 ? argv[2] : NULL;
    int only_width = argc > 3 ? atoi(argv[3]) : 0;
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    for (int s = 0; s < 3; s++) {
        if (only_width && sizes[s][0] != only_width)
            continue;
        for (int k = WHOLE; k <= ARC; k++)
            if (!only_kind || strcmp(only_kind, kind_name[k]) == 0)
                run(k == ARC ? &with_arc : &a, sizes[s][0], sizes[s][1],
                    frames, (enum kind)k);
    }
    app_free(&with_arc);
    app_free(&a);
    return 0;
}
