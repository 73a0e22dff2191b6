/* test_renderer_pick: --renderer auto decides by facts, not by name
 * (src/app/renderer_pick.h), fed fake renderer facts:
 * - no GPU device: software, and nothing accelerated is even tried;
 * - a GPU device but software fast enough at the window's size: software;
 * - software too slow, and the accelerated renderer is Mesa's llvmpipe (or
 *   softpipe, swrast, SDL's own software, an unknown GL string): software;
 * - software too slow and a real GPU: accelerated;
 * - --renderer software / accelerated are obeyed whatever the facts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "renderer_pick.h"

static enum renderer_step pick(struct renderer_facts f)
{
    char why[200] = "";
    enum renderer_step s = renderer_pick(&f, why, sizeof why);
    if (s == RENDERER_USE_SOFTWARE || s == RENDERER_USE_ACCELERATED)
        assert_true(why[0] != '\0'); /* the diagnostics say why */
    return s;
}

static void no_gpu_device_is_software_without_probing(void **state)
{
    (void)state;
    struct renderer_facts f = {.asked = APP_RENDERER_AUTO,
                               .gpu_device = false, .width = 3840,
                               .height = 2160, .software_frame_ms = -1};
    assert_int_equal(pick(f), RENDERER_USE_SOFTWARE);
}

static void fast_software_is_kept(void **state)
{
    (void)state;
    struct renderer_facts f = {.asked = APP_RENDERER_AUTO, .gpu_device = true,
                               .width = 1280, .height = 720,
                               .software_frame_ms = -1};
    assert_int_equal(pick(f), RENDERER_MEASURE_SOFTWARE);
    f.software_frame_ms = 1.4;
    assert_int_equal(pick(f), RENDERER_USE_SOFTWARE);
}

static void slow_software_probes_and_rejects_llvmpipe(void **state)
{
    (void)state;
    struct renderer_facts f = {.asked = APP_RENDERER_AUTO, .gpu_device = true,
                               .width = 3840, .height = 2160,
                               .software_frame_ms = 12.0};
    assert_int_equal(pick(f), RENDERER_PROBE_ACCELERATED);
    f.accel_probed = true;
    f.accel_name = "opengl";
    const char *soft[] = {"llvmpipe (LLVM 15.0.6, 256 bits)",
                          "softpipe", "Software Rasterizer",
                          "Mesa X11 swrast", "", NULL};
    for (int i = 0; i < 6; i++) {
        f.gl_renderer = soft[i];
        assert_int_equal(pick(f), RENDERER_USE_SOFTWARE);
    }
    f.accel_name = "software";
    f.gl_renderer = "";
    assert_int_equal(pick(f), RENDERER_USE_SOFTWARE);
    f.accel_name = ""; /* creating it failed */
    assert_int_equal(pick(f), RENDERER_USE_SOFTWARE);
}

static void slow_software_and_real_gpu_is_accelerated(void **state)
{
    (void)state;
    struct renderer_facts f = {.asked = APP_RENDERER_AUTO, .gpu_device = true,
                               .width = 3840, .height = 2160,
                               .software_frame_ms = 12.0, .accel_probed = true,
                               .accel_name = "opengl",
                               .gl_renderer = "AMD Radeon Vega 8 (radeonsi, "
                                              "raven, LLVM 15.0.6)"};
    assert_int_equal(pick(f), RENDERER_USE_ACCELERATED);
    f.gl_renderer = "Mesa Intel(R) UHD Graphics 620 (KBL GT2)";
    assert_int_equal(pick(f), RENDERER_USE_ACCELERATED);
    assert_false(renderer_is_software_rasterizer("opengles2", "Mali-G52"));
    assert_true(renderer_is_software_rasterizer("opengl", "llvmpipe"));
}

static void explicit_choice_is_obeyed(void **state)
{
    (void)state;
    struct renderer_facts f = {.asked = APP_RENDERER_SOFTWARE,
                               .gpu_device = true, .software_frame_ms = 50,
                               .accel_probed = true, .accel_name = "opengl",
                               .gl_renderer = "NVIDIA GeForce GTX 1050"};
    assert_int_equal(pick(f), RENDERER_USE_SOFTWARE);
    struct renderer_facts g = {.asked = APP_RENDERER_ACCELERATED,
                               .gpu_device = false,
                               .software_frame_ms = -1};
    assert_int_equal(pick(g), RENDERER_USE_ACCELERATED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_gpu_device_is_software_without_probing),
        cmocka_unit_test(fast_software_is_kept),
        cmocka_unit_test(slow_software_probes_and_rejects_llvmpipe),
        cmocka_unit_test(slow_software_and_real_gpu_is_accelerated),
        cmocka_unit_test(explicit_choice_is_obeyed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
