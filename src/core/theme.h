/* theme: the console's colours as named roles, in three themes (dark,
 * light, high-contrast; indexes as command_theme_name), and the WCAG
 * contrast maths that keeps every drawn text readable.
 *
 * The renderer draws text only through a text pair (theme_pair): a
 * foreground role on a known background role. The pairs are data here, so
 * the contrast test covers exactly what is drawn. */
#ifndef SOUNDBOARD_THEME_H
#define SOUNDBOARD_THEME_H

struct theme_color {
    unsigned char r, g, b, a; /* sRGB 0..255; a is 255 except for dims */
};

enum theme_role {
    THEME_BACKGROUND,    /* behind everything */
    THEME_PANEL,         /* strips, readout panel, bridge cells */
    THEME_PANEL_FOCUS,   /* the focused strip */
    THEME_TEXT,          /* main text */
    THEME_TEXT_MUTED,    /* secondary text: readout headings, hints */
    THEME_ACCENT,        /* focus outline, headings, lit help keys */
    THEME_TRACK,         /* the fader slot */
    THEME_TICK,          /* scale ticks at the zone boundaries */
    THEME_CAP,           /* fader cap body */
    THEME_CAP_LINE,      /* the cap's index line and grip */
    THEME_CAP_EDGE,      /* the cap's outline */
    THEME_ZONE_TEACHER,  /* zone tints: calm, distinct, none "better" */
    THEME_ZONE_COCREATED,
    THEME_ZONE_STUDENT,
    THEME_ZONE_TEXT,     /* text on a zone tint */
    THEME_SCRIBBLE,      /* the scribble-strip tape behind the label */
    THEME_SCRIBBLE_TEXT,
    THEME_BRIDGE_LIT,    /* a lit meter-bridge segment */
    THEME_BRIDGE_UNLIT,
    THEME_GHOST,         /* where a hardware fader physically is */
    THEME_STATUS,        /* status line background */
    THEME_NOTICE,        /* notice badge background */
    THEME_NOTICE_TEXT,
    THEME_DIM,           /* veil over the board behind an overlay */
    THEME_OVERLAY,       /* overlay panel background */
    THEME_KEY,           /* key badge in the help overlay */
    THEME_KEY_TEXT,
    THEME_BANNER,        /* learn-mode banner */
    THEME_BANNER_TEXT,
    THEME_ROLES
};

/* Text colour pairs the renderer may draw: foreground on background. */
enum theme_pair {
    PAIR_TEXT_ON_BACKGROUND,
    PAIR_MUTED_ON_BACKGROUND,
    PAIR_TEXT_ON_PANEL,
    PAIR_MUTED_ON_PANEL,
    PAIR_ACCENT_ON_PANEL,
    PAIR_TEXT_ON_FOCUS,
    PAIR_MUTED_ON_FOCUS,
    PAIR_GHOST_ON_PANEL,
    PAIR_GHOST_ON_FOCUS,
    PAIR_ZONE_TEXT_ON_TEACHER,
    PAIR_ZONE_TEXT_ON_COCREATED,
    PAIR_ZONE_TEXT_ON_STUDENT,
    PAIR_SCRIBBLE,
    PAIR_TEXT_ON_STATUS,
    PAIR_MUTED_ON_STATUS,
    PAIR_NOTICE,
    PAIR_TEXT_ON_OVERLAY,
    PAIR_MUTED_ON_OVERLAY,
    PAIR_ACCENT_ON_OVERLAY,
    PAIR_KEY,
    PAIR_BANNER,
    THEME_PAIRS
};

struct theme_pair_roles {
    enum theme_role fg, bg;
};

/* fg/bg roles of each pair, indexed by enum theme_pair. */
extern const struct theme_pair_roles theme_pairs[THEME_PAIRS];

/* Colour of a role in a theme (0 dark, 1 light, 2 high-contrast). An
 * out-of-range theme gives the dark theme; an out-of-range role black. */
struct theme_color theme_color(int theme, enum theme_role role);

/* A zone's tint (THEME_ZONE_TEACHER ...; an out-of-range zone gives
 * THEME_PANEL): the screen and the printed arc colour zones alike. Its
 * marks and text are THEME_ZONE_TEXT. */
enum theme_role theme_zone_role(int zone);

/* A role's name for messages ("text-muted"), or "?" if out of range. */
const char *theme_role_name(enum theme_role role);

/* WCAG 2.x relative luminance of an sRGB colour, 0 (black) .. 1 (white);
 * alpha is ignored. */
double theme_luminance(struct theme_color c);

/* WCAG 2.x contrast ratio of two colours, 1 .. 21, order-independent. */
double theme_contrast(struct theme_color a, struct theme_color b);

#endif
