/* preset_ui: state and event handling of the preset browser and the save
 * dialog. A responder at the front of the event chain: while a text field
 * or a yes/no question is open it takes every key and text event, so no
 * key reaches the board. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "preset_ui.h"

#include "draw_presets.h"
#include "str.h"
#include "utf8.h"

enum { UI_MSG = 600, UI_ROWS = PRESET_STORE_MAX_FILES * 2 };

enum ask { ASK_NONE, ASK_OVERWRITE_SAVE, ASK_OVERWRITE_RENAME, ASK_DELETE };

struct preset_ui {
    /* Save dialog. */
    bool dialog;
    char name[PRESET_NAME_MAX + 1];
    char notes[PRESET_NOTES_MAX + 1];
    char composing[64];
    enum view_dialog_field field;
    int slot;
    /* Browser. */
    bool browser;
    int selected;                 /* index in the visible rows */
    int first;
    bool renaming;
    char rename[PRESET_NAME_MAX + 1];
    char target[PRESET_NAME_MAX + 1]; /* preset renamed or deleted */
    /* Shared. */
    enum ask ask;
    char prompt[UI_MSG];
    char message[UI_MSG];
    struct view_preset_row row[UI_ROWS];
    char first_line[UI_ROWS][96];
    int entry[UI_ROWS];           /* store entry of each row */
    int count;
};

static void text_input(struct preset_ui *u)
{
    bool want = u->dialog || u->renaming;
    if (want && !SDL_IsTextInputActive())
        SDL_StartTextInput();
    else if (!want && SDL_IsTextInputActive())
        SDL_StopTextInput();
}

/* The store's entries, shadowed ones left out. */
static void refresh(const struct preset_store *s, struct preset_ui *u)
{
    u->count = 0;
    for (int i = 0; i < s->count && u->count < UI_ROWS; i++) {
        const struct preset_entry *e = &s->entry[i];
        if (e->shadowed)
            continue;
        int k = u->count++;
        struct view_preset_row *r = &u->row[k];
        u->entry[k] = i;
        r->name = e->preset.name;
        size_t n = strcspn(e->preset.notes, "\n");
        if (n >= sizeof u->first_line[k])
            n = utf8_cut(e->preset.notes, n, sizeof u->first_line[k] - 1);
        memcpy(u->first_line[k], e->preset.notes, n);
        u->first_line[k][n] = '\0';
        r->notes = u->first_line[k];
        r->full_notes = e->preset.notes;
        r->factory = e->origin == PRESET_FACTORY;
        r->slot = e->preset.slot;
        memcpy(r->value, e->preset.value, sizeof r->value);
    }
    if (u->selected >= u->count)
        u->selected = u->count - 1;
    if (u->selected < 0 && u->count > 0)
        u->selected = 0;
}

static const struct preset_entry *selected_entry(const struct preset_store *s,
                                                 struct preset_ui *u)
{
    refresh(s, u);
    if (u->selected < 0 || u->selected >= u->count)
        return NULL;
    return &s->entry[u->entry[u->selected]];
}

static void select_name(const struct preset_store *s, struct preset_ui *u,
                        const char *name)
{
    refresh(s, u);
    for (int i = 0; i < u->count; i++)
        if (strcmp(u->row[i].name, name) == 0)
            u->selected = i;
}

static void say(const struct preset_ui_ctx *x, struct changes *ch, char *out,
                const char *key, const char *arg)
{
    str_fill_hole(out, UI_MSG, content_string(x->content, key), arg);
    ch->redraw = true;
}

/* ---------------------------------------------------------- editing */

static void append(char *buf, size_t cap, const char *text)
{
    size_t n = strlen(buf), t = strlen(text);
    if (n + t + 1 > cap)
        return; /* whole code points only: drop what does not fit */
    memcpy(buf + n, text, t + 1);
}

static void backspace(char *buf)
{
    buf[utf8_drop_last(buf, strlen(buf))] = '\0';
}

/* Typed text: control characters never enter a name. */
static void type_text(char *buf, size_t cap, const char *text, bool lines)
{
    char clean[64];
    size_t k = 0;
    for (size_t i = 0; text[i] && k + 1 < sizeof clean; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 && !(lines && c == '\n'))
            continue;
        if (c == 0x7f)
            continue;
        clean[k++] = (char)c;
    }
    clean[k] = '\0';
    append(buf, cap, clean);
}

/* ------------------------------------------------------------- save */

/* ------------------------------------------------------------- save */

