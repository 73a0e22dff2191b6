/* options: getopt_long table and value checks for the command line. */
#include "options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "arc.h"
#include "command.h"
#include "handout.h"
#include "str.h"

enum {
    OPT_SIZE = 256, OPT_FULLSCREEN, OPT_THEME, OPT_SET, OPT_FOCUS,
    OPT_SCREENSHOT, OPT_DUMP_STATE, OPT_HELP, OPT_VERSION, OPT_CONTROLLER,
    OPT_LIST_MIDI, OPT_CHECK, OPT_MIDI_IN, OPT_MIDI_OUT, OPT_PRESET,
    OPT_SAVE_PRESET, OPT_LIST_PRESETS, OPT_EXPORT, OPT_DUMP_LAYOUT, OPT_PAPER,
    OPT_SHOW, OPT_DISPLAY, OPT_ARC, OPT_ARC_STEP, OPT_LIST_ARCS, OPT_RENDERER,
    OPT_VERBOSE,
};

static const struct option long_options[] = {
    {"size", required_argument, NULL, OPT_SIZE},
    {"fullscreen", no_argument, NULL, OPT_FULLSCREEN},
    {"display", required_argument, NULL, OPT_DISPLAY},
    {"theme", required_argument, NULL, OPT_THEME},
    {"set", required_argument, NULL, OPT_SET},
    {"focus", required_argument, NULL, OPT_FOCUS},
    {"screenshot", required_argument, NULL, OPT_SCREENSHOT},
    {"dump-state", no_argument, NULL, OPT_DUMP_STATE},
    {"dump-layout", no_argument, NULL, OPT_DUMP_LAYOUT},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {"controller", required_argument, NULL, OPT_CONTROLLER},
    {"list-midi", no_argument, NULL, OPT_LIST_MIDI},
    {"check", required_argument, NULL, OPT_CHECK},
    {"midi-in", required_argument, NULL, OPT_MIDI_IN},
    {"midi-out", required_argument, NULL, OPT_MIDI_OUT},
    {"preset", required_argument, NULL, OPT_PRESET},
    {"save-preset", required_argument, NULL, OPT_SAVE_PRESET},
    {"list-presets", no_argument, NULL, OPT_LIST_PRESETS},
    {"export", required_argument, NULL, OPT_EXPORT},
    {"paper", required_argument, NULL, OPT_PAPER},
    {"show", required_argument, NULL, OPT_SHOW},
    {"arc", required_argument, NULL, OPT_ARC},
    {"arc-step", required_argument, NULL, OPT_ARC_STEP},
    {"list-arcs", no_argument, NULL, OPT_LIST_ARCS},
    {"renderer", required_argument, NULL, OPT_RENDERER},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {NULL, 0, NULL, 0},
};

void options_usage(FILE *out)
{
    fputs(
        "Usage: soundboard [--size WxH] [--fullscreen] [--display N]\n"
        "                  [--theme dark|light|high-contrast]\n"
        "                  [--set ID=VALUE]... [--focus ID] [--show NAME]\n"
        "                  [--screenshot FILE.png] [--dump-state] "
        "[--help] [--version]\n"
        "                  [--controller NAME|FILE] [--list-midi] "
        "[--check FILE]\n"
        "                  [--midi-in FILE] [--midi-out FILE]\n"
        "                  [--preset NAME|FILE] [--save-preset NAME] "
        "[--list-presets]\n"
        "                  [--export FILE.md|FILE.pdf] [--paper a4|letter]\n"
        "                  [--dump-layout]\n"
        "                  [--arc NAME|FILE] [--arc-step N] [--list-arcs]\n"
        "                  [--renderer auto|software|accelerated] "
        "[--verbose]\n"
        "\n"
        "IDs: goals inquiry task evaluation feedback plan demonstration\n"
        "VALUE: 0 (teacher-generated) to 100 (student-generated)\n"
        "  --size WxH            window or screenshot size (default "
        "1280x720)\n"
        "  --fullscreen          open the window full screen\n"
        "  --display N           open on display N (1 = the primary; "
        "default: the projector)\n"
        "  --theme NAME          colours: dark (default), light or "
        "high-contrast\n"
        "  --set ID=VALUE        put element ID's fader at VALUE "
        "(repeatable)\n"
        "  --focus ID            start with element ID selected\n"
        "  --show NAME           open with an overlay: intro, misunderstandings,\n"
        "                        questions, why (the preset's note) or help\n"
        "  --screenshot FILE.png render one frame to a PNG and exit (no "
        "display needed)\n"
        "  --dump-state          print the board as JSON and exit\n"
        "  --dump-layout         print where caps and zone bands are drawn "
        "at --size\n"
        "  --controller NAME|FILE  use this controller profile\n"
        "  --list-midi           list MIDI ports and the profile each "
        "matches\n"
        "  --check FILE          validate a controller profile, preset or "
        "arc file\n"
        "  --midi-in FILE        read raw MIDI bytes from a file, FIFO or "
        "device\n"
        "  --midi-out FILE       write the bytes sent to the controller\n"
        "  --preset NAME|FILE    recall a preset at start\n"
        "  --save-preset NAME    save the resulting mix as a preset and "
        "exit\n"
        "  --list-presets        list presets: name, origin, slot, file\n"
        "  --export FILE.md|FILE.pdf  write a handout of the mix and exit (Markdown\n"
        "                        with FILE.png beside it, or a print-ready PDF);\n"
        "                        with --arc, of the whole arc, step by step\n"
        "  --paper a4|letter     the PDF handout's paper (default a4)\n"
        "  --arc NAME|FILE       open a unit's arc at start\n"
        "  --arc-step N          go to step N of the arc (from 1)\n"
        "  --list-arcs           list arcs: name, origin, steps, file\n"
        "  --renderer MODE       auto (default: software unless a real GPU "
        "is faster), software or accelerated\n"
        "  --verbose             with --version: also the renderer auto "
        "picks here, and MIDI hot-plug\n"
        "  --help                print this help and exit\n"
        "  --version             print the version and exit\n"
        "\n"
        "Keys: press H in the program (or see README.md); manual: man "
        "soundboard.\n"
        "Report bugs to the soundboard maintainers, with the output of "
        "soundboard --version.\n",
        out);
}

