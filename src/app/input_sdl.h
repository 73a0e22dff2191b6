/* input_sdl: SDL events -> commands and fader moves (keys via keys.ini,
 * mouse drag, wheel and clicks, touch fingers). The only place that reads
 * SDL input events. */
#ifndef SOUNDBOARD_INPUT_SDL_H
#define SOUNDBOARD_INPUT_SDL_H

#include <SDL.h>

#include "app.h"
#include "layout.h"

/* Handles one event; `l` is the layout currently on screen (for hits). */
void input_handle(struct app *a, const struct layout *l,
                  const SDL_Event *ev);

/* The key name keys.ini uses for a key event: "Ctrl+Shift+S", "F11", "Up".
 * Writes into out (at least 64 bytes). */
void input_key_name(const SDL_KeyboardEvent *key, char *out, size_t outlen);

#endif
