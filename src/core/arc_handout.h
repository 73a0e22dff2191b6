/* arc_handout: what the printed handout of a unit's arc says, built once
 * from the content and the arc, then written as Markdown (here), as the
 * picture of its lanes and as PDF pages (src/print).
 *
 * The arc's name, a few words on reading it, its notes, then every step in
 * order: its label, its note and its mix, each element named by its zone.
 * A position is never a number, and nothing totals, ranks or grades a
 * step or the arc: handing an element back to the teacher is as legitimate
 * as handing it to students. Every word comes from struct content (ui.ini
 * [arc-handout]) or from the arc; the strings are borrowed from both, so
 * the handout is valid while they are. */
#ifndef SOUNDBOARD_ARC_HANDOUT_H
#define SOUNDBOARD_ARC_HANDOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "arc.h"
#include "board.h"
#include "content.h"

struct arc_handout_step {
    const char *label;              /* "Week 4" */
    const char *note;               /* why this mix now, or NULL */
    bool current;                   /* the step the board is at */
    enum zone zone[BOARD_ELEMENTS]; /* each element's zone, board order */
};

struct arc_handout {
    const char *title;                   /* the arc's name */
    const char *intro;                   /* how to read the handout */
    const char *notes;                   /* the arc's notes, or NULL */
    const char *picture;                 /* alt text of the lanes' picture */
    const char *key_title;               /* "Reading the lanes ..." */
    const char *pattern[ZONE_COUNT];     /* what each zone looks like there */
    const char *balance;                 /* the balance message */
    const char *steps_title;             /* the heading above the steps */
    const char *current;                 /* says the board is at a step */
    const char *element[BOARD_ELEMENTS]; /* full names, board order */
    const char *zone[ZONE_COUNT];        /* "Teacher-generated", ... */
    const char *credit;
    int count; /* steps, 2..ARC_STEPS_MAX */
    struct arc_handout_step step[ARC_STEPS_MAX];
};

/* Fills *h for arc a. `current` is the step to mark as the one the board
 * is at (0-based), or -1 to mark none. Missing content shows as its key. */
void arc_handout_build(const struct content *c, const struct arc *a,
                       int current, struct arc_handout *h);

/* The zone name of element e at step k (h->zone[...] of that step). */
const char *arc_handout_zone(const struct arc_handout *h, int k, int e);

/* The handout as Markdown; `picture` is the lanes' PNG as the document
 * will reference it (a file name beside it), or NULL for none. Returns
 * malloc'd text (*len its length if len is not NULL), NULL if memory ran
 * out. */
char *arc_handout_markdown(const struct arc_handout *h, const char *picture,
                           size_t *len);

#endif
