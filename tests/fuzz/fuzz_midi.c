/* fuzz_midi: libFuzzer entry for fuzz_midi_one (targets.c). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_midi_one(data, size);
}
