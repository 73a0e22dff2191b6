/* app_presets: slots, recall with a glide, compare and store, live. */
#include "app_presets.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data_load.h"
#include "preset_cli.h"

/* Glide times the facilitator steps through with `glide next`. */
static const int glide_steps[APP_GLIDE_STEPS] = {0, 1000, 2000, 4000};

static int64_t now_ms(void)
{
    return (int64_t)SDL_GetTicks64();
}

bool app_presets_init(struct app *a)
{
    struct app_presets *P = calloc(1, sizeof *P);
    if (!P)
        abort();
    a->presets = P;
    P->glide_ms = glide_steps[1];
    P->browse = -1;
    preset_compare_init(&P->compare);
    preset_store_init(&P->store, &a->paths);
    struct diag_list d;
    diag_init(&d);
    preset_store_load(&P->store, &d);
    data_print_diag(&d, stderr);
    if (!a->opt.preset)
        return true;
    if (!preset_cli_recall(&a->paths, a->opt.preset, &P->recalled, stderr))
        return false;
    P->have_recalled = true;
    preset_compare_recalled(&P->compare, P->recalled.value);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        board_set(&a->board, e, P->recalled.value[e]);
    return true;
}

void app_presets_free(struct app *a)
{
    if (!a->presets)
        return;
    preset_store_free(&a->presets->store);
    free(a->presets);
    a->presets = NULL;
}

static void glide_to(struct app *a, const int target[BOARD_ELEMENTS])
{
    struct app_presets *P = a->presets;
    if (P->glide_ms <= 0) {
        morph_stop(&P->morph);
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            board_set(&a->board, e, target[e]);
        app_board_moved(a);
        return;
    }
    /* From where the faders are now, also in the middle of a glide. */
    morph_start(&P->morph, a->board.value, target, now_ms(), P->glide_ms);
    a->dirty = true;
}

static void recall(struct app *a, const struct preset *p)
{
    struct app_presets *P = a->presets;
    P->recalled = *p;
    P->have_recalled = true;
    preset_compare_recalled(&P->compare, p->value);
    glide_to(a, p->value);
    app_notice_text(a, "notice.recalled", p->name);
}

void app_presets_recall(struct app *a, const struct preset *p)
{
    if (a->presets)
        recall(a, p);
}

static void recall_slot(struct app *a, int slot)
{
    const struct preset_entry *e = preset_store_slot(&a->presets->store, slot);
    char arg[8];
    snprintf(arg, sizeof arg, "%d", slot);
    if (!e) {
        app_notice_text(a, "notice.empty-slot", arg);
        return;
    }
    recall(a, &e->preset);
}

/* Stores the mix in a slot: into the recalled preset if there is one (a
 * factory one gets a user copy of the same name, which then wins), else a
 * new user preset named after the slot. */
static void store_slot(struct app *a, int slot)
{
    struct app_presets *P = a->presets;
    struct preset p;
    if (P->have_recalled) {
        p = P->recalled;
    } else {
        preset_init(&p);
        char base[PRESET_NAME_MAX + 1];
        char num[8];
        snprintf(num, sizeof num, "%d", slot);
        app_format(a, base, sizeof base, "preset.slot-name", num);
        preset_store_unique_name(&P->store, base, p.name, sizeof p.name);
    }
    memcpy(p.value, a->board.value, sizeof p.value);
    p.slot = slot;
    char err[512], path[PATHS_MAX];
    if (!preset_store_save(&P->store, &p, true, path, err, sizeof err)) {
        app_notice_text(a, "notice.save-failed", err);
        return;
    }
    const struct preset_entry *saved = preset_store_find_user(&P->store,
                                                              p.name);
    P->recalled = saved ? saved->preset : p;
    P->have_recalled = true;
    preset_compare_recalled(&P->compare, P->recalled.value);
    app_notice_text(a, "notice.stored", p.name);
}

/* Next or previous preset in the store's order (shadowed ones skipped). */
static void step(struct app *a, int dir)
{
    struct app_presets *P = a->presets;
    int n = P->store.count;
    for (int tries = 0; tries < n; tries++) {
        P->browse = P->browse < 0 ? (dir > 0 ? 0 : n - 1)
                                  : (P->browse + dir + n) % n;
        if (!P->store.entry[P->browse].shadowed) {
            recall(a, &P->store.entry[P->browse].preset);
            return;
        }
    }
    app_notice_text(a, "notice.no-presets", "");
}

static void compare(struct app *a)
{
    struct app_presets *P = a->presets;
    int out[BOARD_ELEMENTS];
    if (!preset_compare_flip(&P->compare, a->board.value, out)) {
        app_notice_text(a, "notice.no-compare", "");
        return;
    }
    glide_to(a, out);
    app_notice_text(a, P->compare.showing_preset ? "notice.compare-b"
                                                 : "notice.compare-a",
                    P->recalled.name);
}

static void glide(struct app *a, int value)
{
    struct app_presets *P = a->presets;
    if (value < 0) {
        int i = 0;
        while (i < APP_GLIDE_STEPS && glide_steps[i] != P->glide_ms)
            i++;
        value = glide_steps[(i + 1) % APP_GLIDE_STEPS];
    }
    P->glide_ms = value;
    char arg[32];
    if (value == 0)
        snprintf(arg, sizeof arg, "%s",
                 content_string(&a->content, "glide.instant"));
    else
        snprintf(arg, sizeof arg, "%g s", value / 1000.0);
    app_notice_text(a, "notice.glide", arg);
}

bool app_presets_command(struct app *a, const struct command *cmd)
{
    if (!a->presets)
        return false;
    switch (cmd->kind) {
    case CMD_PRESET_RECALL: recall_slot(a, cmd->value); return true;
    case CMD_PRESET_STORE: store_slot(a, cmd->value); return true;
    case CMD_PRESET_NEXT: step(a, +1); return true;
    case CMD_PRESET_PREV: step(a, -1); return true;
    case CMD_COMPARE: compare(a); return true;
    case CMD_GLIDE: glide(a, cmd->value); return true;
    default: return false;
    }
}

bool app_presets_tick(struct app *a, int64_t now)
{
    struct app_presets *P = a->presets;
    if (!P || !P->morph.active)
        return false;
    int v[BOARD_ELEMENTS];
    morph_values_at(&P->morph, now, v);
    bool changed = false;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        changed |= board_set(&a->board, e, v[e]);
    if (morph_done(&P->morph, now))
        morph_stop(&P->morph);
    if (changed)
        app_board_moved(a);
    return changed;
}

bool app_presets_gliding(const struct app *a)
{
    return a->presets && a->presets->morph.active;
}

void app_presets_stop_glide(struct app *a)
{
    if (a->presets)
        morph_stop(&a->presets->morph);
}

const struct preset *app_presets_recalled(const struct app *a)
{
    return a->presets && a->presets->have_recalled ? &a->presets->recalled
                                                   : NULL;
}

const char *app_presets_name(const struct app *a)
{
    return a->presets && a->presets->have_recalled ? a->presets->recalled.name
                                                   : NULL;
}

bool app_presets_modified(const struct app *a)
{
    const struct app_presets *P = a->presets;
    if (!P || !P->have_recalled || P->morph.active)
        return false;
    return preset_modified(&P->recalled, a->board.value);
}
