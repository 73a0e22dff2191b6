/* fuzz_preset: libFuzzer entry for fuzz_preset_one (targets.c). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_preset_one(data, size);
}
