/* options: soundboard's command line (getopt_long), parsed into plain data.
 *
 * Parsing only checks syntax and ranges; main decides what to do. Every
 * error is one line naming the option, and the caller exits with status 2. */
#ifndef SOUNDBOARD_OPTIONS_H
#define SOUNDBOARD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "app.h"
#include "board.h"

enum { OPTIONS_MAX_SETS = 64 };

struct option_set {
    int element; /* index from board.h */
    int value;   /* 0..100 */
};

struct options {
    int width, height;          /* --size, default 1280x720 */
    bool size_given;
    bool fullscreen;
    int display;                /* --display N, 1-based; 0 = not given */
    int theme;                  /* --theme, index per command_theme_name */
    bool theme_given;
    struct option_set set[OPTIONS_MAX_SETS];
    int set_count;              /* --set ID=VALUE, in order given */
    int focus;                  /* --focus ID, -1 if not given */
    const char *screenshot;     /* --screenshot FILE.png */
    bool dump_state;
    bool dump_layout;           /* --dump-layout: geometry for tests */
    bool help, version;
    /* MIDI */
    const char *controller;     /* --controller NAME|FILE */
    bool list_midi;
    const char *check;          /* --check FILE (profile or preset) */
    const char *midi_in;        /* --midi-in FILE */
    const char *midi_out;       /* --midi-out FILE */
    /* Presets */
    const char *preset;         /* --preset NAME|FILE */
    const char *save_preset;    /* --save-preset NAME */
    bool list_presets;
    const char *export_md;      /* --export FILE.md|FILE.pdf */
    int paper;                  /* --paper a4|letter: enum handout_paper */
    int show;                   /* --show NAME: enum command_overlay */
    /* The unit's arc (docs/arcs.md) */
    const char *arc;            /* --arc NAME|FILE */
    int arc_step;               /* --arc-step N, from 1; 0 if not given */
    bool list_arcs;
    enum app_renderer renderer; /* --renderer, default auto */
    bool renderer_given;        /* --renderer was given */
    bool verbose;               /* --verbose (with --version) */
};

/* Parses argv. On error returns false with a one-line message in err. */
bool options_parse(struct options *o, int argc, char **argv, char *err,
                   size_t errlen);

/* The part of the options the running program takes. */
void options_app_config(const struct options *o, struct app_config *c);

/* Prints the usage text (for --help). */
void options_usage(FILE *out);

#endif