static bool do_save(struct preset_ui *u, const struct preset_ui_ctx *x,
                    bool overwrite, struct changes *ch)
{
    struct preset p;
    if (x->recalled && strcmp(x->recalled->name, u->name) == 0)
        p = *x->recalled;
    else
        preset_init(&p);
    str_copy(p.name, sizeof p.name, u->name);
    str_copy(p.notes, sizeof p.notes, u->notes);
    memcpy(p.value, x->board->value, sizeof p.value);
    p.slot = u->slot;
    if (!p.name[0]) {
        say(x, ch, u->message, "presets.empty-name", "");
        return false;
    }
    if (!overwrite && preset_store_exists(x->store, p.name)) {
        u->ask = ASK_OVERWRITE_SAVE;
        say(x, ch, u->prompt, "presets.confirm-overwrite", p.name);
        return false;
    }
    char err[512];
    if (!preset_store_save(x->store, &p, overwrite, NULL, err, sizeof err)) {
        say(x, ch, u->message, "presets.failed", err);
        return false; /* the dialog stays open with the text */
    }
    const struct preset_entry *saved = preset_store_find_user(x->store,
                                                              p.name);
    ch->preset_change = CHANGES_PRESET_ADOPT;
    ch->preset = saved ? saved->preset : p;
    changes_notice(ch, "presets.saved", p.name);
    u->dialog = false;
    u->composing[0] = '\0';
    u->message[0] = '\0';
    select_name(x->store, u, p.name);
    text_input(u);
    return true;
}

struct preset_ui *preset_ui_create(void)
{
    struct preset_ui *u = calloc(1, sizeof *u);
    if (!u)
        abort();
    return u;
}

void preset_ui_free(struct preset_ui *u)
{
    free(u);
}

void preset_ui_open_save(struct preset_ui *u, const struct preset *rec)
{
    u->dialog = true;
    u->field = VIEW_FIELD_NAME;
    u->ask = ASK_NONE;
    u->message[0] = u->composing[0] = '\0';
    str_copy(u->name, sizeof u->name, rec ? rec->name : "");
    str_copy(u->notes, sizeof u->notes, rec ? rec->notes : "");
    u->slot = rec ? rec->slot : 0;
    u->renaming = false;
    text_input(u);
}

void preset_ui_browser(struct preset_ui *u, const struct preset_store *s,
                       const char *recalled_name, bool open)
{
    if (open && !u->browser) {
        u->message[0] = '\0';
        if (recalled_name)
            select_name(s, u, recalled_name);
    }
    u->browser = open;
    if (!open) {
        u->renaming = false;
        if (u->ask != ASK_OVERWRITE_SAVE)
            u->ask = ASK_NONE;
    }
    text_input(u);
}

/* --------------------------------------------------------- browser */

static void do_rename(struct preset_ui *u, const struct preset_ui_ctx *x,
                      bool overwrite, struct changes *ch)
{
    if (!u->rename[0]) {
        say(x, ch, u->message, "presets.empty-name", "");
        return;
    }
    if (strcmp(u->rename, u->target) == 0) {
        u->renaming = false;
        return;
    }
    if (!overwrite && preset_store_find_user(x->store, u->rename)) {
        u->ask = ASK_OVERWRITE_RENAME;
        say(x, ch, u->prompt, "presets.confirm-overwrite", u->rename);
        return;
    }
    char err[512];
    if (!preset_store_rename(x->store, u->target, u->rename, overwrite, err,
                             sizeof err)) {
        str_copy(u->message, sizeof u->message, err);
        return;
    }
    ch->preset_change = CHANGES_PRESET_RENAMED;
    str_copy(ch->renamed_from, sizeof ch->renamed_from, u->target);
    str_copy(ch->preset.name, sizeof ch->preset.name, u->rename);
    say(x, ch, u->message, "presets.renamed", u->rename);
    u->renaming = false;
    text_input(u);
    select_name(x->store, u, u->rename);
}

static void do_delete(struct preset_ui *u, const struct preset_ui_ctx *x,
                      struct changes *ch)
{
    char err[512];
    ch->redraw = true;
    if (!preset_store_delete(x->store, u->target, err, sizeof err)) {
        str_copy(u->message, sizeof u->message, err);
        return;
    }
    say(x, ch, u->message, "presets.deleted", u->target);
    refresh(x->store, u);
}

