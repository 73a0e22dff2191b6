/* damage: what of the last frame must be drawn again (damage.h).
 *
 * A fader moving is what a workshop does most, and at 3840x2160 a whole
 * frame on SDL's software renderer costs several full-screen fills. When
 * only faders moved, the frame is drawn again inside the rectangles that
 * can differ, and nowhere else:
 *   - a value changed: its cap where it was and where it is now;
 *   - a zone changed: that strip's zone word and readout and the bridge
 *     (the habits the mix calls on); the panel too when it was the focused
 *     element's zone (the panel reads nothing else of the faders).
 * Everything else a frame shows goes into one key (frame_key); when the
 * key differs, the whole frame is drawn. So a part that reads something
 * new from the view must hash it there, or a partial frame would miss it:
 * tests/render/test_damage.c compares partial frames with whole ones,
 * pixel for pixel, to catch exactly that. */
#include "damage.h"

#include <string.h>

#include "fnv1a.h"

static uint64_t hash_str(uint64_t h, const char *s)
{
    uint8_t present = s != NULL;
    h = fnv1a(h, &present, 1);
    return s ? fnv1a_str(h, s) : h;
}

#define HASH(h, x) fnv1a((h), &(x), sizeof(x))

uint64_t frame_key(const struct view *v)
{
    uint64_t h = FNV1A_INIT;
    const void *ptrs[] = {v->board, v->content, v->arc};
    h = fnv1a(h, ptrs, sizeof ptrs);
    h = HASH(h, v->theme);
    h = HASH(h, v->overlay);
    h = HASH(h, v->controller_connected);
    h = hash_str(h, v->controller_name);
    h = hash_str(h, v->preset_name);
    h = hash_str(h, v->preset_notes);
    h = HASH(h, v->preset_modified);
    h = hash_str(h, v->notice);
    h = fnv1a(h, v->ghost_visible, sizeof v->ghost_visible);
    h = fnv1a(h, v->ghost_value, sizeof v->ghost_value);
    h = HASH(h, v->learning);
    h = HASH(h, v->learn_element);
    h = hash_str(h, v->learn_heard);
    h = HASH(h, v->help_count);
    h = HASH(h, v->arc_step);
    h = HASH(h, v->arc_playing);
    h = HASH(h, v->arc_recording);
    if (v->board)
        h = HASH(h, v->board->focus);
    if (v->arc) {
        h = hash_str(h, v->arc->name);
        h = HASH(h, v->arc->count);
        for (int k = 0; k < v->arc->count && k < ARC_STEPS_MAX; k++) {
            h = hash_str(h, v->arc->step[k].label);
            h = hash_str(h, v->arc->step[k].note);
            h = fnv1a(h, v->arc->step[k].value,
                      sizeof v->arc->step[k].value);
        }
    }
    return h;
}

static SDL_Rect to_sdl(struct layout_rect r)
{
    SDL_Rect s = {r.x, r.y, r.w, r.h};
    return s;
}

/* Adds r, merging it with any rectangle it touches: a pixel in two
 * rectangles would be blended twice by a translucent fill. False when
 * there is no room (draw everything). */
static bool add(struct ui *ui, SDL_Rect r)
{
    SDL_Rect frame = {0, 0, ui->layout.w, ui->layout.h};
    if (!SDL_IntersectRect(&r, &frame, &r))
        return true;
    for (int i = 0; i < ui->damage_count;) {
        if (SDL_HasIntersection(&r, &ui->damage[i])) {
            SDL_UnionRect(&r, &ui->damage[i], &r);
            ui->damage[i] = ui->damage[--ui->damage_count];
            i = 0; /* the union may now touch one seen before */
        } else {
            i++;
        }
    }
    if (ui->damage_count == UI_DAMAGE_MAX)
        return false;
    ui->damage[ui->damage_count++] = r;
    return true;
}

/* The cap at value, with a line around it for its outline's rounding. */
static SDL_Rect cap_area(const struct layout *l, int e, int value)
{
    SDL_Rect r = to_sdl(layout_cap_rect(l, e, value));
    int m = l->line > 0 ? l->line : 1;
    r.x -= m;
    r.y -= m;
    r.w += 2 * m;
    r.h += 2 * m;
    return r;
}

static bool plan(struct ui *ui, const struct view *v, uint64_t key);

bool damage_plan(struct ui *ui, const struct view *v, uint64_t key)
{
    if (plan(ui, v, key))
        return true;
    ui->damage_count = 0; /* the whole frame: the primitives cut nothing */
    return false;
}

static bool plan(struct ui *ui, const struct view *v, uint64_t key)
{
    const struct ui_frame *f = &ui->last;
    const struct layout *l = &ui->layout;
    ui->damage_count = 0;
    if (!ui->retained || !f->valid || !v->board || !v->content
        || f->key != key || f->w != l->w || f->h != l->h
        || f->steps != l->timeline_steps || v->overlay != OVERLAY_NONE)
        return false;
    bool zones = false;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        int was = f->value[e], now = v->board->value[e];
        if (was != now && (!add(ui, cap_area(l, e, was))
                           || !add(ui, cap_area(l, e, now))))
            return false;
        if (f->zone[e] == v->board->zone[e])
            continue;
        zones = true;
        const struct layout_strip *st = &l->strip[e];
        if (!add(ui, to_sdl(st->zone_word)) || !add(ui, to_sdl(st->readout)))
            return false;
    }
    int fz = v->board->focus;
    bool focused_zone = fz >= 0 && fz < BOARD_ELEMENTS
                        && f->zone[fz] != v->board->zone[fz];
    if (zones && !add(ui, to_sdl(l->bridge)))
        return false;
    if (focused_zone && !add(ui, to_sdl(l->panel)))
        return false;
    return true;
}

void damage_remember(struct ui *ui, const struct view *v, uint64_t key)
{
    struct ui_frame *f = &ui->last;
    f->valid = ui->retained && v->board != NULL;
    f->key = key;
    f->w = ui->layout.w;
    f->h = ui->layout.h;
    f->steps = ui->layout.timeline_steps;
    if (v->board) {
        memcpy(f->value, v->board->value, sizeof f->value);
        memcpy(f->zone, v->board->zone, sizeof f->zone);
    }
}
