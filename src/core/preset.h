/* preset: a saved mix (name, notes, the seven values, times, slot), its
 * text format, file-name sanitizing, morphs between mixes and A/B compare.
 *
 * Pure: the parser takes text in memory, the serializer returns text; the
 * app reads and writes files (src/store/preset_store.h). The format is
 * documented in docs/presets.md:
 *
 *   [preset]
 *   version = 1
 *   name = Extreme weather, grade 4: co-created goals
 *   slot = 1                          (optional, 1..9)
 *   created = 2026-11-24T08:53:11Z    (ISO 8601, UTC, whole seconds)
 *   changed = 2026-11-24T09:10:00Z
 *   notes = First line of the notes.\n
 *       Second line, wrapped onto an
 *       indented continuation line.
 *   [values]
 *   goals = 50
 *   ... one line per element id (board.h), each 0..100
 *
 * Text values (name, notes) use a few escapes so that every string survives
 * the INI reader: \\ backslash, \n line break, \s space, \t tab, \; and \#.
 * A value may go on over indented continuation lines: pieces are joined
 * with one space, or with nothing after a piece that ends in \n or in a
 * lone \ (a wrap inside a word). */
#ifndef SOUNDBOARD_PRESET_H
#define SOUNDBOARD_PRESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "diag.h"

enum {
    PRESET_VERSION = 1,     /* the format version this code reads/writes */
    PRESET_NAME_MAX = 160,  /* bytes of UTF-8, without the NUL */
    PRESET_NOTES_MAX = 4000,/* bytes of UTF-8, without the NUL */
    PRESET_SLOTS = 9,       /* slots 1..9; 0 means none */
    PRESET_STEM_MAX = 80,   /* bytes of a file-name stem, without NUL */
    PRESET_TIME_TEXT = 21,  /* "YYYY-MM-DDTHH:MM:SSZ" plus NUL */
};

struct preset {
    char name[PRESET_NAME_MAX + 1];   /* UTF-8, non-empty, no control chars */
    char notes[PRESET_NOTES_MAX + 1]; /* UTF-8; may hold \n and \t */
    int value[BOARD_ELEMENTS];        /* 0..100, in board order */
    int64_t created;                  /* seconds since 1970, UTC */
    int64_t changed;                  /* seconds since 1970, UTC */
    int slot;                         /* 1..9, or 0 for none */
};

/* A zeroed preset: empty name and notes, values 0, no slot, times 0. */
void preset_init(struct preset *p);

/* Parses preset text (`len` bytes, need not be NUL-terminated). `file`
 * names the file in messages. Every problem goes to diag as
 * "FILE:LINE: what" (missing entries are reported at their section's line,
 * or at the last line when the section itself is missing). Returns true
 * only if the text was complete and valid; on false *out is unspecified
 * and must not be used. */
bool preset_parse(const char *text, size_t len, const char *file,
                  struct preset *out, struct diag_list *diag);

/* Checks the fields of a preset built in memory (name non-empty, valid
 * UTF-8 without control characters, notes valid UTF-8, values 0..100,
 * slot 0..9). On false writes a one-line reason into err. */
bool preset_validate(const struct preset *p, char *err, size_t errlen);

/* Serializes a valid preset into a malloc'd NUL-terminated text (caller
 * frees); same preset, same bytes. Every line is at most INI_LINES_MAX
 * bytes. Returns NULL if the preset is invalid (see preset_validate) or
 * memory runs out. */
char *preset_serialize(const struct preset *p, size_t *len);

/* Makes a file-name stem (no ".ini") from a display name: ASCII letters,
 * digits, '-', '_', '.', ' ' and any non-ASCII UTF-8 are kept; '/', '\\',
 * control characters and other ASCII punctuation become '_'; leading
 * dots and blanks are dropped, so "." and ".." cannot result; runs of '_'
 * collapse; trailing dots and blanks go; the result is cut (at a UTF-8
 * boundary) to at most PRESET_STEM_MAX bytes and is never empty ("preset"
 * when nothing usable is left). Invalid UTF-8 bytes become '_'. Returns
 * false only if cap < PRESET_STEM_MAX + 1. */
bool preset_file_stem(const char *name, char *out, size_t cap);

/* Formats seconds since 1970 (UTC) as "YYYY-MM-DDTHH:MM:SSZ" into out
 * (at least PRESET_TIME_TEXT bytes). Years outside 0..9999 are clamped. */
void preset_time_format(int64_t t, char *out);
/* Parses exactly that form; false if it is anything else or not a real
 * date and time. */
bool preset_time_parse(const char *s, int64_t *out);

/* True if the values differ from the preset's: "modified since recall". */
bool preset_modified(const struct preset *recalled,
                     const int value[BOARD_ELEMENTS]);

/* ---- A/B compare between the live mix and the last recalled preset. ---- */

struct preset_compare {
    bool have_preset;              /* a preset was recalled */
    bool showing_preset;           /* B (the preset) is on the board */
    int preset[BOARD_ELEMENTS];    /* B: the recalled preset's values */
    int mix[BOARD_ELEMENTS];       /* A: the mix kept while B shows */
};

/* No preset: flipping does nothing. */
void preset_compare_init(struct preset_compare *c);
/* A preset was recalled: B is now its values. The board shows the live
 * mix (A), which at this moment equals B. */
void preset_compare_recalled(struct preset_compare *c,
                             const int preset_value[BOARD_ELEMENTS]);
/* Flips. `board` holds the values on the board now; `out` gets the values
 * to put there (the app sets them instantly or morphs to them). From A,
 * the mix is kept and B's values come out; from B, the kept mix comes out
 * (changes made while B showed are dropped, as the status line shows
 * "modified" for them). Returns false (out untouched) without a preset. */
bool preset_compare_flip(struct preset_compare *c,
                         const int board[BOARD_ELEMENTS],
                         int out[BOARD_ELEMENTS]);

#endif
