/* changes: the small helpers that fill a struct changes. */
#include "changes.h"

#include <stdio.h>

void changes_notice(struct changes *c, const char *key, const char *arg)
{
    c->has_notice = true;
    c->notice_key = key;
    snprintf(c->notice_arg, sizeof c->notice_arg, "%s", arg ? arg : "");
    c->redraw = true;
}

bool changes_command(struct changes *c, const char *text)
{
    if (c->command_count == CHANGES_COMMANDS_MAX) {
        c->commands_dropped++;
        return false;
    }
    snprintf(c->command[c->command_count++], PROFILE_COMMAND_MAX, "%s", text);
    return true;
}
