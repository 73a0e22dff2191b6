/* preset_ui: the preset browser and the save dialog inside the running
 * program: their state and their SDL event handling (keys, text input,
 * mouse). Files go through the app's preset_store; recall goes through
 * app_presets (with its glide). Drawn by src/ui/draw_presets.c from the
 * view fields preset_ui_view fills. */
#ifndef SOUNDBOARD_PRESET_UI_H
#define SOUNDBOARD_PRESET_UI_H

#include <stdbool.h>

#include <SDL.h>

#include "app.h"
#include "layout.h"

/* Opens the save dialog, prefilled with the recalled preset's name, notes
 * and slot; starts SDL text input. */
void preset_ui_open_save(struct app *a);
/* Opens or closes the browser (a->overlay is kept in step by the caller:
 * app_command's `overlay presets`). Closing stops any rename. */
void preset_ui_browser(struct app *a, bool open);

/* Gives the presets UI an event first. True if it took it (then nothing
 * else may see it: while a text field or a question is open every key and
 * text event is taken). l is the current layout (pixels); mouse
 * coordinates are scaled by a->scale_x/y. */
bool preset_ui_handle(struct app *a, const struct layout *l,
                      const SDL_Event *ev);

/* True while the save dialog is open. */
bool preset_ui_dialog_open(const struct app *a);

/* Fills v->presets (and shows the dialog as the presets overlay). The
 * strings point into the app's state: valid until the next event. */
void preset_ui_view(const struct app *a, struct view *v);

/* Frees the state (app_free). */
void preset_ui_free(struct app *a);

#endif
