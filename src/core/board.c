/* board: element ids, zones and the fader values. */
#include "board.h"

#include <string.h>

static const char *const element_ids[BOARD_ELEMENTS] = {
    "goals", "inquiry", "task", "evaluation", "feedback", "plan",
    "demonstration",
};

static const char *const zone_ids[ZONE_COUNT] = {
    "teacher-generated", "co-created", "student-generated",
};

const char *board_element_id(int index)
{
    if (index < 0 || index >= BOARD_ELEMENTS)
        return NULL;
    return element_ids[index];
}

int board_element_index(const char *id)
{
    for (int i = 0; id && i < BOARD_ELEMENTS; i++)
        if (strcmp(id, element_ids[i]) == 0)
            return i;
    return -1;
}

const char *zone_id(enum zone z)
{
    if ((int)z < 0 || z >= ZONE_COUNT)
        return NULL;
    return zone_ids[z];
}

int zone_from_id(const char *id)
{
    for (int z = 0; id && z < ZONE_COUNT; z++)
        if (strcmp(id, zone_ids[z]) == 0)
            return z;
    return -1;
}

int board_clamp(int value)
{
    if (value < BOARD_MIN)
        return BOARD_MIN;
    if (value > BOARD_MAX)
        return BOARD_MAX;
    return value;
}

/* Boundaries are 100/3 and 200/3; compare 3*value to keep integer maths
 * exact, so 33 is teacher-generated, 34..66 co-created, 67 student. */
enum zone zone_for_value(int value)
{
    int v3 = 3 * board_clamp(value);
    if (v3 < 100)
        return ZONE_TEACHER;
    if (v3 > 200)
        return ZONE_STUDENT;
    return ZONE_COCREATED;
}

enum zone zone_with_hysteresis(enum zone current, int value)
{
    enum zone exact = zone_for_value(value);
    if (exact == current || (int)current < 0 || current >= ZONE_COUNT)
        return exact;
    /* Move only once the value is clearly inside the new zone, i.e. the
     * zone it would have at ZONE_HYSTERESIS back towards `current`. */
    int back = exact > current ? value - ZONE_HYSTERESIS
                               : value + ZONE_HYSTERESIS;
    return zone_for_value(back) == exact ? exact : current;
}

int zone_centre(enum zone z)
{
    switch (z) {
    case ZONE_TEACHER: return 17;
    case ZONE_COCREATED: return 50;
    case ZONE_STUDENT: return 83;
    default: return 0;
    }
}

void board_init(struct board *b)
{
    memset(b, 0, sizeof *b);
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        b->zone[i] = zone_for_value(0);
}

bool board_set(struct board *b, int element, int value)
{
    if (element < 0 || element >= BOARD_ELEMENTS)
        return false;
    value = board_clamp(value);
    enum zone z = zone_for_value(value);
    bool changed = b->value[element] != value || b->zone[element] != z;
    b->value[element] = value;
    b->zone[element] = z;
    return changed;
}

bool board_set_live(struct board *b, int element, int value)
{
    if (element < 0 || element >= BOARD_ELEMENTS)
        return false;
    value = board_clamp(value);
    enum zone z = zone_with_hysteresis(b->zone[element], value);
    bool changed = b->value[element] != value || b->zone[element] != z;
    b->value[element] = value;
    b->zone[element] = z;
    return changed;
}
