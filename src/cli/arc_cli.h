/* arc_cli: the arc options of the command line (docs/arcs.md):
 *
 *   --arc NAME|FILE   arc_store_open (src/store), in app_init
 *   --arc-step N      app_config.arc_step, in app_init (past the last
 *                     step: an error, exit status 2)
 *   --list-arcs       arc_cli_list
 *   --check FILE      arc_store_is_arc_file + arc_store_check
 *   --dump-state      "arc": arc_cli_state_json */
#ifndef SOUNDBOARD_ARC_CLI_H
#define SOUNDBOARD_ARC_CLI_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "live_arc.h"
#include "paths.h"

/* --list-arcs: one line per arc on out, tab-separated:
 *   NAME <TAB> ORIGIN <TAB> STEPS <TAB> FILE
 * ORIGIN "user" or "factory"; user arcs first, each group by name.
 * Damaged files are reported on err as FILE:LINE lines and left out.
 * Returns 0. */
int arc_cli_list(const struct paths *p, FILE *out, FILE *err);

/* The open arc for --dump-state: {"name", "step" (from 1), "steps",
 * "label", "playing"}, or JSON null when none is open. */
cJSON *arc_cli_state_json(const struct live_arc *A);

#endif
