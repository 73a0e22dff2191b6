/* print_module: what the print layer offers the command line, as one
 * table of functions. src/print is built as a loadable module,
 * soundboard-print.so (cairo, Pango and their ~25 libraries), that
 * --export loads with dlopen only when it writes a PDF or an arc's lanes
 * picture (src/cli/print_load.h), so the program itself never links them
 * and starts without loading them. This header includes no cairo: the
 * command line sees only the table.
 *
 * The module exports one symbol, PRINT_API_SYMBOL, a const struct
 * print_api. The loader refuses a module whose abi or struct sizes are
 * not its own: bump PRINT_API_ABI when a signature or a meaning changes
 * (a change of struct handout or struct arc_handout shows in the sizes). */
#ifndef SOUNDBOARD_PRINT_MODULE_H
#define SOUNDBOARD_PRINT_MODULE_H

#include <stdbool.h>
#include <stddef.h>

#include "arc_handout.h"
#include "handout.h"

enum { PRINT_API_ABI = 1 };
#define PRINT_API_SYMBOL "soundboard_print_api"

struct print_api {
    int abi;                  /* PRINT_API_ABI */
    size_t handout_size;      /* sizeof(struct handout) */
    size_t arc_handout_size;  /* sizeof(struct arc_handout) */
    /* handout_pdf.h */
    bool (*handout_pdf)(const struct handout *h, const char *png_path,
                        enum handout_paper paper, char **out, size_t *len,
                        int *pages, char *err, size_t errlen);
    /* arc_handout_pdf.h */
    bool (*arc_handout_pdf)(const struct arc_handout *h,
                            enum handout_paper paper, char **out,
                            size_t *len, int *pages, char *err,
                            size_t errlen);
    /* arc_lanes.h */
    bool (*arc_lanes_png)(const struct arc_handout *h, int width, char **out,
                          size_t *len, int *w, int *hgt, char *err,
                          size_t errlen);
};

/* Defined in print_module.c: the module's one exported symbol. */
extern const struct print_api soundboard_print_api;

#endif
