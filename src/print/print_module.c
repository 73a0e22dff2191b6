/* print_module: the table soundboard-print.so exports (print_module.h). */
#include "print_module.h"

#include "arc_handout_pdf.h"
#include "arc_lanes.h"
#include "handout_pdf.h"

/* The module is built with -fvisibility=hidden and the static libraries
 * in it with --exclude-libs: this is the only symbol it exports. */
__attribute__((visibility("default")))
const struct print_api soundboard_print_api = {
    .abi = PRINT_API_ABI,
    .handout_size = sizeof(struct handout),
    .arc_handout_size = sizeof(struct arc_handout),
    .handout_pdf = handout_pdf,
    .arc_handout_pdf = arc_handout_pdf,
    .arc_lanes_png = arc_lanes_png,
};
