/* latency: MIDI read -> frame presented stamps (latency.h). */
#include "latency.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { PENDING_MAX = 4096 };

struct latency {
    FILE *out;
    int count;
    struct { int64_t t; size_t bytes; } pending[PENDING_MAX];
};

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

struct latency *latency_open(const char *path)
{
    struct latency *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->out = fopen(path, "w");
    if (!l->out) {
        free(l);
        return NULL;
    }
    return l;
}

void latency_read(struct latency *l, size_t bytes)
{
    if (l->count == PENDING_MAX)
        return; /* never presented: a frame this late is not measured */
    l->pending[l->count].t = now_ns();
    l->pending[l->count++].bytes = bytes;
}

void latency_presented(struct latency *l)
{
    int64_t t = now_ns();
    for (int i = 0; i < l->count; i++)
        fprintf(l->out, "%lld %lld %zu\n", (long long)l->pending[i].t,
                (long long)t, l->pending[i].bytes);
    l->count = 0;
}

void latency_close(struct latency *l)
{
    if (!l)
        return;
    fclose(l->out);
    free(l);
}
