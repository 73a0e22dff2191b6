/* preset_ui: the preset browser and the save dialog inside the running
 * program: their state and their SDL event handling (keys, text input,
 * mouse). Files go through the preset store it is given; what the app
 * must do (recall a preset, adopt a saved one, close the overlay, show a
 * notice) comes back in a struct changes. Drawn by src/ui/draw_presets.c
 * from the view fields preset_ui_view fills. */
#ifndef SOUNDBOARD_PRESET_UI_H
#define SOUNDBOARD_PRESET_UI_H

#include <stdbool.h>

#include <SDL.h>

#include "board.h"
#include "changes.h"
#include "content.h"
#include "layout.h"
#include "preset_store.h"
#include "view.h"

struct preset_ui;

/* What the browser and the dialog work on, for one call. */
struct preset_ui_ctx {
    struct preset_store *store;
    const struct preset *recalled; /* the recalled preset, or NULL */
    const struct board *board;     /* the mix a save stores */
    const struct content *content; /* the words of prompts and results */
    const struct layout *layout;   /* on screen, pixels (hit tests) */
    float scale_x, scale_y;        /* pixels per window point */
    bool browser_shown;            /* the presets overlay is up */
};

/* A new closed browser and dialog (aborts when memory runs out). */
struct preset_ui *preset_ui_create(void);
void preset_ui_free(struct preset_ui *u);

/* Opens the save dialog, prefilled with the recalled preset's name, notes
 * and slot; starts SDL text input. */
void preset_ui_open_save(struct preset_ui *u, const struct preset *recalled);
/* Opens or closes the browser (the app keeps its overlay in step).
 * Opening selects the recalled preset; closing stops any rename. */
void preset_ui_browser(struct preset_ui *u, const struct preset_store *s,
                       const char *recalled_name, bool open);

/* Gives the presets UI an event first. True if it took it (then nothing
 * else may see it: while a text field or a question is open every key and
 * text event is taken). */
bool preset_ui_handle(struct preset_ui *u, const struct preset_ui_ctx *x,
                      const SDL_Event *ev, struct changes *ch);

/* Fills v->presets (and shows the dialog as the presets overlay). The
 * strings point into u: valid until the next event. */
void preset_ui_view(struct preset_ui *u, const struct preset_store *s,
                    bool browser_shown, const struct layout *l,
                    struct view *v);

#endif
