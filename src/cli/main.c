/* main: parse the command line, then either answer a one-shot request
 * (--help, --dump-state, --screenshot, --check, ...) or run the console. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "app.h"
#include "arc_cli.h"
#include "arc_export.h"
#include "arc_store.h"
#include "controllers.h"
#include "layout.h"
#include "options.h"
#include "preset_cli.h"
#include "profile_store.h"
#include "render.h"
#include "state_json.h"

enum { EXIT_USAGE = 2 };

static int dump_state(const struct app *a)
{
    struct state_extra extra = {
        .theme = a->theme,
        .preset = live_presets_name(&a->presets),
        .modified = live_presets_modified(&a->presets, &a->board),
        /* What the status line names: the profile, or for the generic
         * one the port. */
        .controller = a->midi_started && a->midi.status[0] ? a->midi.status
                                                           : NULL,
    };
    char *json = state_json(&a->board, &a->content, &extra);
    /* The open arc, added here (the arc's part of the state). */
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    if (root) {
        cJSON_AddItemToObject(root, "arc", arc_cli_state_json(&a->arc));
        free(json);
        json = cJSON_PrintUnformatted(root);
        cJSON_Delete(root);
    }
    if (!json) {
        fprintf(stderr, "soundboard: out of memory\n");
        return 1;
    }
    puts(json);
    free(json);
    return 0;
}

static cJSON *rect_json(struct layout_rect r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "x", r.x);
    cJSON_AddNumberToObject(o, "y", r.y);
    cJSON_AddNumberToObject(o, "w", r.w);
    cJSON_AddNumberToObject(o, "h", r.h);
    return o;
}

/* --dump-layout: where each cap is drawn for every value and where the
 * zone bands are, at --size: lets tests drive the real window with
 * xdotool at exact positions. */
static int dump_layout(const struct app *a)
{
    struct layout l;
    layout_compute_arc(&l, a->cfg.width, a->cfg.height,
                       live_arc_steps(&a->arc));
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "width", l.w);
    cJSON_AddNumberToObject(root, "height", l.h);
    cJSON *els = cJSON_AddArrayToObject(root, "elements");
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", board_element_id(e));
        cJSON_AddItemToObject(o, "strip", rect_json(l.strip[e].strip));
        cJSON_AddItemToObject(o, "zone_word", rect_json(l.strip[e].zone_word));
        cJSON *bands = cJSON_AddArrayToObject(o, "zone_bands");
        for (int z = 0; z < ZONE_COUNT; z++)
            cJSON_AddItemToArray(bands, rect_json(l.strip[e].zone_band[z]));
        cJSON *caps = cJSON_AddArrayToObject(o, "caps");
        for (int v = 0; v <= BOARD_MAX; v++)
            cJSON_AddItemToArray(caps, rect_json(layout_cap_rect(&l, e, v)));
        cJSON_AddItemToArray(els, o);
    }
    cJSON_AddItemToObject(root, "panel", rect_json(l.panel));
    cJSON_AddItemToObject(root, "bridge", rect_json(l.bridge));
    cJSON_AddItemToObject(root, "status", rect_json(l.status));
    if (l.timeline_steps) { /* the arc's timeline: one column per step */
        cJSON *steps = cJSON_AddArrayToObject(root, "timeline_steps");
        for (int k = 0; k < l.timeline_steps; k++)
            cJSON_AddItemToArray(steps,
                                 rect_json(layout_timeline_step(&l, k)));
    }
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return 1;
    puts(text);
    free(text);
    return 0;
}

static int screenshot(const struct app *a, const char *path)
{
    struct view v;
    app_view(a, &v);
    char err[512];
    if (!ui_render_png(&v, a->cfg.width, a->cfg.height, path, err,
                       sizeof err)) {
        fprintf(stderr, "soundboard: %s\n", err);
        return 1;
    }
    return 0;
}

/* --check takes presets and controller profiles: a file that names a
 * profile section is a profile; anything else (also empty or binary
 * files) is checked as a preset, whose messages then explain it. */
static bool looks_like_profile(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return strstr(buf, "[controller]") || strstr(buf, "[elements]");
}

int main(int argc, char **argv)
{
    struct options opt;
    char err[512];
    if (!options_parse(&opt, argc, argv, err, sizeof err)) {
        fprintf(stderr, "soundboard: %s\n", err);
        return EXIT_USAGE;
    }
    if (opt.help) {
        options_usage(stdout);
        return 0;
    }
    if (opt.version) {
        puts("soundboard " SOUNDBOARD_VERSION "\n"
             "Copyright (C) 2026 The soundboard authors\n"
             "License MIT: <https://opensource.org/licenses/MIT>\n"
             "This is free software: you are free to change and "
             "redistribute it.\n"
             "There is NO WARRANTY, to the extent permitted by law.");
        if (!opt.verbose)
            return 0;
        static struct app d;
        struct app_config dcfg;
        options_app_config(&opt, &dcfg);
        int st = app_init(&d, &dcfg) ? app_print_diagnostics(&d, stdout)
                                      : EXIT_USAGE;
        app_free(&d);
        return st;
    }
    /* One-shot requests that need no board. */
    if (opt.check) {
        if (arc_store_is_arc_file(opt.check))
            return arc_store_check(opt.check, stdout);
        if (preset_cli_is_preset_file(opt.check) || !looks_like_profile(opt.check))
            return preset_cli_check(opt.check, stdout);
        return profile_store_check(opt.check, stdout);
    }
    static struct app a; /* large; lives for the whole run */
    struct app_config cfg;
    options_app_config(&opt, &cfg);
    if (!app_init(&a, &cfg)) {
        app_free(&a);
        return EXIT_USAGE;
    }
    bool one_shot = opt.screenshot || opt.dump_state || opt.dump_layout
                    || opt.save_preset || opt.export_md || opt.list_presets
                    || opt.list_midi || opt.list_arcs;
    int status = 0;
    if (opt.list_midi) {
        status = controllers_list(&a.paths, stdout);
        app_free(&a);
        return status;
    }
    if (opt.list_arcs) {
        status = arc_cli_list(&a.paths, stdout, stderr);
        app_free(&a);
        return status;
    }
    if (opt.list_presets) {
        status = preset_cli_list(&a.paths, stdout, stderr);
        app_free(&a);
        return status;
    }
    if (!app_start_midi(&a, !one_shot)) {
        app_free(&a);
        return EXIT_USAGE;
    }
    if (one_shot)
        app_drain_midi(&a); /* the whole --midi-in file first */
    if (opt.save_preset)
        status = preset_cli_save(&a.paths, opt.save_preset, a.board.value,
                                 app_recalled(&a), stdout, stderr);
    if (opt.export_md && status == 0 && a.arc.open) {
        /* The whole arc's handout; the step --arc-step chose is marked as
         * the one the board is at (none without --arc-step). */
        status = arc_export(opt.export_md, &a.content, &a.arc.arc,
                            opt.arc_step ? a.arc.current : -1,
                            (enum handout_paper)opt.paper, stderr);
    } else if (opt.export_md && status == 0) {
        struct view v;
        app_view(&a, &v);
        status = preset_cli_export(opt.export_md, &a.content,
                                   app_recalled(&a), a.board.value, &v,
                                   (enum handout_paper)opt.paper, stderr);
    }
    if (opt.screenshot && status == 0)
        status = screenshot(&a, opt.screenshot);
    if (opt.dump_state && status == 0)
        status = dump_state(&a);
    if (opt.dump_layout && status == 0)
        status = dump_layout(&a);
    if (!one_shot)
        status = app_run(&a);
    app_free(&a);
    return status;
}