static void answer(struct preset_ui *u, const struct preset_ui_ctx *x,
                   bool yes, struct changes *ch)
{
    enum ask q = u->ask;
    u->ask = ASK_NONE;
    u->prompt[0] = '\0';
    ch->redraw = true;
    if (!yes)
        return;
    if (q == ASK_OVERWRITE_SAVE)
        do_save(u, x, true, ch);
    else if (q == ASK_OVERWRITE_RENAME)
        do_rename(u, x, true, ch);
    else if (q == ASK_DELETE)
        do_delete(u, x, ch);
    text_input(u);
}

static void recall_entry(const struct preset_entry *e, struct changes *ch)
{
    ch->preset_change = CHANGES_PRESET_RECALL;
    ch->preset = e->preset;
}

static bool browser_key(struct preset_ui *u, const struct preset_ui_ctx *x,
                        SDL_Keycode key, struct changes *ch)
{
    const struct preset_entry *e = selected_entry(x->store, u);
    switch (key) {
    case SDLK_UP:
        if (u->selected > 0)
            u->selected--;
        break;
    case SDLK_DOWN:
        if (u->selected + 1 < u->count)
            u->selected++;
        break;
    case SDLK_HOME: u->selected = u->count ? 0 : -1; break;
    case SDLK_END: u->selected = u->count - 1; break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (e)
            recall_entry(e, ch);
        break;
    case SDLK_ESCAPE:
        ch->close_overlay = true;
        preset_ui_browser(u, x->store, NULL, false);
        break;
    case SDLK_INSERT: /* the mix on the board becomes the arc's next step */
        changes_command(ch, "arc insert");
        break;
    case SDLK_r:
    case SDLK_DELETE:
        if (!e)
            break;
        if (e->origin == PRESET_FACTORY) {
            say(x, ch, u->message, "presets.read-only", e->preset.name);
            break;
        }
        str_copy(u->target, sizeof u->target, e->preset.name);
        if (key == SDLK_r) {
            u->renaming = true;
            str_copy(u->rename, sizeof u->rename, e->preset.name);
            u->message[0] = '\0';
            text_input(u);
        } else {
            u->ask = ASK_DELETE;
            say(x, ch, u->prompt, "presets.confirm-delete", e->preset.name);
        }
        break;
    case SDLK_d:
        if (e) {
            char err[512], name[PRESET_NAME_MAX + 1];
            str_copy(name, sizeof name, e->preset.name);
            if (preset_store_duplicate(x->store, name, NULL, err, sizeof err))
                say(x, ch, u->message, "presets.duplicated", name);
            else
                str_copy(u->message, sizeof u->message, err);
            refresh(x->store, u);
        }
        break;
    default:
        return false;
    }
    ch->redraw = true;
    return true;
}

/* ------------------------------------------------------------ events */

static bool is_yes(SDL_Keycode k)
{
    return k == SDLK_y || k == SDLK_RETURN || k == SDLK_KP_ENTER;
}

static bool is_no(SDL_Keycode k)
{
    return k == SDLK_n || k == SDLK_ESCAPE;
}

static bool dialog_key(struct preset_ui *u, const struct preset_ui_ctx *x,
                       const SDL_KeyboardEvent *k, struct changes *ch)
{
    SDL_Keycode key = k->keysym.sym;
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    char *buf = u->field == VIEW_FIELD_NAME ? u->name : u->notes;
    switch (key) {
    case SDLK_ESCAPE:
        u->dialog = false;
        u->composing[0] = '\0';
        text_input(u);
        break;
    case SDLK_TAB:
        u->field = u->field == VIEW_FIELD_NAME ? VIEW_FIELD_NOTES
                                               : VIEW_FIELD_NAME;
        break;
    case SDLK_BACKSPACE:
        backspace(buf);
        break;
    case SDLK_PAGEUP:
        u->slot = (u->slot + 1) % PRESETS_SLOT_BOXES;
        break;
    case SDLK_PAGEDOWN:
        u->slot = (u->slot + PRESETS_SLOT_BOXES - 1) % PRESETS_SLOT_BOXES;
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (u->field == VIEW_FIELD_NOTES && !ctrl)
            append(u->notes, sizeof u->notes, "\n");
        else
            do_save(u, x, false, ch);
        break;
    default:
        break;
    }
    ch->redraw = true;
    return true;
}

