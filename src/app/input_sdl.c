/* input_sdl: keyboard, mouse and touch for the console. */
#include "input_sdl.h"

#include <stdio.h>
#include <string.h>

enum { WHEEL_STEP = 2 }; /* fader units per wheel notch */

void input_init(struct input *in)
{
    memset(in, 0, sizeof *in);
    for (int i = 0; i < INPUT_POINTERS; i++)
        in->drag[i].element = -1;
}

void input_key_name(const SDL_KeyboardEvent *key, char *out, size_t outlen)
{
    SDL_Keymod m = key->keysym.mod;
    snprintf(out, outlen, "%s%s%s%s", (m & KMOD_CTRL) ? "Ctrl+" : "",
             (m & KMOD_SHIFT) ? "Shift+" : "", (m & KMOD_ALT) ? "Alt+" : "",
             SDL_GetKeyName(key->keysym.sym));
}

static void add(struct input_result *r, struct command cmd)
{
    if (r->count < INPUT_COMMANDS_MAX)
        r->cmd[r->count++] = cmd;
}

static void set_value(struct input_result *r, int element, int value)
{
    add(r, (struct command){.kind = CMD_SET, .element = element,
                            .value = board_clamp(value)});
}

static void on_key(const struct input_ctx *x, const SDL_KeyboardEvent *key,
                   struct input_result *r)
{
    char name[96];
    input_key_name(key, name, sizeof name);
    const char *text = keymap_lookup(x->keys, name);
    if (!text)
        return;
    struct command cmd;
    char err[128];
    if (!command_parse(text, &cmd, err, sizeof err))
        return; /* keys.ini entries were validated at load */
    /* Holding a key repeats moves, not toggles. */
    if (key->repeat && cmd.kind != CMD_NUDGE && cmd.kind != CMD_SELECT)
        return;
    add(r, cmd);
}

static struct input_drag *drag_for(struct input *in, int64_t finger)
{
    for (int i = 0; i < INPUT_POINTERS; i++)
        if (in->drag[i].active && in->drag[i].finger == finger)
            return &in->drag[i];
    return NULL;
}

static struct input_drag *free_drag(struct input *in)
{
    for (int i = 0; i < INPUT_POINTERS; i++)
        if (!in->drag[i].active)
            return &in->drag[i];
    return NULL;
}

/* A press (mouse button or finger) at pixel (x, y). */
static void press(struct input *in, const struct input_ctx *x, int64_t finger,
                  int px, int py, struct input_result *r)
{
    if (x->overlay != OVERLAY_NONE && x->overlay != OVERLAY_PRESETS) {
        /* A tap anywhere closes help or the questions. */
        r->close_overlay = true;
        return;
    }
    const struct layout *l = x->layout;
    const int *value = x->board->value;
    struct layout_hit hit;
    layout_hit(l, value, px, py, &hit);
    switch (hit.kind) {
    case LAYOUT_HIT_CAP:
    case LAYOUT_HIT_TRACK: {
        struct input_drag *d = free_drag(in);
        if (!d)
            return;
        *d = (struct input_drag){.active = true, .finger = finger,
                                 .element = hit.element};
        if (hit.kind == LAYOUT_HIT_CAP) {
            /* Keep the grab point under the pointer: no jump on press. */
            struct layout_rect cap = layout_cap_rect(l, hit.element,
                                                     value[hit.element]);
            d->grab_offset = py - (cap.y + cap.h / 2);
        } else {
            set_value(r, hit.element, layout_value_at(l, hit.element, py));
        }
        r->focus = hit.element;
        break;
    }
    case LAYOUT_HIT_ZONE: {
        int e = hit.element >= 0 ? hit.element : x->board->focus;
        set_value(r, e, zone_centre((enum zone)hit.zone));
        break;
    }
    case LAYOUT_HIT_STRIP:
        r->focus = hit.element;
        break;
    default:
        break;
    }
}

static void move(struct input *in, const struct input_ctx *x, int64_t finger,
                 int py, struct input_result *r)
{
    struct input_drag *d = drag_for(in, finger);
    if (d)
        set_value(r, d->element,
                  layout_value_at(x->layout, d->element, py - d->grab_offset));
}

static void release(struct input *in, int64_t finger)
{
    struct input_drag *d = drag_for(in, finger);
    if (d)
        d->active = false;
}

static void wheel(const struct input_ctx *x, int dy, struct input_result *r)
{
    int mx, my;
    SDL_GetMouseState(&mx, &my);
    struct layout_hit hit;
    layout_hit(x->layout, x->board->value, (int)(mx * x->scale_x),
               (int)(my * x->scale_y), &hit);
    int e = hit.element >= 0 ? hit.element : x->board->focus;
    set_value(r, e, x->board->value[e] + dy * WHEEL_STEP);
}

void input_translate(struct input *in, const struct input_ctx *x,
                     const SDL_Event *ev, struct input_result *r)
{
    memset(r, 0, sizeof *r);
    r->focus = -1;
    switch (ev->type) {
    case SDL_QUIT:
        r->quit = true;
        break;
    case SDL_KEYDOWN:
        on_key(x, &ev->key, r);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.which != SDL_TOUCH_MOUSEID
            && ev->button.button == SDL_BUTTON_LEFT)
            press(in, x, -1, (int)(ev->button.x * x->scale_x),
                  (int)(ev->button.y * x->scale_y), r);
        break;
    case SDL_MOUSEMOTION:
        if (ev->motion.which != SDL_TOUCH_MOUSEID)
            move(in, x, -1, (int)(ev->motion.y * x->scale_y), r);
        break;
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which != SDL_TOUCH_MOUSEID
            && ev->button.button == SDL_BUTTON_LEFT)
            release(in, -1);
        break;
    case SDL_MOUSEWHEEL:
        if (ev->wheel.which != SDL_TOUCH_MOUSEID && ev->wheel.y != 0)
            wheel(x, ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED
                         ? -ev->wheel.y : ev->wheel.y, r);
        break;
    /* Fingers carry 0..1 coordinates of the window; each finger drags its
     * own fader, so two hands can move two strips on a whiteboard. */
    case SDL_FINGERDOWN:
        press(in, x, (int64_t)ev->tfinger.fingerId,
              (int)(ev->tfinger.x * x->out_w), (int)(ev->tfinger.y * x->out_h),
              r);
        break;
    case SDL_FINGERMOTION:
        move(in, x, (int64_t)ev->tfinger.fingerId,
             (int)(ev->tfinger.y * x->out_h), r);
        break;
    case SDL_FINGERUP:
        release(in, (int64_t)ev->tfinger.fingerId);
        break;
    case SDL_WINDOWEVENT:
        r->redraw = true; /* resized, exposed, restored: redraw */
        break;
    default:
        break;
    }
}
