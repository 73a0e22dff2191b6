/* fuzz_keymap: libFuzzer entry for fuzz_keymap_one (targets.c). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_keymap_one(data, size);
}
