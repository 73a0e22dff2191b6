/* targets: the fuzz entry functions, shared by the libFuzzer executables
 * (tests/fuzz/fuzz_<what>.c) and the regression replay test
 * (tests/unit/test_fuzz_regressions.c). Each takes arbitrary bytes, runs
 * them through the pure core and aborts (via assert-like checks) only on a
 * broken invariant; sanitizers catch the rest. Return 0 always. */
#ifndef SOUNDBOARD_FUZZ_TARGETS_H
#define SOUNDBOARD_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

/* Decoder + profile mapping + board via the surface API; the first byte
 * picks the profile's control kinds. */
int fuzz_midi_one(const uint8_t *data, size_t size);
/* Profile parser, then write and parse back. */
int fuzz_profile_one(const uint8_t *data, size_t size);
/* Preset parser; a parsed preset must serialize and parse back equal. */
int fuzz_preset_one(const uint8_t *data, size_t size);
/* Arc parser; a parsed arc must serialize and parse back equal, and
 * playing it (the clock and the touches from the data) must stay on its
 * steps and in 0..100. */
int fuzz_arc_one(const uint8_t *data, size_t size);
/* Content parser: the input split into the four content files. */
int fuzz_content_one(const uint8_t *data, size_t size);
/* Keymap parser and lookups. */
int fuzz_keymap_one(const uint8_t *data, size_t size);

#endif
