/* handout: what the printed handout of a mix says, built once from the
 * content and the mix, then written as Markdown (here) or as a PDF page
 * (src/print). Each element's position is named by its zone, never as a
 * number: a handout must not read as a grade. Every word comes from
 * struct content; the strings are borrowed from it (and from `recalled`),
 * so the handout is valid while both are. */
#ifndef SOUNDBOARD_HANDOUT_H
#define SOUNDBOARD_HANDOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "board.h"
#include "content.h"
#include "preset.h"

struct handout_element {
    const char *name;      /* "Inquiry and Idea Generation" */
    const char *zone;      /* "Co-created" */
    const char *teacher;   /* what the teacher does at this position */
    const char *students;  /* what students do */
    const char *example;   /* one classroom example */
    const char *habit[CONTENT_ZONE_HABITS]; /* the habits' full names */
    int habit_count;
};

struct handout {
    const char *title;     /* the recalled preset's name, or a general one */
    const char *intro;
    const char *notes;     /* the preset's why, or NULL */
    const char *modified;  /* "the faders moved since", or NULL */
    /* Headings. */
    const char *position, *teacher, *students, *example, *habits;
    struct handout_element element[BOARD_ELEMENTS];
    const char *questions_title;
    const char *question[CONTENT_QUESTIONS];
    int question_count;
    const char *balance;   /* the balance message */
    const char *credit;
    const char *picture;   /* alt text of the board picture */
};

/* The paper a handout is printed on (--paper; the PDFs of src/print). */
enum handout_paper { HANDOUT_A4, HANDOUT_LETTER };

/* "a4" or "letter" -> the paper, -1 if neither. */
int handout_paper_from_name(const char *name);

/* Fills *h for the mix `value` (0..100 each); recalled is the preset
 * recalled last, or NULL. Missing content shows as its key. */
void handout_build(const struct content *c, const struct preset *recalled,
                   const int value[BOARD_ELEMENTS], struct handout *h);

/* The handout as Markdown; `picture` is the board's PNG as the document
 * will reference it (a file name beside it), or NULL for none. Returns
 * malloc'd text (*len its length if len is not NULL), NULL if memory ran
 * out. Habits are a list: their names may hold commas. */
char *handout_markdown(const struct handout *h, const char *picture,
                       size_t *len);

#endif
