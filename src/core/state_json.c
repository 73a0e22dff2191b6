/* state_json: build the --dump-state JSON with cJSON. */
#include "state_json.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#include "command.h"

static cJSON *string_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

char *state_json(const struct board *b, const struct content *c,
                 const struct state_extra *extra)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *elements = cJSON_AddArrayToObject(root, "elements");
    for (int i = 0; i < BOARD_ELEMENTS; i++) {
        cJSON *e = cJSON_CreateObject();
        const char *name = c && c->element[i].name ? c->element[i].name
                                                   : board_element_id(i);
        cJSON_AddStringToObject(e, "id", board_element_id(i));
        cJSON_AddStringToObject(e, "name", name);
        cJSON_AddNumberToObject(e, "value", b->value[i]);
        cJSON_AddStringToObject(e, "zone", zone_id(b->zone[i]));
        cJSON_AddItemToArray(elements, e);
    }
    cJSON_AddStringToObject(root, "focus", board_element_id(b->focus));
    if (extra) {
        cJSON_AddStringToObject(root, "theme",
                                command_theme_name(extra->theme));
        cJSON_AddItemToObject(root, "preset", string_or_null(extra->preset));
        cJSON_AddBoolToObject(root, "modified", extra->modified);
        cJSON_AddItemToObject(root, "controller",
                              string_or_null(extra->controller));
    }
    /* Which habits the mix calls on: each habit id (habits.ini order) with
     * how many elements call on it. Any complete mix adds up to the same
     * total; nothing here ranks a mix. */
    cJSON *habits = cJSON_AddObjectToObject(root, "habits");
    if (c) {
        int counts[CONTENT_HABITS];
        content_habit_counts(c, b->zone, counts);
        for (int h = 0; h < c->habit_count && h < CONTENT_HABITS; h++)
            if (c->habit[h].id)
                cJSON_AddNumberToObject(habits, c->habit[h].id, counts[h]);
    }
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}
