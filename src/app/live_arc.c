/* live_arc: the arc's transport, edits and saving, live (live_arc.h). */
#include "live_arc.h"

#include <string.h>

#include "str.h"
#include "view.h"

void live_arc_init(struct live_arc *A, const struct paths *p, FILE *log)
{
    memset(A, 0, sizeof *A);
    arc_play_init(&A->play);
    arc_store_init(&A->store, p);
    struct diag_list d;
    diag_init(&d);
    arc_store_load(&A->store, &d);
    diag_print(&d, log, "soundboard: ", NULL);
}

void live_arc_free(struct live_arc *A)
{
    arc_store_free(&A->store);
}

static void put_step(struct live_arc *A, struct board *b)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        board_set(b, e, A->arc.step[A->current].value[e]);
}

void live_arc_open(struct live_arc *A, const struct arc *arc, int step,
                   struct board *b)
{
    A->arc = *arc;
    A->open = true;
    A->current = step < 0 ? 0 : step >= arc->count ? arc->count - 1 : step;
    arc_play_init(&A->play);
    morph_stop(&A->morph);
    put_step(A, b);
}

void live_arc_stop(struct live_arc *A)
{
    arc_play_stop(&A->play);
    morph_stop(&A->morph);
}

static void notice_num(struct changes *ch, const char *key, int n)
{
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    changes_notice(ch, key, num);
}

/* Every edit is saved at once; a factory arc becomes a user copy. */
static void save(struct live_arc *A, struct changes *ch)
{
    char err[PATHS_MAX + 200];
    if (!arc_store_save(&A->store, &A->arc, NULL, err, sizeof err))
        changes_notice(ch, "arc.save-failed", err);
}

/* Goes to step k: the faders glide there (the morph), play pauses. */
static void go_to(struct live_arc *A, int k, struct board *b, int glide_ms,
                  int64_t now, struct changes *ch)
{
    k = k < 0 ? 0 : k >= A->arc.count ? A->arc.count - 1 : k;
    arc_play_stop(&A->play);
    A->current = k;
    ch->redraw = true;
    if (glide_ms <= 0) {
        morph_stop(&A->morph);
        put_step(A, b);
        ch->board_moved = true;
        return;
    }
    morph_start(&A->morph, b->value, A->arc.step[k].value, now, glide_ms);
}

static void play(struct live_arc *A, const struct board *b, int glide_ms,
                 int64_t now, const struct content *c, struct changes *ch)
{
    if (A->play.playing) {
        arc_play_stop(&A->play);
        changes_notice(ch, "arc.paused", A->arc.step[A->current].label);
        return;
    }
    morph_stop(&A->morph);
    /* At the last step, Play starts over from the first. */
    int from = A->current == A->arc.count - 1 ? 0 : A->current;
    arc_play_start(&A->play, &A->arc, from, b->value, now,
                   A->arc.dwell * 1000, glide_ms);
    A->current = from;
    changes_notice(ch, A->play.recording ? "arc.playing-rec" : "arc.playing",
                   A->arc.name);
    (void)c;
}

static void record(struct live_arc *A, const struct board *b,
                   struct changes *ch)
{
    if (A->play.playing) {
        A->play.recording = !A->play.recording;
        changes_notice(ch, A->play.recording ? "arc.rec-armed"
                                             : "arc.rec-off", NULL);
        return;
    }
    arc_record(&A->arc, A->current, b->value);
    changes_notice(ch, "arc.recorded", A->arc.step[A->current].label);
    save(A, ch);
}

static void insert(struct live_arc *A, const struct board *b,
                   const struct content *c, struct changes *ch)
{
    char label[ARC_LABEL_MAX + 1], num[16];
    snprintf(num, sizeof num, "%d", A->current + 2);
    str_fill_hole(label, sizeof label, content_string(c, "arc.step-label"),
                  num);
    if (!arc_insert(&A->arc, A->current + 1, label, b->value)) {
        notice_num(ch, "arc.max-steps", ARC_STEPS_MAX);
        return;
    }
    arc_play_stop(&A->play);
    A->current++;
    changes_notice(ch, "arc.inserted", label);
    save(A, ch);
}

static void delete_step(struct live_arc *A, struct board *b, int glide_ms,
                        int64_t now, struct changes *ch)
{
    char label[ARC_LABEL_MAX + 1];
    str_copy(label, sizeof label, A->arc.step[A->current].label);
    if (!arc_delete(&A->arc, A->current)) {
        notice_num(ch, "arc.min-steps", ARC_STEPS_MIN);
        return;
    }
    go_to(A, A->current, b, glide_ms, now, ch);
    changes_notice(ch, "arc.deleted", label);
    save(A, ch);
}

static void new_arc(struct live_arc *A, struct board *b,
                    const struct content *c, struct changes *ch)
{
    char name[ARC_NAME_MAX + 1];
    arc_store_unique_name(&A->store, content_string(c, "arc.new-name"), name,
                          sizeof name);
    struct arc a;
    arc_make(&a, name, ARC_STEPS_MIN, b->value,
             content_string(c, "arc.step-label"));
    live_arc_open(A, &a, 0, b);
    changes_notice(ch, "arc.opened", name);
    save(A, ch);
}

