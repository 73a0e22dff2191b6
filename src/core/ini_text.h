/* ini_text: text values (names, notes, labels) in soundboard's INI files,
 * shared by every format that stores free text (presets, arcs).
 *
 * A text value may go on over indented continuation lines. Pieces are
 * joined with one blank, or with nothing after a piece that ends in \n (a
 * line break) or in a lone \ (a wrap inside a word). Escapes keep every
 * character intact through the INI reader: \\ backslash, \n line break,
 * \s blank, \t tab, \; and \#. Any other \x is an error. The format is
 * documented in docs/presets.md ("Text values and continuation lines"). */
#ifndef SOUNDBOARD_INI_TEXT_H
#define SOUNDBOARD_INI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "str.h"

/* A text value being read from its pieces into a caller's field. */
struct ini_text {
    char *buf;               /* the field it fills */
    size_t cap, len;         /* cap excludes the NUL */
    bool join;               /* next piece follows without a space */
    bool overflow_said;      /* "too long" reported once */
};

enum ini_text_result {
    INI_TEXT_OK,
    INI_TEXT_BAD,            /* a bad escape or control character: err */
    INI_TEXT_TOO_LONG,       /* longer than cap: err, the first time */
    INI_TEXT_TOO_LONG_AGAIN, /* still too long: already said */
};

/* Starts reading a value into buf[cap + 1] (buf becomes ""). */
void ini_text_start(struct ini_text *t, char *buf, size_t cap);
/* Appends one piece (the first line's value or a continuation), decoding
 * its escapes. `key` names the value in messages written to err. */
enum ini_text_result ini_text_piece(struct ini_text *t, const char *key,
                                    const char *piece, bool first, char *err,
                                    size_t errlen);

/* Writes `key = value` with escapes, over indented continuation lines of
 * at most about 72 bytes when the value is long or has several lines. */
void ini_text_put(struct str_buf *o, const char *key, const char *text);

/* A whole number, an optional minus sign and digits only (no blanks, no
 * '+'); false for anything else, never a silent 0. Values past a billion
 * stay past it (callers check the range). */
bool ini_whole_number(const char *s, long long *out);

#endif
