/* app: state, commands and the view. The event loop is in app_loop.c,
 * SDL input in input_sdl.c. */
#include "app.h"

#include <SDL.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_midi.h"
#include "app_presets.h"
#include "data_load.h"
#include "preset_ui.h"

static void collect_help(struct app *a)
{
    a->help_keys = calloc((size_t)a->keys.count + 1, sizeof *a->help_keys);
    a->help_texts = calloc((size_t)a->keys.count + 1, sizeof *a->help_texts);
    if (!a->help_keys || !a->help_texts)
        abort();
    for (int i = 0; i < a->keys.count; i++) {
        if (!a->keys.entry[i].help[0])
            continue; /* e.g. keys 2..9: described once under key 1 */
        a->help_keys[a->help_count] = a->keys.entry[i].key;
        a->help_texts[a->help_count++] = a->keys.entry[i].help;
    }
}

bool app_init(struct app *a, const struct options *opt)
{
    memset(a, 0, sizeof *a);
    a->opt = *opt;
    for (int i = 0; i < APP_POINTERS; i++)
        a->drag[i].element = -1;
    char err[PATHS_MAX + 128];
    if (!paths_init(&a->paths, err, sizeof err)) {
        fprintf(stderr, "soundboard: %s\n", err);
        return false;
    }
    data_load_content(&a->paths, &a->content, stderr);
    data_load_keys(&a->paths, &a->keys, stderr);
    collect_help(a);

    board_init(&a->board);
    a->theme = opt->theme;
    a->fullscreen = opt->fullscreen;
    if (opt->focus >= 0)
        a->board.focus = opt->focus;
    else if (opt->set_count > 0)
        a->board.focus = opt->set[opt->set_count - 1].element;
    a->dirty = true;
    /* --preset first, then --set on top of it. */
    if (!app_presets_init(a))
        return false;
    for (int i = 0; i < opt->set_count; i++)
        board_set(&a->board, opt->set[i].element, opt->set[i].value);
    return true;
}

void app_free(struct app *a)
{
    app_midi_free(a);
    preset_ui_free(a);
    app_presets_free(a);
    free(a->help_keys);
    free(a->help_texts);
    keymap_free(&a->keys);
    content_free(&a->content);
}

void app_format(const struct app *a, char *out, size_t outlen,
                const char *key, const char *arg)
{
    const char *fmt = content_string(&a->content, key);
    const char *hole = strstr(fmt, "%s");
    if (!hole) {
        snprintf(out, outlen, "%s", fmt);
        return;
    }
    snprintf(out, outlen, "%.*s%s%s", (int)(hole - fmt), fmt, arg, hole + 2);
}

void app_notice_text(struct app *a, const char *key, const char *arg)
{
    char text[sizeof a->notice];
    app_format(a, text, sizeof text, key, arg);
    app_notice(a, "%s", text);
}

void app_board_moved(struct app *a)
{
    a->dirty = true;
    app_midi_board_moved(a);
}

void app_notice(struct app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->notice, sizeof a->notice, fmt, ap);
    va_end(ap);
    fprintf(stderr, "soundboard: %s\n", a->notice);
    a->notice_until = SDL_GetTicks() + APP_NOTICE_MS;
    if (a->notice_until == 0)
        a->notice_until = 1;
    a->dirty = true;
}

bool app_command_text(struct app *a, const char *text)
{
    struct command cmd;
    char err[128];
    if (!command_parse(text, &cmd, err, sizeof err)) {
        app_notice(a, "%s", err);
        return false;
    }
    app_command(a, &cmd);
    return true;
}

static void toggle_overlay(struct app *a, enum command_overlay o)
{
    a->overlay = (a->overlay == o) ? OVERLAY_NONE : o;
    a->dirty = true;
}

void app_command(struct app *a, const struct command *cmd)
{
    bool moves = cmd->kind == CMD_SET || cmd->kind == CMD_NUDGE
                 || cmd->kind == CMD_ZONE;
    /* Learn mode takes the arrows and Escape first (a responder chain). */
    if (app_midi_command(a, cmd))
        return;
    if (moves)
        app_presets_stop_glide(a); /* a hand on a fader wins over a glide */
    if (command_apply_to_board(cmd, &a->board)) {
        if (moves)
            app_board_moved(a);
        a->dirty = true;
        return;
    }
    if (app_presets_command(a, cmd))
        return;
    switch (cmd->kind) {
    case CMD_FULLSCREEN:
        a->fullscreen = !a->fullscreen;
        if (a->window)
            SDL_SetWindowFullscreen(a->window, a->fullscreen
                                    ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        a->dirty = true;
        break;
    case CMD_THEME:
        a->theme = cmd->value >= 0 ? cmd->value
                                   : (a->theme + 1) % THEME_COUNT;
        a->dirty = true;
        break;
    case CMD_OVERLAY:
        if (cmd->value == OVERLAY_NONE)
            a->overlay = OVERLAY_NONE, a->dirty = true;
        else
            toggle_overlay(a, (enum command_overlay)cmd->value);
        preset_ui_browser(a, a->overlay == OVERLAY_PRESETS);
        break;
    case CMD_PRESET_SAVE:
        preset_ui_open_save(a);
        break;
    case CMD_QUIT:
        a->quit = true;
        break;
    default:
        break; /* board commands that changed nothing */
    }
}

void app_view(const struct app *a, struct view *v)
{
    memset(v, 0, sizeof *v);
    v->board = &a->board;
    v->content = &a->content;
    v->theme = a->theme;
    v->overlay = a->overlay;
    v->notice = a->notice_until ? a->notice : NULL;
    v->preset_name = app_presets_name(a);
    v->preset_modified = app_presets_modified(a);
    app_midi_view(a, v);
    v->help_keys = a->help_keys;
    v->help_texts = a->help_texts;
    v->help_count = a->help_count;
    preset_ui_view(a, v);
}

void app_tick(struct app *a)
{
    app_midi_tick(a);
    if (app_presets_tick(a, (int64_t)SDL_GetTicks64()))
        a->dirty = true;
}

bool app_wants_fast_ticks(const struct app *a)
{
    return app_presets_gliding(a) || app_midi_active(a);
}
