/* fnv1a: 64-bit FNV-1a (offset basis and prime from the FNV reference). */
#include "fnv1a.h"

static const uint64_t prime = 1099511628211ULL;

uint64_t fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * prime;
    return h;
}

uint64_t fnv1a_str(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * prime;
    return h;
}