static bool parse_size(const char *s, int *w, int *h)
{
    char buf[32];
    size_t n = strlen(s);
    if (n >= sizeof buf)
        return false;
    memcpy(buf, s, n + 1);
    char *x = strchr(buf, 'x');
    if (!x)
        return false;
    *x = '\0';
    return str_parse_int(buf, 64, 16384, w)
           && str_parse_int(x + 1, 64, 16384, h);
}

static bool parse_set(const char *s, struct option_set *set, char *err,
                      size_t errlen)
{
    const char *eq = strchr(s, '=');
    char id[32];
    size_t n = eq ? (size_t)(eq - s) : 0;
    if (!eq || n == 0 || n >= sizeof id) {
        snprintf(err, errlen, "--set %s: expected ID=VALUE", s);
        return false;
    }
    memcpy(id, s, n);
    id[n] = '\0';
    set->element = board_element_index(id);
    if (set->element < 0) {
        snprintf(err, errlen,
                 "--set %s: unknown element '%s' (goals inquiry task "
                 "evaluation feedback plan demonstration)", s, id);
        return false;
    }
    if (!str_parse_int(eq + 1, BOARD_MIN, BOARD_MAX, &set->value)) {
        snprintf(err, errlen, "--set %s: value must be a whole number "
                 "0..100", s);
        return false;
    }
    return true;
}

