/* bench_soak: pushes N MIDI messages (argument; default 10 million),
 * realistic (fader sweeps on every control kind, Mackie pitch bend, SysEx,
 * running status, buttons) and random, through the whole core path
 * (surface + board + feedback), saving the board as a preset through the
 * app's preset store (an atomic file write into a fresh temporary folder,
 * ten names in turn, each overwritten) and recalling it from what was
 * read back from disk every K messages (second argument; default 10000),
 * and drawing a
 * 1280x720 frame of the real console with SDL's software renderer every F
 * messages (third argument; default 100000; 0: no frames; content from
 * $SOUNDBOARD_SOURCE_DIR/assets/content or ./assets/content). Measures
 * resident memory (/proc/self/statm) after warm-up and at the end; exits 1
 * if it grew by more than 1 MB or an invariant broke. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "board.h"
#include "content.h"
#include "data_load.h"
#include "preset.h"
#include "preset_store.h"
#include "profile.h"
#include "render.h"
#include "surface.h"
#include "view.h"

static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
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

/* A preset store whose user folder is a new temporary folder. */
static bool open_store(struct preset_store *store, struct paths *p)
{
    const char *root = getenv("SOUNDBOARD_SOURCE_DIR");
    char tmpl[] = "/tmp/bench_soak.XXXXXX";
    if (!mkdtemp(tmpl)) {
        perror("bench_soak: mkdtemp");
        return false;
    }
    snprintf(p->data, sizeof p->data, "%s", root ? root : ".");
    snprintf(p->user_data, sizeof p->user_data, "%s", tmpl);
    preset_store_init(store, p);
    preset_store_load(store, NULL);
    return true;
}

/* Deletes the presets the soak wrote and its temporary folders. */
static void close_store(struct preset_store *store, const struct paths *p)
{
    char err[256];
    for (int i = 0; i < 10; i++) {
        char name[32];
        snprintf(name, sizeof name, "Soak %d", i);
        if (preset_store_find_user(store, name))
            preset_store_delete(store, name, err, sizeof err);
    }
    preset_store_free(store);
    rmdir(store->user_dir);
    rmdir(p->user_data);
}

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void make_profile(struct profile *p, int variant)
{
    static const enum profile_ctl_kind kinds[] = {
        PROFILE_CTL_CC, PROFILE_CTL_CC14, PROFILE_CTL_PITCH_BEND,
        PROFILE_CTL_REL_TWOS, PROFILE_CTL_REL_OFFSET,
        PROFILE_CTL_REL_SIGNED, PROFILE_CTL_NRPN};
    profile_init(p);
    snprintf(p->id, sizeof p->id, "soak");
    p->motorized = variant & 1;
    p->feedback_faders = true;
    p->mackie_lcd = variant & 1;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        p->element[e].kind = kinds[(e + variant) % 7];
        p->element[e].channel = e;
        p->element[e].number = e;
    }
}

/* Writes one message for message index i into out; returns its length. */
static size_t make_msg(uint64_t i, uint64_t *rng, uint8_t *out)
{
    uint64_t r = rng_next(rng);
    int e = (int)(i % BOARD_ELEMENTS);
    switch (r % 8) {
    case 0: /* random bytes */
        for (int k = 0; k < 3; k++)
            out[k] = (uint8_t)(rng_next(rng) & 0xFF);
        return 3;
    case 1: /* pitch bend sweep */
        out[0] = (uint8_t)(0xE0 | e);
        out[1] = (uint8_t)(i & 0x7F);
        out[2] = (uint8_t)((i >> 7) & 0x7F);
        return 3;
    case 2: /* short SysEx */
        out[0] = 0xF0; out[1] = 0; out[2] = 0; out[3] = 0x66;
        out[4] = 0x14; out[5] = 0x12; out[6] = (uint8_t)(i & 0x7F);
        out[7] = 0xF7;
        return 8;
    case 3: /* running-status data */
        out[0] = (uint8_t)(i & 0x7F);
        out[1] = (uint8_t)((i >> 3) & 0x7F);
        return 2;
    case 4: /* note (buttons, touch) */
        out[0] = (uint8_t)(0x90 | (r >> 8 & 15));
        out[1] = (uint8_t)(r >> 16 & 0x7F);
        out[2] = (uint8_t)(r >> 24 & 0x7F);
        return 3;
    default: /* CC sweep on the element's channel and number */
        out[0] = (uint8_t)(0xB0 | e);
        out[1] = (uint8_t)(((r >> 8) & 1) ? e : e + 32);
        out[2] = (uint8_t)((i / 7) & 0x7F);
        return 3;
    }
}

