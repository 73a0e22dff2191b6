/* preset_ui: state and event handling of the preset browser and the save
 * dialog. A responder at the front of the event chain: while a text field
 * or a yes/no question is open it takes every key and text event, so no
 * key reaches the board. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_presets.h"
#include "draw_presets.h"
#include "preset_ui.h"

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

static struct preset_ui *state(struct app *a)
{
    if (!a->preset_ui)
        a->preset_ui = calloc(1, sizeof *a->preset_ui);
    return a->preset_ui;
}

static void text_input(struct preset_ui *u)
{
    bool want = u->dialog || u->renaming;
    if (want && !SDL_IsTextInputActive())
        SDL_StartTextInput();
    else if (!want && SDL_IsTextInputActive())
        SDL_StopTextInput();
}

/* The store's entries, shadowed ones left out. */
static void refresh(const struct app *a, struct preset_ui *u)
{
    u->count = 0;
    if (!a->presets)
        return;
    const struct preset_store *s = &a->presets->store;
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
            n = sizeof u->first_line[k] - 1;
        while (n > 0 && ((unsigned char)e->preset.notes[n] & 0xC0) == 0x80)
            n--; /* cut at a code point */
        memcpy(u->first_line[k], e->preset.notes, n);
        u->first_line[k][n] = '\0';
        r->notes = u->first_line[k];
        r->factory = e->origin == PRESET_FACTORY;
        r->slot = e->preset.slot;
        memcpy(r->value, e->preset.value, sizeof r->value);
    }
    if (u->selected >= u->count)
        u->selected = u->count - 1;
    if (u->selected < 0 && u->count > 0)
        u->selected = 0;
}

static const struct preset_entry *selected_entry(struct app *a,
                                                 struct preset_ui *u)
{
    refresh(a, u);
    if (u->selected < 0 || u->selected >= u->count)
        return NULL;
    return &a->presets->store.entry[u->entry[u->selected]];
}

static void select_name(struct app *a, struct preset_ui *u, const char *name)
{
    refresh(a, u);
    for (int i = 0; i < u->count; i++)
        if (strcmp(u->row[i].name, name) == 0)
            u->selected = i;
}

