/* morph: eased glides of the seven faders between two mixes. */
#include "morph.h"

#include <math.h>
#include <string.h>

void morph_start(struct morph *m, const int current[BOARD_ELEMENTS],
                 const int target[BOARD_ELEMENTS], int64_t now_ms,
                 int64_t duration_ms)
{
    memset(m, 0, sizeof *m);
    for (int i = 0; i < BOARD_ELEMENTS; i++) {
        m->from[i] = board_clamp(current[i]);
        m->to[i] = board_clamp(target[i]);
    }
    m->start_ms = now_ms;
    m->duration_ms = duration_ms > 0 ? duration_ms : 0;
    m->active = true;
}

/* Smoothstep: faders start and land gently, as a hand would move them. */
static double ease(double t)
{
    return t * t * (3.0 - 2.0 * t);
}

void morph_values_at(const struct morph *m, int64_t now_ms,
                     int out[BOARD_ELEMENTS])
{
    if (!m->active)
        return;
    int64_t elapsed = now_ms - m->start_ms;
    if (elapsed < 0)
        elapsed = 0;
    if (elapsed >= m->duration_ms) {
        memcpy(out, m->to, sizeof m->to);
        return;
    }
    double e = ease((double)elapsed / (double)m->duration_ms);
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        out[i] = (int)lround(m->from[i] + (m->to[i] - m->from[i]) * e);
}

bool morph_done(const struct morph *m, int64_t now_ms)
{
    return !m->active || now_ms - m->start_ms >= m->duration_ms;
}

void morph_stop(struct morph *m)
{
    m->active = false;
}
