/* input_sdl: keyboard, mouse and touch handling for the console. */
#include "input_sdl.h"

#include <stdio.h>
#include <string.h>

enum { WHEEL_STEP = 2 }; /* fader units per wheel notch */

void input_key_name(const SDL_KeyboardEvent *key, char *out, size_t outlen)
{
    SDL_Keymod m = key->keysym.mod;
    snprintf(out, outlen, "%s%s%s%s", (m & KMOD_CTRL) ? "Ctrl+" : "",
             (m & KMOD_SHIFT) ? "Shift+" : "", (m & KMOD_ALT) ? "Alt+" : "",
             SDL_GetKeyName(key->keysym.sym));
}

static void on_key(struct app *a, const SDL_KeyboardEvent *key)
{
    char name[96];
    input_key_name(key, name, sizeof name);
    const char *text = keymap_lookup(&a->keys, name);
    if (!text)
        return;
    struct command cmd;
    char err[128];
    if (!command_parse(text, &cmd, err, sizeof err))
        return; /* keys.ini entries were validated at load */
    /* Holding a key repeats moves, not toggles. */
    if (key->repeat && cmd.kind != CMD_NUDGE && cmd.kind != CMD_SELECT)
        return;
    app_command(a, &cmd);
}

static struct app_drag *drag_for(struct app *a, int64_t finger)
{
    for (int i = 0; i < APP_POINTERS; i++)
        if (a->drag[i].active && a->drag[i].finger == finger)
            return &a->drag[i];
    return NULL;
}

static struct app_drag *free_drag(struct app *a)
{
    for (int i = 0; i < APP_POINTERS; i++)
        if (!a->drag[i].active)
            return &a->drag[i];
    return NULL;
}

static void set_value(struct app *a, int element, int value)
{
    struct command cmd = {.kind = CMD_SET, .element = element,
                          .value = board_clamp(value)};
    app_command(a, &cmd);
}

/* A press (mouse button or finger) at pixel (x, y). */
static void press(struct app *a, const struct layout *l, int64_t finger,
                  int x, int y)
{
    if (a->overlay != OVERLAY_NONE && a->overlay != OVERLAY_PRESETS) {
        a->overlay = OVERLAY_NONE; /* a tap anywhere closes help/questions */
        a->dirty = true;
        return;
    }
    struct layout_hit hit;
    layout_hit(l, a->board.value, x, y, &hit);
    struct app_drag *d = NULL;
    switch (hit.kind) {
    case LAYOUT_HIT_CAP:
    case LAYOUT_HIT_TRACK:
        d = free_drag(a);
        if (!d)
            return;
        *d = (struct app_drag){.active = true, .finger = finger,
                               .element = hit.element};
        if (hit.kind == LAYOUT_HIT_CAP) {
            /* Keep the grab point under the pointer: no jump on press. */
            struct layout_rect cap = layout_cap_rect(
                l, hit.element, a->board.value[hit.element]);
            d->grab_offset = y - (cap.y + cap.h / 2);
        } else {
            set_value(a, hit.element, layout_value_at(l, hit.element, y));
        }
        if (a->board.focus != hit.element) {
            a->board.focus = hit.element;
            a->dirty = true;
        }
        break;
    case LAYOUT_HIT_ZONE: {
        int e = hit.element >= 0 ? hit.element : a->board.focus;
        set_value(a, e, zone_centre((enum zone)hit.zone));
        break;
    }
    case LAYOUT_HIT_STRIP:
        if (a->board.focus != hit.element) {
            a->board.focus = hit.element;
            a->dirty = true;
        }
        break;
    default:
        break;
    }
}

static void move(struct app *a, const struct layout *l, int64_t finger,
                 int y)
{
    struct app_drag *d = drag_for(a, finger);
    if (d)
        set_value(a, d->element,
                  layout_value_at(l, d->element, y - d->grab_offset));
}

static void release(struct app *a, int64_t finger)
{
    struct app_drag *d = drag_for(a, finger);
    if (d)
        d->active = false;
}

static void wheel(struct app *a, const struct layout *l, int dy)
{
    int mx, my;
    SDL_GetMouseState(&mx, &my);
    struct layout_hit hit;
    layout_hit(l, a->board.value, (int)(mx * a->scale_x),
               (int)(my * a->scale_y), &hit);
    int e = hit.element >= 0 ? hit.element : a->board.focus;
    set_value(a, e, a->board.value[e] + dy * WHEEL_STEP);
}

void input_handle(struct app *a, const struct layout *l, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_QUIT:
        a->quit = true;
        break;
    case SDL_KEYDOWN:
        on_key(a, &ev->key);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.which != SDL_TOUCH_MOUSEID
            && ev->button.button == SDL_BUTTON_LEFT)
            press(a, l, -1, (int)(ev->button.x * a->scale_x),
                  (int)(ev->button.y * a->scale_y));
        break;
    case SDL_MOUSEMOTION:
        if (ev->motion.which != SDL_TOUCH_MOUSEID)
            move(a, l, -1, (int)(ev->motion.y * a->scale_y));
        break;
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which != SDL_TOUCH_MOUSEID
            && ev->button.button == SDL_BUTTON_LEFT)
            release(a, -1);
        break;
    case SDL_MOUSEWHEEL:
        if (ev->wheel.which != SDL_TOUCH_MOUSEID && ev->wheel.y != 0)
            wheel(a, l, ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED
                            ? -ev->wheel.y : ev->wheel.y);
        break;
    /* Fingers carry 0..1 coordinates of the window; each finger drags its
     * own fader, so two hands can move two strips on a whiteboard. */
    case SDL_FINGERDOWN:
        press(a, l, (int64_t)ev->tfinger.fingerId,
              (int)(ev->tfinger.x * a->out_w), (int)(ev->tfinger.y * a->out_h));
        break;
    case SDL_FINGERMOTION:
        move(a, l, (int64_t)ev->tfinger.fingerId,
             (int)(ev->tfinger.y * a->out_h));
        break;
    case SDL_FINGERUP:
        release(a, (int64_t)ev->tfinger.fingerId);
        break;
    case SDL_WINDOWEVENT:
        a->dirty = true; /* resized, exposed, restored: redraw */
        break;
    default:
        break;
    }
}
