/* renderer_pick: the renderer decision (renderer_pick.h). */
#include "renderer_pick.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

bool renderer_is_software_rasterizer(const char *sdl_name,
                                     const char *gl_renderer)
{
    static const char *const soft[] = {"llvmpipe", "softpipe", "swrast",
                                       "lavapipe", "software"};
    if (!sdl_name || !*sdl_name || strcmp(sdl_name, "software") == 0)
        return true;
    if (!gl_renderer || !*gl_renderer)
        return true; /* cannot tell: do not pay for it */
    for (size_t i = 0; i < sizeof soft / sizeof *soft; i++)
        if (contains_nocase(gl_renderer, soft[i]))
            return true;
    return false;
}

enum renderer_step renderer_pick(const struct renderer_facts *f, char *why,
                                 size_t why_len)
{
    const char *by = f->asked_in_settings ? "settings.ini: renderer = "
                                          : "--renderer ";
    if (f->asked == APP_RENDERER_SOFTWARE) {
        snprintf(why, why_len, "software (%ssoftware)", by);
        return RENDERER_USE_SOFTWARE;
    }
    if (f->asked == APP_RENDERER_ACCELERATED) {
        snprintf(why, why_len, "accelerated (%saccelerated)", by);
        return RENDERER_USE_ACCELERATED;
    }
    if (!f->gpu_device) {
        snprintf(why, why_len, "software (auto: no GPU device in /dev/dri)");
        return RENDERER_USE_SOFTWARE;
    }
    if (f->software_frame_ms < 0)
        return RENDERER_MEASURE_SOFTWARE;
    if (f->software_frame_ms <= RENDERER_SOFTWARE_BUDGET_MS) {
        snprintf(why, why_len, "software (auto: %.1f ms a frame at %dx%d, "
                 "within %.0f ms)", f->software_frame_ms, f->width,
                 f->height, RENDERER_SOFTWARE_BUDGET_MS);
        return RENDERER_USE_SOFTWARE;
    }
    if (!f->accel_probed)
        return RENDERER_PROBE_ACCELERATED;
    if (renderer_is_software_rasterizer(f->accel_name, f->gl_renderer)) {
        snprintf(why, why_len, "software (auto: the accelerated renderer is "
                 "%s%s%s, a software rasterizer)",
                 f->accel_name && *f->accel_name ? f->accel_name : "missing",
                 f->gl_renderer && *f->gl_renderer ? " on " : "",
                 f->gl_renderer ? f->gl_renderer : "");
        return RENDERER_USE_SOFTWARE;
    }
    snprintf(why, why_len, "accelerated (auto: %s on %s; software took "
             "%.1f ms a frame at %dx%d)", f->accel_name, f->gl_renderer,
             f->software_frame_ms, f->width, f->height);
    return RENDERER_USE_ACCELERATED;
}