static void say(struct app *a, char *out, const char *key, const char *arg)
{
    app_format(a, out, UI_MSG, key, arg);
    a->dirty = true;
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
    size_t n = strlen(buf);
    while (n > 0) {
        n--;
        if (((unsigned char)buf[n] & 0xC0) != 0x80)
            break;
    }
    buf[n] = '\0';
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

static bool do_save(struct app *a, struct preset_ui *u, bool overwrite)
{
    if (!a->presets)
        return false;
    struct app_presets *P = a->presets;
    struct preset p;
    const struct preset *rec = app_presets_recalled(a);
    if (rec && strcmp(rec->name, u->name) == 0)
        p = *rec;
    else
        preset_init(&p);
    snprintf(p.name, sizeof p.name, "%s", u->name);
    snprintf(p.notes, sizeof p.notes, "%s", u->notes);
    memcpy(p.value, a->board.value, sizeof p.value);
    p.slot = u->slot;
    if (!p.name[0]) {
        say(a, u->message, "presets.empty-name", "");
        return false;
    }
    if (!overwrite && preset_store_exists(&P->store, p.name)) {
        u->ask = ASK_OVERWRITE_SAVE;
        say(a, u->prompt, "presets.confirm-overwrite", p.name);
        return false;
    }
    char err[512];
    if (!preset_store_save(&P->store, &p, overwrite, NULL, err, sizeof err)) {
        say(a, u->message, "presets.failed", err);
        return false; /* the dialog stays open with the text */
    }
    const struct preset_entry *saved = preset_store_find_user(&P->store,
                                                              p.name);
    P->recalled = saved ? saved->preset : p;
    P->have_recalled = true;
    preset_compare_recalled(&P->compare, P->recalled.value);
    app_notice_text(a, "presets.saved", p.name);
    u->dialog = false;
    u->composing[0] = '\0';
    u->message[0] = '\0';
    select_name(a, u, p.name);
    text_input(u);
    a->dirty = true;
    return true;
}

void preset_ui_open_save(struct app *a)
{
    struct preset_ui *u = state(a);
    if (!u)
        return;
    const struct preset *rec = app_presets_recalled(a);
    u->dialog = true;
    u->field = VIEW_FIELD_NAME;
    u->ask = ASK_NONE;
    u->message[0] = u->composing[0] = '\0';
    snprintf(u->name, sizeof u->name, "%s", rec ? rec->name : "");
    snprintf(u->notes, sizeof u->notes, "%s", rec ? rec->notes : "");
    u->slot = rec ? rec->slot : 0;
    u->renaming = false;
    text_input(u);
    a->dirty = true;
}

bool preset_ui_dialog_open(const struct app *a)
{
    return a->preset_ui && a->preset_ui->dialog;
}

void preset_ui_browser(struct app *a, bool open)
{
    struct preset_ui *u = state(a);
    if (!u)
        return;
    if (open && !u->browser) {
        u->message[0] = '\0';
        const char *cur = app_presets_name(a);
        if (cur)
            select_name(a, u, cur);
    }
    u->browser = open;
    if (!open) {
        u->renaming = false;
        if (u->ask != ASK_OVERWRITE_SAVE)
            u->ask = ASK_NONE;
    }
    text_input(u);
    a->dirty = true;
}

/* --------------------------------------------------------- browser */

static void do_rename(struct app *a, struct preset_ui *u, bool overwrite)
{
    struct preset_store *s = &a->presets->store;
    if (!u->rename[0]) {
        say(a, u->message, "presets.empty-name", "");
        return;
    }
    if (strcmp(u->rename, u->target) == 0) {
        u->renaming = false;
        return;
    }
    if (!overwrite && preset_store_find_user(s, u->rename)) {
        u->ask = ASK_OVERWRITE_RENAME;
        say(a, u->prompt, "presets.confirm-overwrite", u->rename);
        return;
    }
    char err[512];
    if (!preset_store_rename(s, u->target, u->rename, overwrite, err,
                             sizeof err)) {
        snprintf(u->message, sizeof u->message, "%s", err);
        return;
    }
    struct app_presets *P = a->presets;
    if (P->have_recalled && strcmp(P->recalled.name, u->target) == 0)
        snprintf(P->recalled.name, sizeof P->recalled.name, "%s", u->rename);
    say(a, u->message, "presets.renamed", u->rename);
    u->renaming = false;
    text_input(u);
    select_name(a, u, u->rename);
}

static void do_delete(struct app *a, struct preset_ui *u)
{
    char err[512];
    if (!preset_store_delete(&a->presets->store, u->target, err,
                             sizeof err)) {
        snprintf(u->message, sizeof u->message, "%s", err);
        a->dirty = true;
        return;
    }
    say(a, u->message, "presets.deleted", u->target);
    refresh(a, u);
}

static void answer(struct app *a, struct preset_ui *u, bool yes)
{
    enum ask q = u->ask;
    u->ask = ASK_NONE;
    u->prompt[0] = '\0';
    a->dirty = true;
    if (!yes)
        return;
    if (q == ASK_OVERWRITE_SAVE)
        do_save(a, u, true);
    else if (q == ASK_OVERWRITE_RENAME)
        do_rename(a, u, true);
    else if (q == ASK_DELETE)
        do_delete(a, u);
    text_input(u);
}

static void browser_key(struct app *a, struct preset_ui *u,
                        SDL_Keycode key, bool *took)
{
    *took = true;
    const struct preset_entry *e = selected_entry(a, u);
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
            app_presets_recall(a, &e->preset);
        break;
    case SDLK_ESCAPE:
        a->overlay = OVERLAY_NONE;
        preset_ui_browser(a, false);
        break;
    case SDLK_r:
    case SDLK_DELETE:
        if (!e)
            break;
        if (e->origin == PRESET_FACTORY) {
            say(a, u->message, "presets.read-only", e->preset.name);
            break;
        }
        snprintf(u->target, sizeof u->target, "%s", e->preset.name);
        if (key == SDLK_r) {
            u->renaming = true;
            snprintf(u->rename, sizeof u->rename, "%s", e->preset.name);
            u->message[0] = '\0';
            text_input(u);
        } else {
            u->ask = ASK_DELETE;
            say(a, u->prompt, "presets.confirm-delete", e->preset.name);
        }
        break;
    case SDLK_d:
        if (e) {
            char err[512], name[PRESET_NAME_MAX + 1];
            snprintf(name, sizeof name, "%s", e->preset.name);
            if (preset_store_duplicate(&a->presets->store, name, NULL, err,
                                       sizeof err))
                say(a, u->message, "presets.duplicated", name);
            else
                snprintf(u->message, sizeof u->message, "%s", err);
            refresh(a, u);
        }
        break;
    default:
        *took = false;
        return;
    }
    a->dirty = true;
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

static bool dialog_key(struct app *a, struct preset_ui *u,
                       const SDL_KeyboardEvent *k)
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
            do_save(a, u, false);
        break;
    default:
        break;
    }
    a->dirty = true;
    return true;
}

