/* content: every word the board shows about the seven elements, their
 * zones, the sixteen Habits of Mind and the four questions.
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
    CONTENT_ZONE_HABITS = 6,   /* at most this many habits per zone */
    CONTENT_LABEL_MAX = 7,     /* scribble-strip label, in characters */
    CONTENT_BRIEF_MAX = 28,    /* teacher-brief, students-brief */
    CONTENT_SHORT_MAX = 14,    /* a habit's short name (meter-bridge cell) */
    CONTENT_DESCRIPTION_MAX = 90, /* a habit's one-line description */
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
    char *name;  /* full name: "Inquiry and Idea Generation" */
    char *label; /* at most 7 characters: "INQUIRY" */
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

/* Checks that nothing is missing: every element has name and label (label
 * at most CONTENT_LABEL_MAX characters), every zone every field and at
 * least one habit, sixteen habits with all fields, four questions. Adds one
 * diag per gap (file name `where`, line 0). Returns true if complete. */
bool content_check_complete(const struct content *c, const char *where,
                            struct diag_list *diag);

/* A UI string by key; returns `key` itself if it is missing, so a gap is
 * visible on screen rather than a crash (the completeness test catches
 * it). */
const char *content_string(const struct content *c, const char *key);

/* Index of a habit id, or -1. */
int content_habit_index(const struct content *c, const char *id);

void content_free(struct content *c);

#endif