int main(int argc, char **argv)
{
    uint64_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 10000000ULL;
    uint64_t k = argc > 2 ? strtoull(argv[2], NULL, 10) : 10000ULL;
    uint64_t fe = argc > 3 ? strtoull(argv[3], NULL, 10) : 100000ULL;
    static struct content content;
    SDL_Surface *surf = NULL;
    SDL_Renderer *ren = NULL;
    struct ui *ui = NULL;
    struct view view;
    uint64_t frames = 0;
    static struct profile prof[2];
    static struct preset p;
    static struct preset_store store;
    static struct paths paths;
    struct surface s[2];
    struct board b;
    struct surface_result r;
    uint8_t msg[16], fb[1024];
    uint64_t rng = 0x9E3779B97F4A7C15ULL, presets = 0;
    uint64_t warm = n / 10;
    long rss_warm = -1;
    struct timespec t0, t1;

    if (k == 0)
        k = 1;
    if (!open_store(&store, &paths))
        return 1;
    make_profile(&prof[0], 0);
    make_profile(&prof[1], 3);
    board_init(&b);
    surface_init(&s[0], &prof[0]);
    surface_init(&s[1], &prof[1]);
    memset(&view, 0, sizeof view);
    view.board = &b;
    if (fe > 0) {
        char err[256] = "";
        if (!load_content(&content))
            return 1;
        view.content = &content;
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
        surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32,
                                              SDL_PIXELFORMAT_ARGB8888);
        ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
        ui = ren ? ui_create(ren, err, sizeof err) : NULL;
        if (!ui) {
            fprintf(stderr, "bench_soak: no renderer: %s %s\n", err,
                    SDL_GetError());
            return 1;
        }
    }
    /* Warm-up: every value 0..100 on every strip drawn (fills the text
     * and glyph caches to their working size), then RSS is the baseline. */
    for (int j = 0; ui && j < 303; j++) {
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            board_set(&b, e, (j + e * 13) % 101);
        b.focus = j % BOARD_ELEMENTS;
        ui_draw(ui, &view, 1280, 720);
        SDL_RenderFlush(ren);
    }
    board_init(&b);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (uint64_t i = 0; i < n; i++) {
        struct surface *cur = &s[(i / 100000) & 1];
        size_t len = make_msg(i, &rng, msg);
        surface_feed(cur, msg, len, (int64_t)(i / 1000), &b, &r);
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            if (b.value[e] < 0 || b.value[e] > 100) {
                fprintf(stderr, "bench_soak: value out of range\n");
                return 1;
            }
        }
        if (i % 64 == 0)
            (void)surface_feedback(cur, &b, NULL, NULL, false, fb,
                                   sizeof fb);
        if (i % k == 0) {
            preset_init(&p);
            snprintf(p.name, sizeof p.name, "Soak %llu",
                     (unsigned long long)(i / k % 10));
            memcpy(p.value, b.value, sizeof p.value);
            p.slot = (int)(i / k % 10);
            char err[256];
            if (!preset_store_save(&store, &p, true, NULL, err, sizeof err)) {
                fprintf(stderr, "bench_soak: saving failed: %s\n", err);
                return 1;
            }
            /* The store re-read its folder: this is what is on disk. */
            const struct preset_entry *e =
                preset_store_find_user(&store, p.name);
            if (!e || memcmp(e->preset.value, p.value, sizeof p.value)) {
                fprintf(stderr, "bench_soak: preset read back differs\n");
                return 1;
            }
            memcpy(b.value, e->preset.value, sizeof b.value); /* a recall */
            surface_board_moved(cur, &b);
            presets++;
        }
        if (ui && i % fe == 0) {
            ui_draw(ui, &view, 1280, 720);
            SDL_RenderFlush(ren);
            frames++;
        }
        if (i == warm)
            rss_warm = rss_kib();
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long rss_end = rss_kib();
    close_store(&store, &paths);
    double secs = (double)(t1.tv_sec - t0.tv_sec) +
                  (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("bench_soak: %llu messages, %llu presets saved and read back, "
           "%llu frames, "
           "%.1f s, RSS after warm-up %ld KiB, at end %ld KiB\n",
           (unsigned long long)n, (unsigned long long)presets,
           (unsigned long long)frames, secs,
           rss_warm, rss_end);
    if (ui) {
        ui_destroy(ui);
        SDL_DestroyRenderer(ren);
        SDL_FreeSurface(surf);
        content_free(&content);
    }
    if (rss_warm >= 0 && rss_end - rss_warm > 1024) {
        fprintf(stderr, "bench_soak: RSS grew by %ld KiB (> 1 MB)\n",
                rss_end - rss_warm);
        return 1;
    }
    return 0;
}