static bool mouse_down(struct app *a, struct preset_ui *u,
                       const struct layout *l, const SDL_MouseButtonEvent *b)
{
    int x = (int)(b->x * a->scale_x), y = (int)(b->y * a->scale_y);
    if (u->ask != ASK_NONE)
        return true;
    if (u->dialog) {
        struct presets_dialog_geom g;
        presets_dialog_geom(l, &g);
        if (presets_inside(g.name, x, y))
            u->field = VIEW_FIELD_NAME;
        else if (presets_inside(g.notes, x, y))
            u->field = VIEW_FIELD_NOTES;
        else if (presets_inside(g.save, x, y))
            do_save(a, u, false);
        for (int i = 0; i < PRESETS_SLOT_BOXES; i++)
            if (presets_inside(g.slot[i], x, y))
                u->slot = i;
        a->dirty = true;
        return true;
    }
    struct presets_browser_geom g;
    presets_browser_geom(l, &g);
    refresh(a, u);
    u->first = presets_first_row(u->count, u->selected, u->first,
                                 g.visible);
    for (int i = 0; i < g.visible && u->first + i < u->count; i++) {
        if (!presets_inside(presets_row_rect(&g, i), x, y))
            continue;
        u->selected = u->first + i;
        u->renaming = false;
        text_input(u);
        if (b->clicks >= 2) {
            const struct preset_entry *e = selected_entry(a, u);
            if (e)
                app_presets_recall(a, &e->preset);
        }
        break;
    }
    a->dirty = true;
    return true; /* the board is behind the overlay */
}

bool preset_ui_handle(struct app *a, const struct layout *l,
                      const SDL_Event *ev)
{
    struct preset_ui *u = a->preset_ui;
    if (!u || (!u->dialog && !(u->browser && a->overlay == OVERLAY_PRESETS)))
        return false;
    bool editing = u->dialog || u->renaming;
    switch (ev->type) {
    case SDL_KEYDOWN:
        if (u->ask != ASK_NONE) {
            if (is_yes(ev->key.keysym.sym))
                answer(a, u, true);
            else if (is_no(ev->key.keysym.sym))
                answer(a, u, false);
            return true;
        }
        if (u->dialog)
            return dialog_key(a, u, &ev->key);
        if (u->renaming) {
            SDL_Keycode k = ev->key.keysym.sym;
            if (k == SDLK_ESCAPE)
                u->renaming = false, text_input(u);
            else if (k == SDLK_BACKSPACE)
                backspace(u->rename);
            else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
                do_rename(a, u, false);
            a->dirty = true;
            return true;
        }
        {
            bool took;
            browser_key(a, u, ev->key.keysym.sym, &took);
            return took;
        }
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
        a->dirty = true;
        return editing;
    case SDL_TEXTEDITING:
        if (u->dialog)
            snprintf(u->composing, sizeof u->composing, "%s",
                     ev->edit.text);
        a->dirty = true;
        return editing;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.which == SDL_TOUCH_MOUSEID)
            return false;
        return mouse_down(a, u, l, &ev->button);
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEWHEEL:
        return true;
    default:
        return false;
    }
}

void preset_ui_view(const struct app *a, struct view *v)
{
    struct preset_ui *u = a->preset_ui;
    if (!u)
        return;
    struct view_presets *p = &v->presets;
    if (u->browser && a->overlay == OVERLAY_PRESETS) {
        refresh(a, u);
        p->rows = u->row;
        p->count = u->count;
        p->selected = u->selected;
        struct layout l;
        layout_compute(&l, a->out_w > 0 ? a->out_w : a->opt.width,
                       a->out_h > 0 ? a->out_h : a->opt.height);
        struct presets_browser_geom g;
        presets_browser_geom(&l, &g);
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

void preset_ui_free(struct app *a)
{
    free(a->preset_ui);
    a->preset_ui = NULL;
}
