/* fuzz_arc: libFuzzer entry for fuzz_arc_one (targets.c). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_arc_one(data, size);
}