static bool mouse_down(struct preset_ui *u, const struct preset_ui_ctx *x,
                       const SDL_MouseButtonEvent *b, struct changes *ch)
{
    int px = (int)(b->x * x->scale_x), py = (int)(b->y * x->scale_y);
    ch->redraw = true;
    if (u->ask != ASK_NONE)
        return true;
    if (u->dialog) {
        struct presets_dialog_geom g;
        presets_dialog_geom(x->layout, &g);
        if (presets_inside(g.name, px, py))
            u->field = VIEW_FIELD_NAME;
        else if (presets_inside(g.notes, px, py))
            u->field = VIEW_FIELD_NOTES;
        else if (presets_inside(g.save, px, py))
            do_save(u, x, false, ch);
        for (int i = 0; i < PRESETS_SLOT_BOXES; i++)
            if (presets_inside(g.slot[i], px, py))
                u->slot = i;
        return true;
    }
    struct presets_browser_geom g;
    presets_browser_geom(x->layout, &g);
    refresh(x->store, u);
    u->first = presets_first_row(u->count, u->selected, u->first,
                                 g.visible);
    for (int i = 0; i < g.visible && u->first + i < u->count; i++) {
        if (!presets_inside(presets_row_rect(&g, i), px, py))
            continue;
        u->selected = u->first + i;
        u->renaming = false;
        text_input(u);
        if (b->clicks >= 2) {
            const struct preset_entry *e = selected_entry(x->store, u);
            if (e)
                recall_entry(e, ch);
        }
        break;
    }
    return true; /* the board is behind the overlay */
}

static bool rename_key(struct preset_ui *u, const struct preset_ui_ctx *x,
                       SDL_Keycode k, struct changes *ch)
{
    if (k == SDLK_ESCAPE)
        u->renaming = false, text_input(u);
    else if (k == SDLK_BACKSPACE)
        backspace(u->rename);
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        do_rename(u, x, false, ch);
    ch->redraw = true;
    return true;
}

bool preset_ui_handle(struct preset_ui *u, const struct preset_ui_ctx *x,
                      const SDL_Event *ev, struct changes *ch)
{
    if (!u->dialog && !(u->browser && x->browser_shown))
        return false;
    bool editing = u->dialog || u->renaming;
    switch (ev->type) {
    case SDL_KEYDOWN:
        if (u->ask != ASK_NONE) {
            if (is_yes(ev->key.keysym.sym))
                answer(u, x, true, ch);
            else if (is_no(ev->key.keysym.sym))
                answer(u, x, false, ch);
            return true;
        }
        if (u->dialog)
            return dialog_key(u, x, &ev->key, ch);
        if (u->renaming)
            return rename_key(u, x, ev->key.keysym.sym, ch);
        return browser_key(u, x, ev->key.keysym.sym, ch);
    case SDL_KEYUP:
        return editing || u->ask != ASK_NONE;
    case SDL_TEXTINPUT:
        if (u->ask != ASK_NONE)
            return true;
        if (u->dialog) {
            bool notes = u->field == VIEW_FIELD_NOTES;
            type_text(notes ? u->notes : u->name,
                      notes ? sizeof u->notes : sizeof u->name,
                      ev->text.text, notes);
            u->composing[0] = '\0';
        } else if (u->renaming) {
            type_text(u->rename, sizeof u->rename, ev->text.text, false);
        }
        ch->redraw = true;
        return editing;
    case SDL_TEXTEDITING:
        if (u->dialog)
            str_copy(u->composing, sizeof u->composing, ev->edit.text);
        ch->redraw = true;
        return editing;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.which == SDL_TOUCH_MOUSEID)
            return false;
        return mouse_down(u, x, &ev->button, ch);
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEWHEEL:
        return true;
    default:
        return false;
    }
}

void preset_ui_view(struct preset_ui *u, const struct preset_store *s,
                    bool browser_shown, const struct layout *l,
                    struct view *v)
{
    struct view_presets *p = &v->presets;
    if (u->browser && browser_shown) {
        refresh(s, u);
        p->rows = u->row;
        p->count = u->count;
        p->selected = u->selected;
        struct presets_browser_geom g;
        presets_browser_geom(l, &g);
        u->first = presets_first_row(u->count, u->selected, u->first,
                                     g.visible);
        p->first = u->first;
        p->rename_text = u->renaming ? u->rename : NULL;
    }
    if (u->dialog) {
        v->overlay = OVERLAY_PRESETS;
        p->dialog = true;
        p->dialog_name = u->name;
        p->dialog_notes = u->notes;
        p->dialog_composing = u->composing[0] ? u->composing : NULL;
        p->dialog_field = u->field;
        p->dialog_slot = u->slot;
    }
    p->prompt = u->ask != ASK_NONE ? u->prompt : NULL;
    p->message = u->message[0] ? u->message : NULL;
}
