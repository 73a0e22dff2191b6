/* print_load: the print layer (src/print/print_module.h), loaded with
 * dlopen the first time --export needs it: for a PDF (of a mix or of an
 * arc) and for the lanes' PNG of an arc's Markdown handout. The mix's
 * Markdown and its board picture need no cairo and never load it. The
 * program itself does not link cairo or Pango, so every start (the
 * window) is spared their libraries.
 *
 * Where the module is looked for, first that exists:
 *   $SOUNDBOARD_PRINT_MODULE     if set, that file and nothing else
 *   <exe dir>/../PRINT_MODULE_DIR/soundboard-print.so   (installed:
 *                                 <prefix>/<libdir>/soundboard/, the
 *                                 relative path set by CMake, e.g.
 *                                 lib/x86_64-linux-gnu/soundboard)
 *   <exe dir>/soundboard-print.so (the build tree, beside the binary)
 * If none exists, the installed path is the one tried and named. */
#ifndef SOUNDBOARD_PRINT_LOAD_H
#define SOUNDBOARD_PRINT_LOAD_H

#include <stddef.h>

#include "print_module.h"

/* The module's table, loaded and checked (ABI, struct sizes) on the first
 * call and kept loaded after. NULL on failure with one line in err naming
 * the file tried and why (dlerror's words, or the ABI that differs). */
const struct print_api *print_load(char *err, size_t errlen);

#endif