/* Opens the arc after the open one in the store's list; after the last,
 * closes. */
static void cycle(struct live_arc *A, struct board *b, struct changes *ch)
{
    int i = arc_store_next(&A->store, A->open ? A->arc.name : NULL);
    if (A->open && i >= 0 && strcmp(A->store.entry[i].arc.name,
                                    A->arc.name) == 0)
        i = -1; /* the only arc: cycling closes it */
    if (i < 0) {
        if (!A->open) {
            changes_notice(ch, "arc.no-arcs", NULL);
            return;
        }
        live_arc_stop(A);
        A->open = false;
        changes_notice(ch, "arc.closed", NULL);
        return;
    }
    live_arc_open(A, &A->store.entry[i].arc, 0, b);
    ch->board_moved = true;
    changes_notice(ch, "arc.opened", A->arc.name);
}

bool live_arc_command(struct live_arc *A, const struct command *cmd,
                      struct board *b, const struct content *c,
                      int glide_ms, int64_t now, struct changes *ch)
{
    if (cmd->kind < CMD_ARC_PLAY || cmd->kind > CMD_ARC_CLOSE)
        return false;
    ch->redraw = true;
    if (cmd->kind == CMD_ARC_NEW) {
        new_arc(A, b, c, ch);
        ch->board_moved = true;
        return true;
    }
    if (cmd->kind == CMD_ARC_CYCLE) {
        cycle(A, b, ch);
        return true;
    }
    if (!A->open) {
        changes_notice(ch, "arc.none", NULL);
        return true;
    }
    switch (cmd->kind) {
    case CMD_ARC_PLAY: play(A, b, glide_ms, now, c, ch); break;
    case CMD_ARC_STOP:
        arc_play_stop(&A->play);
        A->play.recording = false;
        break;
    case CMD_ARC_PREV: go_to(A, A->current - 1, b, glide_ms, now, ch); break;
    case CMD_ARC_NEXT: go_to(A, A->current + 1, b, glide_ms, now, ch); break;
    case CMD_ARC_FIRST: go_to(A, 0, b, glide_ms, now, ch); break;
    case CMD_ARC_LAST: go_to(A, A->arc.count - 1, b, glide_ms, now, ch);
        break;
    case CMD_ARC_STEP:
        if (cmd->value > A->arc.count) {
            notice_num(ch, "arc.no-step", cmd->value);
            break;
        }
        go_to(A, cmd->value - 1, b, glide_ms, now, ch);
        break;
    case CMD_ARC_RECORD: record(A, b, ch); break;
    case CMD_ARC_INSERT: insert(A, b, c, ch); break;
    case CMD_ARC_DELETE: delete_step(A, b, glide_ms, now, ch); break;
    case CMD_ARC_CLOSE:
        live_arc_stop(A);
        A->open = false;
        changes_notice(ch, "arc.closed", NULL);
        break;
    default:
        break;
    }
    return true;
}

void live_arc_touched(struct live_arc *A, int element, int value,
                      const struct content *c, int64_t now,
                      struct changes *ch)
{
    (void)c;
    morph_stop(&A->morph); /* a hand wins over a glide to a step */
    if (!A->open || !A->play.playing)
        return;
    if (arc_play_touch(&A->play, &A->arc, element, value, now)) {
        ch->redraw = true;
        save(A, ch);
    }
}

bool live_arc_tick(struct live_arc *A, struct board *b, int64_t now,
                   struct changes *ch)
{
    if (!A->open)
        return false;
    bool changed = false;
    if (A->play.playing) {
        struct arc_position pos;
        arc_play_advance(&A->play, &A->arc, now, &pos);
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            if (pos.drive[e])
                changed |= board_set(b, e, pos.value[e]);
        if (pos.step != A->current) {
            A->current = pos.step;
            ch->redraw = true;
        }
        if (pos.done)
            ch->redraw = true;
    } else if (A->morph.active) {
        int v[BOARD_ELEMENTS];
        morph_values_at(&A->morph, now, v);
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            changed |= board_set(b, e, v[e]);
        if (morph_done(&A->morph, now))
            morph_stop(&A->morph);
    }
    if (changed)
        ch->board_moved = ch->redraw = true;
    return changed;
}

int64_t live_arc_wait_ms(const struct live_arc *A, int64_t now_ms)
{
    if (!A->open)
        return -1;
    if (A->play.playing)
        return arc_play_rest_ms(&A->play, &A->arc, now_ms);
    return A->morph.active ? 0 : -1;
}

int live_arc_steps(const struct live_arc *A)
{
    return A->open ? A->arc.count : 0;
}

struct transport_state live_arc_transport(const struct live_arc *A)
{
    return (struct transport_state){.playing = A->open && A->play.playing,
                                    .armed = A->open && A->play.recording};
}

void live_arc_view(const struct live_arc *A, struct view *v)
{
    if (!A->open)
        return;
    v->arc = &A->arc;
    v->arc_step = A->current;
    v->arc_playing = A->play.playing;
    v->arc_recording = A->play.recording;
}
