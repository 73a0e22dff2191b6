/* renderer_pick: which SDL renderer draws the board, as a pure decision
 * over facts the loop gathers (loop.c), so tests can feed it fake ones.
 *
 * auto (the default) draws in software unless an accelerated renderer is
 * backed by real hardware and measurably better at the window's size:
 *   1. no GPU device node (/dev/dri/renderD*, /dev/dri/card*,
 *      /dev/nvidia0): software; nothing GL is ever loaded;
 *   2. otherwise the software renderer draws two frames of the board at
 *      the window's size; if the second took at most
 *      RENDERER_SOFTWARE_BUDGET_MS: software (it is light and fast enough);
 *   3. otherwise an accelerated renderer is tried; if SDL's renderer is
 *      "software", or its GL_RENDERER names a software rasterizer
 *      (llvmpipe, softpipe, swrast, lavapipe, "software"), or is unknown:
 *      software; else accelerated.
 * Mesa's llvmpipe maps LLVM and costs about 90 MB more than SDL's own
 * software renderer, and is no faster for a board made of rectangles and
 * cached text. */
#ifndef SOUNDBOARD_RENDERER_PICK_H
#define SOUNDBOARD_RENDERER_PICK_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

#define RENDERER_SOFTWARE_BUDGET_MS 4.0

struct renderer_facts {
    enum app_renderer asked;
    bool asked_in_settings;     /* by settings.ini, not --renderer */
    bool gpu_device;            /* a GPU device node exists */
    int width, height;          /* the window's size in pixels */
    double software_frame_ms;   /* measured; < 0 not yet */
    bool accel_probed;          /* an accelerated renderer was tried */
    const char *accel_name;     /* its SDL name; NULL or "" if none */
    const char *gl_renderer;    /* its GL_RENDERER; NULL or "" unknown */
};

enum renderer_step {
    RENDERER_USE_SOFTWARE,
    RENDERER_USE_ACCELERATED,
    RENDERER_MEASURE_SOFTWARE,  /* fill software_frame_ms, ask again */
    RENDERER_PROBE_ACCELERATED  /* fill accel_*, ask again */
};

/* The next step; for the two USE_ steps, why (one line) into why. */
enum renderer_step renderer_pick(const struct renderer_facts *f, char *why,
                                 size_t why_len);
/* True if this renderer rasterizes on the CPU. */
bool renderer_is_software_rasterizer(const char *sdl_name,
                                     const char *gl_renderer);

#endif