bool options_parse(struct options *o, int argc, char **argv, char *err,
                   size_t errlen)
{
    memset(o, 0, sizeof *o);
    o->width = 1280;
    o->height = 720;
    o->focus = -1;
    optind = 1;
    opterr = 0; /* we print our own one-line errors */
    int c;
    while ((c = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
        switch (c) {
        case OPT_SIZE:
            if (!parse_size(optarg, &o->width, &o->height)) {
                snprintf(err, errlen, "--size %s: expected WxH, e.g. "
                         "1280x720 (64..16384)", optarg);
                return false;
            }
            o->size_given = true;
            break;
        case OPT_FULLSCREEN: o->fullscreen = true; break;
        case OPT_SHOW:
            o->show = command_overlay_index(optarg);
            if (o->show != OVERLAY_INTRO && o->show != OVERLAY_HELP
                && o->show != OVERLAY_QUESTIONS
                && o->show != OVERLAY_MISUNDERSTANDINGS
                && o->show != OVERLAY_WHY) {
                snprintf(err, errlen, "--show %s: expected intro, "
                         "misunderstandings, questions, why or help", optarg);
                return false;
            }
            break;
        case OPT_PAPER:
            o->paper = handout_paper_from_name(optarg);
            if (o->paper < 0) {
                snprintf(err, errlen, "--paper %s: expected a4 or letter",
                         optarg);
                return false;
            }
            break;
        case OPT_DISPLAY:
            if (!str_parse_int(optarg, 1, SETTINGS_DISPLAYS_MAX,
                               &o->display)) {
                snprintf(err, errlen, "--display %s: expected a display "
                         "number 1..%d (1 = the primary)", optarg,
                         SETTINGS_DISPLAYS_MAX);
                return false;
            }
            break;
        case OPT_THEME:
            o->theme = command_theme_index(optarg);
            if (o->theme < 0) {
                snprintf(err, errlen, "--theme %s: expected dark, light or "
                         "high-contrast", optarg);
                return false;
            }
            o->theme_given = true;
            break;
        case OPT_SET:
            if (o->set_count == OPTIONS_MAX_SETS) {
                snprintf(err, errlen, "--set: more than %d given",
                         OPTIONS_MAX_SETS);
                return false;
            }
            if (!parse_set(optarg, &o->set[o->set_count], err, errlen))
                return false;
            o->set_count++;
            break;
        case OPT_FOCUS:
            o->focus = board_element_index(optarg);
            if (o->focus < 0) {
                snprintf(err, errlen, "--focus %s: unknown element", optarg);
                return false;
            }
            break;
        case OPT_SCREENSHOT: o->screenshot = optarg; break;
        case OPT_DUMP_STATE: o->dump_state = true; break;
        case OPT_DUMP_LAYOUT: o->dump_layout = true; break;
        case OPT_HELP: o->help = true; break;
        case OPT_VERSION: o->version = true; break;
        case OPT_CONTROLLER: o->controller = optarg; break;
        case OPT_LIST_MIDI: o->list_midi = true; break;
        case OPT_CHECK: o->check = optarg; break;
        case OPT_MIDI_IN: o->midi_in = optarg; break;
        case OPT_MIDI_OUT: o->midi_out = optarg; break;
        case OPT_PRESET: o->preset = optarg; break;
        case OPT_SAVE_PRESET: o->save_preset = optarg; break;
        case OPT_LIST_PRESETS: o->list_presets = true; break;
        case OPT_EXPORT: o->export_md = optarg; break;
        case OPT_ARC: o->arc = optarg; break;
        case OPT_ARC_STEP:
            if (!str_parse_int(optarg, 1, ARC_STEPS_MAX, &o->arc_step)) {
                snprintf(err, errlen, "--arc-step %s: expected a step "
                         "number 1..%d", optarg, ARC_STEPS_MAX);
                return false;
            }
            break;
        case OPT_LIST_ARCS: o->list_arcs = true; break;
        case OPT_VERBOSE: o->verbose = true; break;
        case OPT_RENDERER:
            o->renderer_given = true;
            if (strcmp(optarg, "auto") == 0)
                o->renderer = APP_RENDERER_AUTO;
            else if (strcmp(optarg, "software") == 0)
                o->renderer = APP_RENDERER_SOFTWARE;
            else if (strcmp(optarg, "accelerated") == 0)
                o->renderer = APP_RENDERER_ACCELERATED;
            else {
                snprintf(err, errlen, "--renderer %s: expected auto, "
                         "software or accelerated", optarg);
                return false;
            }
            break;
        case ':':
            snprintf(err, errlen, "%s: needs a value", argv[optind - 1]);
            return false;
        default:
            snprintf(err, errlen, "%s: unknown option (see --help)",
                     argv[optind - 1]);
            return false;
        }
    }
    if (optind < argc) {
        snprintf(err, errlen, "%s: unexpected argument (see --help)",
                 argv[optind]);
        return false;
    }
    return true;
}

void options_app_config(const struct options *o, struct app_config *c)
{
    memset(c, 0, sizeof *c);
    c->width = o->width;
    c->height = o->height;
    c->fullscreen = o->fullscreen;
    c->display = o->display;
    c->theme = o->theme;
    c->theme_given = o->theme_given;
    /* Only the console saves setting changes; one-shot runs never write
     * settings.ini. */
    c->remember = !(o->screenshot || o->dump_state || o->dump_layout
                    || o->save_preset || o->export_md || o->list_presets
                    || o->list_midi || o->check || o->help || o->version);
    for (int i = 0; i < o->set_count && i < APP_SETS_MAX; i++) {
        c->set[i].element = o->set[i].element;
        c->set[i].value = o->set[i].value;
        c->set_count = i + 1;
    }
    c->focus = o->focus;
    c->overlay = (enum command_overlay)o->show;
    c->preset = o->preset;
    c->controller = o->controller;
    c->midi_in = o->midi_in;
    c->midi_out = o->midi_out;
    c->arc = o->arc;
    c->arc_step = o->arc_step;
    c->renderer = o->renderer;
    c->renderer_given = o->renderer_given;
}
