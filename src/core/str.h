/* str: the few string helpers the parsers share. Allocation failure aborts
 * (one place to decide it, as mpv does: out-of-memory paths that are never
 * exercised are worse than a clear stop). */
#ifndef SOUNDBOARD_STR_H
#define SOUNDBOARD_STR_H

/* A malloc'd copy of s. */
char *str_dup(const char *s);
/* Appends " " and more to the malloc'd string old (which it may move);
 * continuation lines of INI values are joined this way. */
char *str_append_word(char *old, const char *more);
/* Characters (UTF-8 code points) in the valid UTF-8 string s. */
int str_chars(const char *s);

#endif
