/* live_presets: slots, recall with a glide, compare and store, live. */
#include "live_presets.h"

#include <string.h>

#include "str.h"

/* Glide times the facilitator steps through with `glide next`. */
static const int glide_steps[LIVE_GLIDE_STEPS] = {0, 1000, 2000, 4000};

void live_presets_init(struct live_presets *P, const struct paths *p,
                       const struct preset *initial, struct board *b,
                       FILE *log)
{
    memset(P, 0, sizeof *P);
    P->glide_ms = glide_steps[1];
    P->browse = -1;
    preset_compare_init(&P->compare);
    preset_store_init(&P->store, p);
    struct diag_list d;
    diag_init(&d);
    preset_store_load(&P->store, &d);
    diag_print(&d, log, "soundboard: ", NULL);
    if (!initial)
        return;
    live_presets_adopt(P, initial);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        board_set(b, e, initial->value[e]);
}

void live_presets_free(struct live_presets *P)
{
    preset_store_free(&P->store);
}

void live_presets_adopt(struct live_presets *P, const struct preset *p)
{
    P->recalled = *p;
    P->have_recalled = true;
    preset_compare_recalled(&P->compare, p->value);
}

void live_presets_renamed(struct live_presets *P, const char *from,
                          const char *to)
{
    if (P->have_recalled && strcmp(P->recalled.name, from) == 0)
        str_copy(P->recalled.name, sizeof P->recalled.name, to);
}

static void glide_to(struct live_presets *P, const int target[BOARD_ELEMENTS],
                     struct board *b, int64_t now, struct changes *ch)
{
    ch->redraw = true;
    if (P->glide_ms <= 0) {
        morph_stop(&P->morph);
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            board_set(b, e, target[e]);
        ch->board_moved = true;
        return;
    }
    /* From where the faders are now, also in the middle of a glide. */
    morph_start(&P->morph, b->value, target, now, P->glide_ms);
}

void live_presets_recall(struct live_presets *P, const struct preset *p,
                         struct board *b, int64_t now, struct changes *ch)
{
    live_presets_adopt(P, p);
    glide_to(P, p->value, b, now, ch);
    changes_notice(ch, "notice.recalled", p->name);
}

static void recall_slot(struct live_presets *P, int slot, struct board *b,
                        int64_t now, struct changes *ch)
{
    const struct preset_entry *e = preset_store_slot(&P->store, slot);
    if (!e) {
        char arg[8];
        snprintf(arg, sizeof arg, "%d", slot);
        changes_notice(ch, "notice.empty-slot", arg);
        return;
    }
    live_presets_recall(P, &e->preset, b, now, ch);
}

/* Stores the mix in a slot: into the recalled preset if there is one (a
 * factory one gets a user copy of the same name, which then wins), else a
 * new user preset named after the slot. */
static void store_slot(struct live_presets *P, int slot, const struct board *b,
                       const struct content *c, struct changes *ch)
{
    struct preset p;
    if (P->have_recalled) {
        p = P->recalled;
    } else {
        preset_init(&p);
        char base[PRESET_NAME_MAX + 1], num[8];
        snprintf(num, sizeof num, "%d", slot);
        str_fill_hole(base, sizeof base, content_string(c, "preset.slot-name"),
                      num);
        preset_store_unique_name(&P->store, base, p.name, sizeof p.name);
    }
    memcpy(p.value, b->value, sizeof p.value);
    p.slot = slot;
    char err[512];
    if (!preset_store_save(&P->store, &p, true, NULL, err, sizeof err)) {
        changes_notice(ch, "notice.save-failed", err);
        return;
    }
    const struct preset_entry *saved = preset_store_find_user(&P->store,
                                                              p.name);
    live_presets_adopt(P, saved ? &saved->preset : &p);
    changes_notice(ch, "notice.stored", p.name);
}

/* Next or previous preset in the store's order (shadowed ones skipped). */
static void step(struct live_presets *P, int dir, struct board *b,
                 int64_t now, struct changes *ch)
{
    int n = P->store.count;
    for (int tries = 0; tries < n; tries++) {
        P->browse = P->browse < 0 ? (dir > 0 ? 0 : n - 1)
                                  : (P->browse + dir + n) % n;
        if (!P->store.entry[P->browse].shadowed) {
            live_presets_recall(P, &P->store.entry[P->browse].preset, b, now,
                                ch);
            return;
        }
    }
    changes_notice(ch, "notice.no-presets", NULL);
}

static void compare(struct live_presets *P, struct board *b, int64_t now,
                    struct changes *ch)
{
    int out[BOARD_ELEMENTS];
    if (!preset_compare_flip(&P->compare, b->value, out)) {
        changes_notice(ch, "notice.no-compare", NULL);
        return;
    }
    glide_to(P, out, b, now, ch);
    changes_notice(ch, P->compare.showing_preset ? "notice.compare-b"
                                                 : "notice.compare-a",
                   P->recalled.name);
}

static void glide(struct live_presets *P, int value, const struct content *c,
                  struct changes *ch)
{
    if (value < 0) {
        int i = 0;
        while (i < LIVE_GLIDE_STEPS && glide_steps[i] != P->glide_ms)
            i++;
        value = glide_steps[(i + 1) % LIVE_GLIDE_STEPS];
    }
    P->glide_ms = value;
    char arg[32];
    if (value == 0)
        str_copy(arg, sizeof arg, content_string(c, "glide.instant"));
    else
        snprintf(arg, sizeof arg, "%g s", value / 1000.0);
    changes_notice(ch, "notice.glide", arg);
}

bool live_presets_command(struct live_presets *P, const struct command *cmd,
                          struct board *b, const struct content *c,
                          int64_t now, struct changes *ch)
{
    switch (cmd->kind) {
    case CMD_PRESET_RECALL: recall_slot(P, cmd->value, b, now, ch); return true;
    case CMD_PRESET_STORE: store_slot(P, cmd->value, b, c, ch); return true;
    case CMD_PRESET_NEXT: step(P, +1, b, now, ch); return true;
    case CMD_PRESET_PREV: step(P, -1, b, now, ch); return true;
    case CMD_COMPARE: compare(P, b, now, ch); return true;
    case CMD_GLIDE: glide(P, cmd->value, c, ch); return true;
    default: return false;
    }
}

bool live_presets_tick(struct live_presets *P, struct board *b, int64_t now,
                       struct changes *ch)
{
    if (!P->morph.active)
        return false;
    int v[BOARD_ELEMENTS];
    morph_values_at(&P->morph, now, v);
    bool changed = false;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        changed |= board_set(b, e, v[e]);
    if (morph_done(&P->morph, now))
        morph_stop(&P->morph);
    if (changed)
        ch->board_moved = ch->redraw = true;
    return changed;
}

bool live_presets_gliding(const struct live_presets *P)
{
    return P->morph.active;
}

void live_presets_stop_glide(struct live_presets *P)
{
    morph_stop(&P->morph);
}

const struct preset *live_presets_recalled(const struct live_presets *P)
{
    return P->have_recalled ? &P->recalled : NULL;
}

const char *live_presets_name(const struct live_presets *P)
{
    return P->have_recalled ? P->recalled.name : NULL;
}

bool live_presets_modified(const struct live_presets *P,
                           const struct board *b)
{
    if (!P->have_recalled || P->morph.active)
        return false;
    return preset_modified(&P->recalled, b->value);
}
