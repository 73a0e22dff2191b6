/* zone_pattern: the marks of each zone's pattern (zone_pattern.h). */
#include "zone_pattern.h"

void zone_pattern_start(struct zone_pattern *p, enum zone zone,
                        struct layout_rect r, int unit)
{
    p->zone = zone;
    p->r = r;
    p->u = unit > 1 ? unit : 1;
    p->y = r.y + p->u;
    p->x = r.x;
    p->in_row = false;
}

/* The first dot of the row at p->y: every other row starts half a step
 * in, so the dots stagger and do not read as stripes. */
static int row_start(const struct zone_pattern *p)
{
    int step = 3 * p->u;
    return p->r.x + p->u + ((p->y - p->r.y) / step % 2) * (step / 2);
}

bool zone_pattern_next(struct zone_pattern *p, struct layout_rect *mark)
{
    int u = p->u, step = 3 * u, bottom = p->r.y + p->r.h;
    if (p->r.w <= 0)
        return false; /* nothing to pattern */
    if (p->zone == ZONE_COCREATED) {
        if (p->y + u > bottom)
            return false;
        /* A stripe centred on y, as the screen's lines have always been. */
        *mark = (struct layout_rect){p->r.x, p->y - u / 2, p->r.w, u};
        p->y += step;
        return true;
    }
    if (p->zone != ZONE_STUDENT)
        return false;
    for (; p->y + u <= bottom; p->y += step, p->in_row = false) {
        if (!p->in_row) {
            p->x = row_start(p);
            p->in_row = true;
        }
        if (p->x + u <= p->r.x + p->r.w) {
            *mark = (struct layout_rect){p->x, p->y, u, u};
            p->x += step;
            return true;
        }
    }
    return false;
}
