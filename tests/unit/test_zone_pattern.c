/* test_zone_pattern: the marks that tell zones apart without colour
 * (core/zone_pattern.h), shared by the timeline and the printed arc:
 * teacher-generated has none, co-created full-width stripes three strokes
 * apart, student-generated dots in staggered rows; no mark leaves its
 * rectangle, at any stroke. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "zone_pattern.h"

static bool inside(struct layout_rect m, struct layout_rect r)
{
    return m.w > 0 && m.h > 0 && m.x >= r.x && m.y >= r.y
        && m.x + m.w <= r.x + r.w && m.y + m.h <= r.y + r.h;
}

static int count_marks(enum zone z, struct layout_rect r, int u,
                       struct layout_rect *first, struct layout_rect *second)
{
    struct zone_pattern p;
    struct layout_rect m;
    int n = 0;
    zone_pattern_start(&p, z, r, u);
    while (zone_pattern_next(&p, &m)) {
        assert_true(inside(m, r));
        if (n == 0 && first)
            *first = m;
        if (n == 1 && second)
            *second = m;
        n++;
    }
    return n;
}

static void teacher_generated_is_the_plain_tint(void **s)
{
    (void)s;
    struct layout_rect r = {10, 20, 100, 40};
    assert_int_equal(count_marks(ZONE_TEACHER, r, 2, NULL, NULL), 0);
}

static void co_created_is_stripes_across(void **s)
{
    (void)s;
    struct layout_rect r = {10, 20, 100, 40}, a, b;
    /* u = 2: stripes centred at y = 22, 28, ..., 58 (y + u <= 60). */
    assert_int_equal(count_marks(ZONE_COCREATED, r, 2, &a, &b), 7);
    assert_int_equal(a.x, 10);
    assert_int_equal(a.w, 100);
    assert_int_equal(a.h, 2);
    assert_int_equal(a.y, 21);
    assert_int_equal(b.y - a.y, 6);
}

static void student_generated_is_staggered_dots(void **s)
{
    (void)s;
    struct layout_rect r = {0, 0, 30, 30}, a, b;
    int n = count_marks(ZONE_STUDENT, r, 2, &a, &b);
    assert_true(n > 10);
    assert_int_equal(a.w, 2);
    assert_int_equal(a.h, 2);
    assert_int_equal(b.y, a.y); /* the first row goes on */
    assert_int_equal(b.x - a.x, 6);
    /* The second row starts half a step in. */
    struct zone_pattern p;
    struct layout_rect m;
    zone_pattern_start(&p, ZONE_STUDENT, r, 2);
    int second_row_x = -1;
    while (zone_pattern_next(&p, &m))
        if (m.y == a.y + 6 && second_row_x < 0)
            second_row_x = m.x;
    assert_int_equal(second_row_x, a.x + 3);
}

static void marks_stay_inside_at_any_stroke(void **s)
{
    (void)s;
    for (int u = 0; u < 9; u++)
        for (int w = 0; w < 20; w += 3)
            for (int z = 0; z < ZONE_COUNT; z++)
                count_marks((enum zone)z, (struct layout_rect){5, 7, w, 11}, u,
                            NULL, NULL);
    /* Too small for a single mark: none, not one hanging out. */
    assert_int_equal(count_marks(ZONE_STUDENT,
                                 (struct layout_rect){0, 0, 2, 2}, 2, NULL,
                                 NULL),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(teacher_generated_is_the_plain_tint),
        cmocka_unit_test(co_created_is_stripes_across),
        cmocka_unit_test(student_generated_is_staggered_dots),
        cmocka_unit_test(marks_stay_inside_at_any_stroke),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
