/* render: the ui object, the order of a frame's parts, and headless
 * rendering to a surface or PNG. The primitives are in draw.c, each part
 * in its own draw_*.c (parts.h). */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "damage.h"
#include "draw.h"
#include "parts.h"

/* -------------------------------------------------------------- frame */

struct ui *ui_create(SDL_Renderer *r, char *err, size_t errlen)
{
    struct ui *ui = calloc(1, sizeof *ui);
    if (!ui) {
        snprintf(err, errlen, "out of memory for the ui");
        return NULL;
    }
    ui->renderer = r;
    ui->text = text_create(r, err, errlen);
    if (!ui->text) {
        free(ui);
        return NULL;
    }
    return ui;
}

void ui_destroy(struct ui *ui)
{
    if (!ui)
        return;
    text_destroy(ui->text);
    free(ui);
}

unsigned long ui_clipped(const struct ui *ui)
{
    return ui->clipped;
}

unsigned long ui_shortened(const struct ui *ui)
{
    return ui->shortened;
}

const char *ui_last_clipped(const struct ui *ui)
{
    return ui->last_clipped;
}

unsigned long ui_rasterized(const struct ui *ui)
{
    return text_rasterized(ui->text);
}

unsigned long ui_measured(const struct ui *ui)
{
    return text_measured(ui->text);
}

const struct layout *ui_layout(struct ui *ui, int w, int h)
{
    if (!ui->have_layout || ui->layout.w != w || ui->layout.h != h) {
        layout_compute(&ui->layout, w, h);
        ui->have_layout = true;
    }
    return &ui->layout;
}

static void draw_frame(struct ui *ui, const struct view *v);
_Static_assert((int)UI_DAMAGE_MAX == (int)UI_DAMAGE_RECTS, "one size for damage");

void ui_draw(struct ui *ui, const struct view *v, int w, int h)
{
    /* With an arc open, the layout has its timeline. */
    int steps = v->arc ? v->arc->count : 0;
    if (!ui->have_layout || ui->layout.w != w || ui->layout.h != h
        || ui->layout.timeline_steps != steps) {
        layout_compute_arc(&ui->layout, w, h, steps);
        ui->have_layout = true;
    }
    ui->v = v;
    ui->theme = v->theme >= 0 && v->theme < THEME_COUNT ? v->theme : 0;
    uint64_t key = frame_key(v);
    ui->drew_all = !damage_plan(ui, v, key);
    damage_remember(ui, v, key);
    if (!ui->drew_all && ui->damage_count == 0) {
        ui->last_damage_count = 0;
        ui->v = NULL;
        return; /* nothing on screen changed */
    }
    ui->last_damage_count = ui->damage_count;
    memcpy(ui->last_damage, ui->damage, sizeof ui->damage);
    draw_frame(ui, v);
    ui->damage_count = 0;
    ui->v = NULL;
}

void ui_keep_frames(struct ui *ui, bool retained)
{
    ui->retained = retained;
    ui->last.valid = false;
}

void ui_forget_frame(struct ui *ui)
{
    ui->last.valid = false;
}

int ui_damage(const struct ui *ui, SDL_Rect *out, int max)
{
    if (ui->drew_all)
        return -1;
    int n = ui->last_damage_count < max ? ui->last_damage_count : max;
    memcpy(out, ui->last_damage, (size_t)n * sizeof *out);
    return n;
}

/* Every part, in order, over the whole target or (during a partial
 * redraw) inside ui->damage[] only. */
static void draw_frame(struct ui *ui, const struct view *v)
{
    draw_clear(ui);
    if (v->board && v->content) {
        draw_bridge(ui);
        draw_strips(ui);
        if (ui->layout.panel.h > 0) /* 0: the timeline took its place */
            draw_panel(ui);
        draw_timeline(ui);
    }
    draw_status(ui);
    draw_masthead(ui);
    if (v->learning && v->content)
        draw_learn(ui);
    if (v->content) {
        switch (v->overlay) {
        case OVERLAY_HELP:
            draw_overlay_help(ui);
            break;
        case OVERLAY_QUESTIONS:
            draw_overlay_questions(ui);
            break;
        case OVERLAY_PRESETS:
            draw_overlay_presets(ui);
            break;
        case OVERLAY_INTRO:
            draw_overlay_intro(ui);
            break;
        case OVERLAY_MISUNDERSTANDINGS:
            draw_overlay_misunderstandings(ui);
            break;
        case OVERLAY_WHY:
            draw_overlay_why(ui);
            break;
        case OVERLAY_NONE:
        case OVERLAY_COUNT:
            break;
        }
    }
}

/* ---------------------------------------------------------- headless */

SDL_Surface *ui_render_surface(const struct view *v, int w, int h, char *err,
                               size_t errlen)
{
    if (w <= 0 || h <= 0 || w > 16384 || h > 16384) {
        snprintf(err, errlen, "bad screenshot size %dx%d", w, h);
        return NULL;
    }
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        snprintf(err, errlen, "cannot make a %dx%d surface: %s", w, h,
                 SDL_GetError());
        return NULL;
    }
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    if (!r) {
        snprintf(err, errlen, "software renderer: %s", SDL_GetError());
        SDL_FreeSurface(s);
        return NULL;
    }
    struct ui *ui = ui_create(r, err, errlen);
    if (!ui) {
        SDL_DestroyRenderer(r);
        SDL_FreeSurface(s);
        return NULL;
    }
    ui_draw(ui, v, w, h);
    SDL_RenderFlush(r);
    ui_destroy(ui);
    SDL_DestroyRenderer(r);
    return s;
}

/* libpng's simplified writer: libpng is loaded with FreeType anyway, so
 * writing a PNG costs the program no library of its own at start-up (as
 * SDL2_image, with its TIFF, WebP and JPEG libraries, did). */
static bool save_png(SDL_Surface *s, const char *path, char *err,
                     size_t errlen)
{
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32,
                                                 0);
    if (!rgba) {
        snprintf(err, errlen, "%s: cannot write PNG: %s", path,
                 SDL_GetError());
        return false;
    }
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)rgba->w;
    img.height = (png_uint_32)rgba->h;
    img.format = PNG_FORMAT_RGBA;
    bool ok = png_image_write_to_file(&img, path, 0, rgba->pixels,
                                      rgba->pitch, NULL) != 0;
    if (!ok)
        snprintf(err, errlen, "%s: cannot write PNG: %s", path,
                 img.message[0] ? img.message : "write failed");
    png_image_free(&img);
    SDL_FreeSurface(rgba);
    return ok;
}

bool ui_render_png(const struct view *v, int w, int h, const char *png_path,
                   char *err, size_t errlen)
{
    SDL_Surface *s = ui_render_surface(v, w, h, err, errlen);
    if (!s)
        return false;
    bool ok = save_png(s, png_path, err, errlen);
    SDL_FreeSurface(s);
    return ok;
}
