/* app: the state and the dispatcher, the one place the state changes (see
 * app.h). The loop is in loop.c, SDL input translation in input_sdl.c. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data_load.h"
#include "str.h"

static int64_t sdl_clock(void)
{
    return (int64_t)SDL_GetTicks64();
}

static int64_t now(const struct app *a)
{
    return a->clock();
}

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

/* No --preset and no --set: the board reopens with the mix of the preset
 * recalled last (the facilitator's "where we were"), at once. */
static void reopen_last_preset(struct app *a)
{
    struct preset p;
    struct diag_list d;
    diag_init(&d);
    enum preset_resolve r = preset_store_resolve(&a->presets.store,
                                                 a->settings.preset, &p, &d);
    diag_print(&d, stderr, "soundboard: ", NULL);
    if (r != PRESET_RESOLVED) {
        fprintf(stderr, "soundboard: settings.ini: the last preset, '%s', "
                "is %s: starting with the default mix\n", a->settings.preset,
                r == PRESET_AMBIGUOUS ? "ambiguous" : "gone");
        return;
    }
    live_presets_adopt(&a->presets, &p);
    for (int el = 0; el < BOARD_ELEMENTS; el++)
        board_set(&a->board, el, p.value[el]);
}

bool app_init(struct app *a, const struct app_config *cfg)
{
    memset(a, 0, sizeof *a);
    a->cfg = *cfg;
    a->clock = sdl_clock;
    input_init(&a->input);
    a->preset_ui = preset_ui_create();
    char err[PATHS_MAX + 128];
    if (!paths_init(&a->paths, err, sizeof err)) {
        fprintf(stderr, "soundboard: %s\n", err);
        return false;
    }
    data_load_content(&a->paths, &a->content, stderr);
    data_load_keys(&a->paths, &a->keys, stderr);
    collect_help(a);
    settings_store_load(&a->settings_file, &a->paths, &a->settings, stderr);

    board_init(&a->board);
    /* The command line wins over settings.ini, for this run only. */
    a->theme = cfg->theme_given ? cfg->theme : a->settings.theme;
    a->fullscreen = cfg->fullscreen || a->settings.fullscreen;
    _Static_assert((int)APP_RENDERER_SOFTWARE == (int)SETTINGS_RENDERER_SOFTWARE
                   && (int)APP_RENDERER_ACCELERATED
                          == (int)SETTINGS_RENDERER_ACCELERATED,
                   "settings.ini's renderer names the same modes");
    if (!cfg->renderer_given)
        a->cfg.renderer = (enum app_renderer)a->settings.renderer;
    a->overlay = cfg->overlay; /* --show */
    if (cfg->focus >= 0)
        a->board.focus = cfg->focus;
    else if (cfg->set_count > 0)
        a->board.focus = cfg->set[cfg->set_count - 1].element;
    a->dirty = true;
    /* --preset first, then --set on top of it. */
    live_presets_init(&a->presets, &a->paths, NULL, &a->board, stderr);
    a->presets.glide_ms = a->settings.glide_ms;
    if (!cfg->preset && cfg->set_count == 0 && a->settings.preset[0])
        reopen_last_preset(a);
    if (cfg->preset) {
        struct preset p;
        if (!preset_store_recall(&a->presets.store, cfg->preset, &p, stderr))
            return false;
        live_presets_adopt(&a->presets, &p);
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            board_set(&a->board, e, p.value[e]);
    }
    /* --arc and --arc-step: the step's mix replaces the preset's. */
    live_arc_init(&a->arc, &a->paths, stderr);
    if (cfg->arc) {
        struct arc arc;
        if (!arc_store_open(&a->arc.store, cfg->arc, &arc, stderr))
            return false;
        if (cfg->arc_step > arc.count) {
            fprintf(stderr, "soundboard: --arc-step %d: '%s' has %d steps\n",
                    cfg->arc_step, arc.name, arc.count);
            return false;
        }
        live_arc_open(&a->arc, &arc, cfg->arc_step - 1, &a->board);
    } else if (cfg->arc_step) {
        fprintf(stderr, "soundboard: --arc-step needs --arc\n");
        return false;
    }
    for (int i = 0; i < cfg->set_count; i++)
        board_set(&a->board, cfg->set[i].element, cfg->set[i].value);
    const char *name = live_presets_name(&a->presets);
    str_copy(a->seen_preset, sizeof a->seen_preset, name ? name : "");
    return true;
}

