/* test_fnv1a: the published FNV-1a 64-bit test vectors, and that pieces
 * hash as one run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "fnv1a.h"

static void vectors(void **state)
{
    (void)state;
    assert_true(fnv1a(FNV1A_INIT, "", 0) == 0xcbf29ce484222325ULL);
    assert_true(fnv1a_str(FNV1A_INIT, "") == 0xcbf29ce484222325ULL);
    assert_true(fnv1a_str(FNV1A_INIT, "a") == 0xaf63dc4c8601ec8cULL);
    assert_true(fnv1a_str(FNV1A_INIT, "foobar") == 0x85944171f73967e8ULL);
    assert_true(fnv1a(FNV1A_INIT, "foobar", 6) == 0x85944171f73967e8ULL);
}

static void pieces_chain(void **state)
{
    (void)state;
    uint64_t h = fnv1a_str(FNV1A_INIT, "foo");
    h = fnv1a(h, "bar", 3);
    assert_true(h == 0x85944171f73967e8ULL);
    /* Bytes above 0x7F hash as unsigned, and a NUL inside counts. */
    assert_true(fnv1a(FNV1A_INIT, "\xff", 1) != fnv1a(FNV1A_INIT, "\x7f", 1));
    assert_true(fnv1a(FNV1A_INIT, "a\0b", 3) != fnv1a(FNV1A_INIT, "ab", 2));
    const int ints[] = {14, 2, -1};
    assert_true(fnv1a(FNV1A_INIT, ints, sizeof ints)
                == fnv1a(fnv1a(FNV1A_INIT, ints, sizeof ints[0]), ints + 1,
                         sizeof ints - sizeof ints[0]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vectors),
        cmocka_unit_test(pieces_chain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
