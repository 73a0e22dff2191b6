/* arc_cli: --list-arcs and the arc in --dump-state. */
#include "arc_cli.h"

#include "arc_store.h"

int arc_cli_list(const struct paths *p, FILE *out, FILE *err)
{
    static struct arc_store s;
    struct diag_list d;
    diag_init(&d);
    arc_store_init(&s, p);
    arc_store_load(&s, &d);
    diag_print(&d, err, "", NULL);
    for (int i = 0; i < s.count; i++) {
        const struct arc_entry *e = &s.entry[i];
        fprintf(out, "%s\t%s\t%d\t%s\n", e->arc.name,
                e->origin == ARC_USER ? "user" : "factory", e->arc.count,
                e->path);
    }
    arc_store_free(&s);
    return 0;
}

cJSON *arc_cli_state_json(const struct live_arc *A)
{
    if (!A->open)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", A->arc.name);
    cJSON_AddNumberToObject(o, "step", A->current + 1);
    cJSON_AddNumberToObject(o, "steps", A->arc.count);
    cJSON_AddStringToObject(o, "label", A->arc.step[A->current].label);
    cJSON_AddBoolToObject(o, "playing", A->play.playing);
    return o;
}
