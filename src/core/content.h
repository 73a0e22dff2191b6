/* content: every word the board shows about the seven elements, their
 * zones, the sixteen Habits of Mind, the four questions, the "What this is"
 * and "Three misunderstandings" overlays and the UI strings.
 *
 * Loaded from INI text under assets/content/ (formats documented at the top
 * of each file there); nothing on screen is a C string. The core parses text
 * it is handed; reading the files is the app's job. */
#ifndef SOUNDBOARD_CONTENT_H
#define SOUNDBOARD_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "board.h"
#include "diag.h"

enum {
    CONTENT_HABITS = 16,       /* Costa and Kallick's sixteen Habits of Mind */
    CONTENT_QUESTIONS = 4,     /* asked before releasing control */
    CONTENT_ZONE_HABITS = 6,   /* room for this many habits per zone */
    /* Every position of every element names exactly this many habits, so
     * any mix lights the same number of meter-bridge segments: the bridge
     * shows which habits a mix calls on, never how many (a parse error
     * otherwise). */
    CONTENT_POSITION_HABITS = 3,
    CONTENT_LABEL_MAX = 7,     /* scribble-strip label, in characters */
    CONTENT_BRIEF_MAX = 28,    /* teacher-brief, students-brief */
    CONTENT_PURPOSE_MAX = 72,  /* an element's purpose line */
    CONTENT_SHORT_MAX = 15,    /* a habit's short name: a meter-bridge cell holds
                                * about 8 em (tests/render checks the width) */
    CONTENT_DESCRIPTION_MAX = 90, /* a habit's one-line description */
    CONTENT_TAGLINE_MAX = 56,  /* app.tagline: fits a status or title line */
    CONTENT_TITLE_MAX = 40,    /* an overlay's title */
    CONTENT_ABOUT_PARAGRAPHS = 8, /* "What this is": about.1 .. about.8 */
    CONTENT_SOURCES = 4,       /* about.source-1 .. about.source-4 */
    CONTENT_MISUNDERSTANDINGS = 3, /* misunderstandings.1 .. .3 */
};

struct zone_text {
    char *teacher;        /* what the teacher does, a sentence or two */
    char *students;       /* what students do */
    char *teacher_brief;  /* a few words for the strip's live readout */
    char *students_brief; /* likewise, for students */
    char *example;        /* one concrete classroom example */
    int habit[CONTENT_ZONE_HABITS]; /* indexes into content.habit */
    int habit_count;
};

struct element_text {
    char *name;    /* full name: "Inquiry and Idea Generation" */
    char *label;   /* at most 7 characters: "INQUIRY" */
    char *purpose; /* one line: what this fader decides */
    struct zone_text zone[ZONE_COUNT];
};

struct habit_text {
    char *id;          /* "thinking-flexibly" */
    char *name;        /* "Thinking flexibly" */
    char *short_name;  /* fits a meter-bridge cell: "Flexible" */
    char *description; /* one line */
};

struct ui_string {
    char *key;   /* "status.no-controller" */
    char *value; /* "No controller: mouse, keys and touch work" */
};

/* The "What this is" overlay (ui.ini [about]). Every pointer is borrowed
 * from the UI strings (about.title, about.1, ...): valid until
 * content_free. Paragraphs and sources are in order, gaps closed. */
struct content_about {
    const char *title;                                /* about.title */
    const char *paragraph[CONTENT_ABOUT_PARAGRAPHS];  /* about.1 .. */
    int paragraph_count;
    const char *credit;                               /* about.credit */
    const char *sources_heading;                      /* about.sources */
    const char *source[CONTENT_SOURCES];              /* about.source-1 .. */
    int source_count;
};

/* One of the three misunderstandings: what people wrongly conclude, and
 * what to do instead. */
struct content_misunderstanding {
    const char *claim;   /* misunderstandings.N */
    const char *instead; /* misunderstandings.N-instead */
};

/* The "Three misunderstandings" overlay (ui.ini [misunderstandings]),
 * borrowed from the UI strings like content_about. */
struct content_misunderstandings {
    const char *title;         /* misunderstandings.title */
    const char *intro;         /* misunderstandings.intro */
    const char *instead_label; /* misunderstandings.instead: "Instead" */
    struct content_misunderstanding item[CONTENT_MISUNDERSTANDINGS];
    int count;
};

struct content {
    struct element_text element[BOARD_ELEMENTS];
    struct habit_text habit[CONTENT_HABITS];
    int habit_count;
    char *question[CONTENT_QUESTIONS]; /* in order, no gaps; the overlay's
                                        * title and intro are the UI strings
                                        * questions.title, questions.intro */
    int question_count;
    struct ui_string *string; /* UI strings from ui.ini, sorted by key */
    int string_count;
    struct content_about about;                        /* from ui.ini */
    struct content_misunderstandings misunderstandings; /* from ui.ini */
};

/* One content file: its name (for messages) and its text. */
struct content_file {
    const char *name; /* "habits.ini", "elements.ini", "questions.ini", "ui.ini" */
    const char *text;
    size_t len;
};

/* Parses the four content files into *c (which it zeroes first). Order does
 * not matter: habits are resolved after all files are read. Errors go to
 * diag as "file:line: message". Returns true if everything parsed; on
 * false, *c still holds whatever was valid and must be freed. */
bool content_parse(struct content *c, const struct content_file *files,
                   int file_count, struct diag_list *diag);

/* Checks that nothing is missing: every element has name, label (at most
 * CONTENT_LABEL_MAX characters) and purpose, every zone every field and
 * CONTENT_POSITION_HABITS habits, sixteen habits with all fields, four
 * questions, app.tagline, the about overlay (title, a paragraph, credit,
 * sources heading, a source) and the three misunderstandings, each with
 * what to do instead. Adds one diag per gap (file name `where`, line 0).
 * Returns true if complete. */
bool content_check_complete(const struct content *c, const char *where,
                            struct diag_list *diag);

/* A UI string by key; returns `key` itself if it is missing, so a gap is
 * visible on screen rather than a crash (the completeness test catches
 * it). */
const char *content_string(const struct content *c, const char *key);

/* Index of a habit id, or -1. */
int content_habit_index(const struct content *c, const char *id);

/* For a mix whose element e sits in zone[e]: counts[h] = how many elements
 * call on habit h there (0..BOARD_ELEMENTS), for every h < CONTENT_HABITS.
 * What the meter bridge lights and --dump-state's "habits" reports. With
 * complete content the counts always add up to BOARD_ELEMENTS *
 * CONTENT_POSITION_HABITS: a mix is never worth more habits than another. */
void content_habit_counts(const struct content *c,
                          const enum zone zone[BOARD_ELEMENTS],
                          int counts[CONTENT_HABITS]);

void content_free(struct content *c);

#endif