void app_free(struct app *a)
{
    if (a->midi_started)
        controllers_free(&a->midi);
    a->midi_started = false;
    preset_ui_free(a->preset_ui);
    a->preset_ui = NULL;
    live_presets_free(&a->presets);
    live_arc_free(&a->arc);
    free(a->help_keys);
    free(a->help_texts);
    a->help_keys = a->help_texts = NULL;
    keymap_free(&a->keys);
    content_free(&a->content);
}

bool app_start_midi(struct app *a, bool use_portmidi)
{
    struct controllers_config cfg = {.force = a->cfg.controller,
                                     .midi_in = a->cfg.midi_in,
                                     .midi_out = a->cfg.midi_out,
                                     .portmidi = use_portmidi,
                                     .prefer = a->settings.controller};
    a->midi_started = true; /* controllers_free is safe after a failure */
    return controllers_start(&a->midi, &a->paths, &cfg, stderr);
}

/* ---- Applying what the parts handed back -------------------------------- */

static void notice(struct app *a, const char *key, const char *arg)
{
    if (key)
        str_fill_hole(a->notice, sizeof a->notice,
                      content_string(&a->content, key), arg);
    else
        str_copy(a->notice, sizeof a->notice, arg);
    fprintf(stderr, "soundboard: %s\n", a->notice);
    a->notice_until = now(a) + APP_NOTICE_MS;
    if (a->notice_until == 0)
        a->notice_until = 1;
    a->dirty = true;
}

/* ---- Remembered settings ------------------------------------------------
 * a->settings changes only where the user changes something in the
 * program (never from the command line); after each change the file is
 * rewritten atomically if it no longer holds a->settings. */

static void remember(struct app *a)
{
    /* The recalled preset and the controller in use, when they change. */
    const char *name = live_presets_name(&a->presets);
    if (name && strcmp(name, a->seen_preset) != 0) {
        str_copy(a->seen_preset, sizeof a->seen_preset, name);
        str_copy(a->settings.preset, sizeof a->settings.preset, name);
    }
    const char *id = a->midi_started && !a->cfg.controller
                         ? controllers_profile_id(&a->midi) : NULL;
    if (id)
        str_copy(a->settings.controller, sizeof a->settings.controller, id);
    if (!a->cfg.remember)
        return;
    char err[PATHS_MAX + 200];
    if (!settings_store_save(&a->settings_file, &a->settings, err,
                             sizeof err))
        notice(a, "notice.settings-failed", err);
}

static void apply(struct app *a, struct changes *ch)
{
    if (ch->hands_on)
        live_presets_stop_glide(&a->presets); /* hands on the faders win */
    switch (ch->preset_change) {
    case CHANGES_PRESET_RECALL: {
        struct changes sub = {0};
        live_presets_recall(&a->presets, &ch->preset, &a->board, now(a),
                            &sub);
        apply(a, &sub);
        break;
    }
    case CHANGES_PRESET_ADOPT:
        live_presets_adopt(&a->presets, &ch->preset);
        break;
    case CHANGES_PRESET_RENAMED:
        live_presets_renamed(&a->presets, ch->renamed_from, ch->preset.name);
        break;
    case CHANGES_PRESET_NONE:
        break;
    }
    if (ch->close_overlay)
        a->overlay = OVERLAY_NONE;
    if (ch->board_moved && a->midi_started)
        controllers_board_moved(&a->midi, &a->board);
    if (ch->has_notice)
        notice(a, ch->notice_key, ch->notice_arg);
    if (ch->redraw || ch->board_moved || ch->close_overlay)
        a->dirty = true;
    /* Controller buttons: their commands run now, after the MIDI poll
     * that read them has returned (a `rescan` reopens the ports). */
    for (int i = 0; i < ch->command_count; i++)
        app_command_text(a, ch->command[i]);
    if (ch->commands_dropped)
        fprintf(stderr, "soundboard: %d controller buttons at once: %d "
                "ignored\n", ch->command_count + ch->commands_dropped,
                ch->commands_dropped);
    remember(a);
}

