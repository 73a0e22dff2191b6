/* bench_decode: MIDI messages per second through the surface (decoder +
 * mapping + takeover + board) for three streams: 7-bit CC fader sweeps
 * (nanoKONTROL2-like), Mackie pitch bend with running status, and CCs with
 * a real-time clock byte between every message; then the cost of an idle
 * frame (same view redrawn, 1280x720, SDL software renderer) when the
 * content files are found ($SOUNDBOARD_SOURCE_DIR/assets/content or
 * ./assets/content). Argument: messages per stream (default 5 million). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "board.h"
#include "content.h"
#include "data_load.h"
#include "profile.h"
#include "render.h"
#include "surface.h"
#include "view.h"

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Builds a stream of n messages of one style into a malloc'd buffer. */
static uint8_t *make_stream(int style, size_t n, size_t *len)
{
    uint8_t *buf = malloc(n * 4 + 4);
    size_t o = 0;
    if (!buf)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        int e = (int)(i % BOARD_ELEMENTS);
        int v = (int)((i / BOARD_ELEMENTS) % 128);
        switch (style) {
        case 0:
            buf[o++] = 0xB0;
            buf[o++] = (uint8_t)e;
            buf[o++] = (uint8_t)v;
            break;
        case 1: /* pitch bend on channel 1, running status */
            if (i == 0)
                buf[o++] = 0xE0;
            buf[o++] = (uint8_t)(i & 0x7F);
            buf[o++] = (uint8_t)((i >> 7) & 0x7F);
            break;
        default:
            buf[o++] = 0xB0;
            buf[o++] = (uint8_t)e;
            buf[o++] = 0xF8;
            buf[o++] = (uint8_t)v;
            break;
        }
    }
    *len = o;
    return buf;
}

static void profile_for(struct profile *p, int style)
{
    profile_init(p);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        p->element[e].kind = style == 1 ? PROFILE_CTL_PITCH_BEND
                                        : PROFILE_CTL_CC;
        p->element[e].channel = style == 1 ? e : PROFILE_ANY_CHANNEL;
        p->element[e].number = e;
    }
}

/* The shipped content, read by the app's own loader from the source tree
 * ($SOUNDBOARD_SOURCE_DIR, else the current folder). */
static bool load_content(struct content *c)
{
    const char *root = getenv("SOUNDBOARD_SOURCE_DIR");
    struct paths p = {0};
    snprintf(p.data, sizeof p.data, "%s", root ? root : ".");
    return data_load_content(&p, c, stderr);
}

int main(int argc, char **argv)
{
    static const char *const names[3] = {"cc sweeps", "pitch bend (running"
                                         " status)", "cc + clock bytes"};
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 5000000UL;
    static struct profile p;
    struct surface s;
    struct board b;
    struct surface_result r;

    for (int style = 0; style < 3; style++) {
        size_t len = 0;
        uint8_t *buf = make_stream(style, n, &len);
        if (!buf)
            return 1;
        profile_for(&p, style);
        board_init(&b);
        surface_init(&s, &p);
        unsigned long msgs = 0;
        double t0 = now_s();
        for (size_t o = 0; o < len; o += 3000) { /* port-sized reads */
            size_t chunk = len - o < 3000 ? len - o : 3000;
            surface_feed(&s, buf + o, chunk, 0, &b, &r);
            msgs += r.messages;
        }
        double dt = now_s() - t0;
        printf("bench_decode: %-32s %lu messages in %.3f s: %.1f M/s\n",
               names[style], msgs, dt, (double)msgs / dt / 1e6);
        free(buf);
    }

    static struct content content;
    if (!load_content(&content)) {
        printf("bench_decode: no content files: idle frame not measured\n");
        return 0;
    }
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
        0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    char err[256] = "";
    struct ui *ui = ren ? ui_create(ren, err, sizeof err) : NULL;
    if (!ui) {
        printf("bench_decode: no renderer (%s): idle frame not measured\n",
               err);
        return 0;
    }
    struct view v;
    memset(&v, 0, sizeof v);
    board_init(&b);
    v.board = &b;
    v.content = &content;
    for (int i = 0; i < 10; i++)
        ui_draw(ui, &v, 1280, 720);
    const int frames = 200;
    unsigned long rast = ui_rasterized(ui);
    double t0 = now_s();
    for (int i = 0; i < frames; i++) {
        ui_draw(ui, &v, 1280, 720);
        SDL_RenderFlush(ren);
    }
    double dt = now_s() - t0;
    printf("bench_decode: idle frame 1280x720 software: %.2f ms "
           "(%d frames, %lu texts rasterized)\n",
           dt * 1000.0 / frames, frames, ui_rasterized(ui) - rast);
    ui_destroy(ui);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    content_free(&content);
    return 0;
}
