/* str: the few string helpers the parsers share. Allocation failure aborts
 * (one place to decide it, as mpv does: out-of-memory paths that are never
 * exercised are worse than a clear stop). */
#ifndef SOUNDBOARD_STR_H
#define SOUNDBOARD_STR_H

#include <stdbool.h>

/* A malloc'd copy of s. */
char *str_dup(const char *s);
/* Appends " " and more to the malloc'd string old (which it may move);
 * continuation lines of INI values are joined this way. */
char *str_append_word(char *old, const char *more);
/* Parses a whole-string base-10 integer in [lo, hi] (a leading '+' or '-'
 * is allowed); false for anything else, never a silent 0. */
bool str_parse_int(const char *s, int lo, int hi, int *out);
/* Characters (UTF-8 code points) in the valid UTF-8 string s. */
int str_chars(const char *s);

#endif