/* ---- Commands ----------------------------------------------------------- */

static void toggle_overlay(struct app *a, enum command_overlay o)
{
    a->overlay = (a->overlay == o) ? OVERLAY_NONE : o;
}

/* `display next`: the window moves on, and the display is remembered. */
static void next_display(struct app *a, struct changes *ch)
{
    char name[SETTINGS_DISPLAY_NAME_MAX + 1];
    int index = app_window_next_display(a, name, sizeof name);
    if (index < 0) {
        changes_notice(ch, "notice.one-display", NULL);
        return;
    }
    a->settings.display = index + 1;
    str_copy(a->settings.display_name, sizeof a->settings.display_name,
             name);
    char arg[SETTINGS_DISPLAY_NAME_MAX + 16];
    if (name[0])
        snprintf(arg, sizeof arg, "%d (%s)", index + 1, name);
    else
        snprintf(arg, sizeof arg, "%d", index + 1);
    changes_notice(ch, "notice.display", arg);
    ch->redraw = true;
}

/* Preset commands that put another mix on the board: the arc lets go. */
static bool preset_moves_board(enum command_kind k)
{
    return k == CMD_PRESET_RECALL || k == CMD_PRESET_NEXT
           || k == CMD_PRESET_PREV || k == CMD_COMPARE;
}

