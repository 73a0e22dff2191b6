/* diag: messages about bad input for the user, each naming file and line.
 *
 * Parsers never print: they add "FILE:LINE: what is wrong" lines here and
 * keep going, and the caller decides where the lines go (stderr, the
 * on-screen notice, `--check` output); diag_print writes them to the
 * FILE the caller names, in the one format every layer uses. */
#ifndef SOUNDBOARD_DIAG_H
#define SOUNDBOARD_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum { DIAG_MAX = 64, DIAG_TEXT = 320 };

struct diag_list {
    int count;                      /* messages kept in text[] */
    int dropped;                    /* messages past DIAG_MAX, counted only */
    char text[DIAG_MAX][DIAG_TEXT]; /* "file:line: message" */
};

void diag_init(struct diag_list *d);
/* Adds "file:line: message" (line <= 0: "file: message"). A NULL list is
 * allowed and ignores the message. */
void diag_add(struct diag_list *d, const char *file, int line,
              const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same with a va_list, for parsers' own "report and count" helpers. */
void diag_addv(struct diag_list *d, const char *file, int line,
               const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));
/* Total messages added, kept or dropped. */
int diag_total(const struct diag_list *d);
/* Prints the kept messages to out, one a line, each after prefix (NULL:
 * none; the program's "soundboard: " on stderr, nothing for --check
 * output), then, if messages were dropped, one line
 * "<prefix><file>: ... and N more problems" (file NULL: no "<file>: ").
 * Prints nothing for an empty or NULL list. Returns the lines printed. */
int diag_print(const struct diag_list *d, FILE *out, const char *prefix,
               const char *file);

#endif
