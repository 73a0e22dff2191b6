/* input_sdl: SDL input events -> what the user asked for: commands (keys
 * via keys.ini, fader moves from mouse drags, the wheel, zone clicks and
 * touch fingers), a strip to focus, a redraw. The only place that reads
 * SDL input events for the board; it changes nothing but its own drag
 * state, and app.c applies the result. */
#ifndef SOUNDBOARD_INPUT_SDL_H
#define SOUNDBOARD_INPUT_SDL_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "board.h"
#include "command.h"
#include "keymap.h"
#include "layout.h"

enum { INPUT_POINTERS = 11, INPUT_COMMANDS_MAX = 4 };

/* A mouse button or finger holding a fader cap. */
struct input_drag {
    bool active;
    int64_t finger;  /* SDL finger id; -1 for the mouse */
    int element;
    int grab_offset; /* pixels between the pointer and the cap's centre */
};

struct input {
    struct input_drag drag[INPUT_POINTERS];
};

/* What the app shows now, for hit tests and for who gets a tap. */
struct input_ctx {
    const struct keymap *keys;
    const struct layout *layout;   /* on screen, pixels */
    const struct board *board;
    enum command_overlay overlay;
    float scale_x, scale_y;        /* pixels per window point */
    int out_w, out_h;              /* output size in pixels (fingers) */
};

struct input_result {
    int count;                     /* commands, to run in order */
    struct command cmd[INPUT_COMMANDS_MAX];
    int focus;                     /* strip to focus afterwards, or -1 */
    bool close_overlay;            /* a tap closed help or the questions */
    bool redraw;                   /* the window was resized or exposed */
    bool quit;                     /* the window was closed */
};

void input_init(struct input *in);

/* Translates one event; *r is filled (zeroed first). */
void input_translate(struct input *in, const struct input_ctx *x,
                     const SDL_Event *ev, struct input_result *r);

/* The key name keys.ini uses for a key event: "Ctrl+Shift+S", "F11", "Up".
 * Writes into out (at least 64 bytes). */
void input_key_name(const SDL_KeyboardEvent *key, char *out, size_t outlen);

#endif
