/* test_support: small helpers shared by the test programs. */
#ifndef SOUNDBOARD_TEST_SUPPORT_H
#define SOUNDBOARD_TEST_SUPPORT_H

#include <stddef.h>

/* Reads SOUNDBOARD_SOURCE_DIR/rel into a malloc'd NUL-terminated buffer;
 * aborts the test program if it cannot. */
char *test_read_source_file(const char *rel, size_t *len);
/* Makes a fresh empty temporary folder and returns its path (static
 * storage, valid until the next call). */
const char *test_make_temp_dir(void);

#endif
