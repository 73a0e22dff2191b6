/* vm_glue: what vm_probe needs from the core's profiles and surface, in
 * one place (profile loading and matching, feeding bytes, feedback). */
#ifndef SOUNDBOARD_VM_GLUE_H
#define SOUNDBOARD_VM_GLUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "midi_backend.h"

struct glue;

/* A new, empty glue (aborts if memory runs out); glue_free frees it. */
struct glue *glue_new(void);
/* Loads every profile in dir; returns how many (<= 0: err says why). */
int glue_load(struct glue *g, const char *dir, char *err, size_t errlen);
/* Profile index for a port name (the generic one if nothing else). */
int glue_match(struct glue *g, const char *port_name);
const char *glue_profile_name(struct glue *g, int profile);
/* A controller connected as port id with that profile: returns the bytes
 * of the whole board state to send it. */
size_t glue_connect(struct glue *g, int id, int profile,
                    const struct board *b, uint8_t *out, size_t max);
void glue_disconnect(struct glue *g, int id);
/* Input bytes from port id; returns true if the board changed. */
bool glue_feed(struct glue *g, int id, struct board *b, const uint8_t *bytes,
               size_t n);
/* Feedback port id wants now (0 if none). */
size_t glue_feedback(struct glue *g, int id, const struct board *b,
                     uint8_t *out, size_t max);
void glue_free(struct glue *g);

#endif