static void dispatch(struct app *a, const struct command *cmd,
                     struct changes *ch)
{
    bool moves = cmd->kind == CMD_SET || cmd->kind == CMD_NUDGE
                 || cmd->kind == CMD_ZONE;
    /* Learn mode takes the arrows and Escape first (a responder chain). */
    if (a->midi_started && controllers_command(&a->midi, cmd, &a->board, ch))
        return;
    if (moves)
        live_presets_stop_glide(&a->presets); /* a hand wins over a glide */
    if (command_apply_to_board(cmd, &a->board)) {
        ch->board_moved = moves;
        ch->redraw = true;
        if (moves) /* while an arc plays, the hand takes this element */
            live_arc_touched(&a->arc, a->board.focus,
                             a->board.value[a->board.focus], &a->content,
                             now(a), ch);
        return;
    }
    if (preset_moves_board(cmd->kind))
        live_arc_stop(&a->arc);
    if (live_presets_command(&a->presets, cmd, &a->board, &a->content,
                             now(a), ch)) {
        if (cmd->kind == CMD_GLIDE)
            a->settings.glide_ms = a->presets.glide_ms;
        return;
    }
    if (cmd->kind >= CMD_ARC_PLAY && cmd->kind <= CMD_ARC_CLOSE) {
        live_presets_stop_glide(&a->presets); /* the arc takes the board */
        live_arc_command(&a->arc, cmd, &a->board, &a->content,
                         a->presets.glide_ms, now(a), ch);
        return;
    }
    switch (cmd->kind) {
    case CMD_FULLSCREEN:
        a->fullscreen = !a->fullscreen;
        if (a->window)
            SDL_SetWindowFullscreen(a->window, a->fullscreen
                                    ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        a->settings.fullscreen = a->fullscreen;
        ch->redraw = true;
        break;
    case CMD_DISPLAY_NEXT:
        next_display(a, ch);
        break;
    case CMD_THEME:
        a->theme = cmd->value >= 0 ? cmd->value
                                   : (a->theme + 1) % THEME_COUNT;
        a->settings.theme = a->theme;
        ch->redraw = true;
        break;
    case CMD_OVERLAY:
        if (cmd->value == OVERLAY_NONE)
            a->overlay = OVERLAY_NONE;
        else
            toggle_overlay(a, (enum command_overlay)cmd->value);
        preset_ui_browser(a->preset_ui, &a->presets.store,
                          live_presets_name(&a->presets),
                          a->overlay == OVERLAY_PRESETS);
        ch->redraw = true;
        break;
    case CMD_PRESET_SAVE:
        preset_ui_open_save(a->preset_ui, live_presets_recalled(&a->presets));
        ch->redraw = true;
        break;
    case CMD_QUIT:
        a->quit = true;
        break;
    default:
        break; /* board commands that changed nothing */
    }
}

void app_command(struct app *a, const struct command *cmd)
{
    struct changes ch = {0};
    dispatch(a, cmd, &ch);
    apply(a, &ch);
}

bool app_command_text(struct app *a, const char *text)
{
    struct command cmd;
    char err[128];
    if (!command_parse(text, &cmd, err, sizeof err)) {
        notice(a, NULL, err);
        return false;
    }
    app_command(a, &cmd);
    return true;
}

/* ---- Events and time ---------------------------------------------------- */

/* The layout follows the open arc's timeline (the loop computes it for a
 * new window size; this adds or drops the timeline). */
static void sync_layout(struct app *a)
{
    int steps = live_arc_steps(&a->arc);
    if (a->layout.w > 0 && a->layout.timeline_steps != steps) {
        layout_compute_arc(&a->layout, a->layout.w, a->layout.h, steps);
        a->dirty = true;
    }
}

/* A click or touch on a step of the timeline: go there. */
static bool timeline_hit(struct app *a, const SDL_Event *ev)
{
    int x, y;
    if (ev->type == SDL_MOUSEBUTTONDOWN && ev->button.button == SDL_BUTTON_LEFT) {
        x = (int)(ev->button.x * a->scale_x);
        y = (int)(ev->button.y * a->scale_y);
    } else if (ev->type == SDL_FINGERDOWN) {
        x = (int)(ev->tfinger.x * (float)a->out_w);
        y = (int)(ev->tfinger.y * (float)a->out_h);
    } else {
        return false;
    }
    struct layout_hit hit;
    if (a->overlay != OVERLAY_NONE
        || layout_hit(&a->layout, NULL, x, y, &hit) != LAYOUT_HIT_STEP)
        return false;
    app_command(a, &(struct command){.kind = CMD_ARC_STEP, .element = -1,
                                     .value = hit.step + 1});
    return true;
}

bool app_handle_event(struct app *a, const SDL_Event *ev)
{
    sync_layout(a);
    if (timeline_hit(a, ev))
        return false;
    struct changes ch = {0};
    struct preset_ui_ctx px = {
        .store = &a->presets.store,
        .recalled = live_presets_recalled(&a->presets),
        .board = &a->board, .content = &a->content, .layout = &a->layout,
        .scale_x = a->scale_x, .scale_y = a->scale_y,
        .browser_shown = a->overlay == OVERLAY_PRESETS};
    if (preset_ui_handle(a->preset_ui, &px, ev, &ch)) {
        apply(a, &ch);
        return true;
    }
    struct input_ctx ix = {.keys = &a->keys, .layout = &a->layout,
                           .board = &a->board, .overlay = a->overlay,
                           .scale_x = a->scale_x, .scale_y = a->scale_y,
                           .out_w = a->out_w, .out_h = a->out_h};
    struct input_result r;
    input_translate(&a->input, &ix, ev, &r);
    if (r.quit)
        a->quit = true;
    if (r.redraw || r.close_overlay)
        a->dirty = true;
    if (r.close_overlay)
        a->overlay = OVERLAY_NONE;
    for (int i = 0; i < r.count && !a->quit; i++)
        app_command(a, &r.cmd[i]);
    if (r.focus >= 0 && a->board.focus != r.focus) {
        a->board.focus = r.focus;
        a->dirty = true;
    }
    return false;
}

void app_tick(struct app *a)
{
    if (a->midi_started) {
        struct changes ch = {0};
        int before[BOARD_ELEMENTS];
        memcpy(before, a->board.value, sizeof before);
        controllers_poll(&a->midi);
        controllers_apply(&a->midi, &a->board, now(a), &ch);
        /* Faders a controller moved: while an arc plays, the hand takes
         * those elements (and records them when armed). */
        for (int e = 0; ch.hands_on && e < BOARD_ELEMENTS; e++)
            if (a->board.value[e] != before[e])
                live_arc_touched(&a->arc, e, a->board.value[e], &a->content,
                                 now(a), &ch);
        apply(a, &ch); /* a hand on a fader stops the glide first */
    }
    struct changes glide = {0};
    live_presets_tick(&a->presets, &a->board, now(a), &glide);
    live_arc_tick(&a->arc, &a->board, now(a), &glide);
    apply(a, &glide);
    sync_layout(a);
    if (a->notice_until && now(a) >= a->notice_until) {
        a->notice_until = 0;
        a->dirty = true;
    }
}

void app_send_feedback(struct app *a)
{
    if (!a->midi_started)
        return;
    struct transport_state t = live_arc_transport(&a->arc);
    controllers_send(&a->midi, &a->board, &t, &a->content);
}

void app_drain_midi(struct app *a)
{
    if (!a->midi_started)
        return;
    /* A regular file ends; a FIFO or device ends when its writer closes. */
    const struct timespec ms = {0, 1000000};
    for (;;) {
        app_tick(a);
        if (controllers_input_done(&a->midi))
            break;
        nanosleep(&ms, NULL);
    }
    app_send_feedback(a);
}

/* Asleep (APP_WAIT_FOREVER) unless something is due: a redraw, a glide's
 * step, a notice's end, or what the MIDI backend asks for (a timer only
 * where it has no descriptor that wakes the loop: controllers.h). */
uint32_t app_wait_ms(const struct app *a)
{
    if (a->dirty)
        return 0;
    uint32_t ms = APP_WAIT_FOREVER;
    if (live_presets_gliding(&a->presets))
        ms = APP_GLIDE_STEP_MS;
    /* A playing arc wakes for its glides, and sleeps through its dwells. */
    int64_t arc = live_arc_wait_ms(&a->arc, now(a));
    if (arc >= 0 && arc < (int64_t)ms)
        ms = arc > 0 ? (uint32_t)arc : APP_GLIDE_STEP_MS;
    if (a->midi_started) {
        struct midi_wait w;
        controllers_wait(&a->midi, &w);
        if (w.timeout_ms >= 0 && (uint32_t)w.timeout_ms < ms)
            ms = (uint32_t)w.timeout_ms;
    }
    if (a->notice_until) {
        int64_t left = a->notice_until - now(a);
        if (left < 0)
            left = 0;
        if (left < (int64_t)ms)
            ms = (uint32_t)left;
    }
    return ms;
}

/* ---- What the screen shows ---------------------------------------------- */

void app_view(const struct app *a, struct view *v)
{
    memset(v, 0, sizeof *v);
    v->board = &a->board;
    v->content = &a->content;
    v->theme = a->theme;
    v->overlay = a->overlay;
    v->notice = a->notice_until ? a->notice : NULL;
    v->preset_name = live_presets_name(&a->presets);
    const struct preset *rec = live_presets_recalled(&a->presets);
    v->preset_notes = rec ? rec->notes : NULL;
    v->preset_modified = live_presets_modified(&a->presets, &a->board);
    if (a->midi_started)
        controllers_view(&a->midi, v);
    v->help_keys = a->help_keys;
    v->help_texts = a->help_texts;
    v->help_count = a->help_count;
    live_arc_view(&a->arc, v);
    struct layout l;
    const struct layout *shown = &a->layout;
    if (a->layout.w <= 0) { /* no window yet: the configured size */
        layout_compute_arc(&l, a->cfg.width, a->cfg.height,
                           live_arc_steps(&a->arc));
        shown = &l;
    }
    preset_ui_view(a->preset_ui, &a->presets.store,
                   a->overlay == OVERLAY_PRESETS, shown, v);
}

const struct preset *app_recalled(const struct app *a)
{
    return live_presets_recalled(&a->presets);
}
