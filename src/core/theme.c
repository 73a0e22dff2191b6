/* theme: colour tables of the three themes and WCAG contrast (theme.h). */
#include "theme.h"

#include <math.h>

#include "board.h"
#include "command.h"

#define RGB(hex) {(hex) >> 16 & 0xff, (hex) >> 8 & 0xff, (hex) & 0xff, 255}
#define RGBA(hex, alpha) {(hex) >> 16 & 0xff, (hex) >> 8 & 0xff, \
                          (hex) & 0xff, (alpha)}

/* Calm colours for a projector: dark slate, paper tape, one warm accent.
 * The zone tints are three unrelated hues of similar weight, so none
 * reads as "better". */
static const struct theme_color themes[THEME_COUNT][THEME_ROLES] = {
    [0] = { /* dark */
        [THEME_BACKGROUND] = RGB(0x12151a),
        [THEME_PANEL] = RGB(0x1d2229),
        [THEME_PANEL_FOCUS] = RGB(0x29313c),
        [THEME_TEXT] = RGB(0xf2f4f7),
        [THEME_TEXT_MUTED] = RGB(0xb4bcc8),
        [THEME_ACCENT] = RGB(0xf0b64a),
        [THEME_TRACK] = RGB(0x07090b),
        [THEME_TICK] = RGB(0x8e99a6),
        [THEME_CAP] = RGB(0xe6e8eb),
        [THEME_CAP_LINE] = RGB(0x1b1e23),
        [THEME_CAP_EDGE] = RGB(0x6b7582),
        [THEME_ZONE_TEACHER] = RGB(0x34547e),
        [THEME_ZONE_COCREATED] = RGB(0x5c4a82),
        [THEME_ZONE_STUDENT] = RGB(0x7a5427),
        [THEME_ZONE_TEXT] = RGB(0xffffff),
        [THEME_SCRIBBLE] = RGB(0xede6d3),
        [THEME_SCRIBBLE_TEXT] = RGB(0x1a1a1a),
        [THEME_BRIDGE_LIT] = RGB(0x6fd0c1),
        [THEME_BRIDGE_UNLIT] = RGB(0x313944),
        [THEME_GHOST] = RGB(0x9fc3e8),
        [THEME_STATUS] = RGB(0x0b0d10),
        [THEME_NOTICE] = RGB(0xf0b64a),
        [THEME_NOTICE_TEXT] = RGB(0x1a1a1a),
        [THEME_DIM] = RGBA(0x000000, 180),
        [THEME_OVERLAY] = RGB(0x1d2229),
        [THEME_KEY] = RGB(0xede6d3),
        [THEME_KEY_TEXT] = RGB(0x1a1a1a),
        [THEME_BANNER] = RGB(0x34547e),
        [THEME_BANNER_TEXT] = RGB(0xffffff),
    },
    [1] = { /* light */
        [THEME_BACKGROUND] = RGB(0xe4e8ec),
        [THEME_PANEL] = RGB(0xffffff),
        [THEME_PANEL_FOCUS] = RGB(0xfff3d6),
        [THEME_TEXT] = RGB(0x14181d),
        [THEME_TEXT_MUTED] = RGB(0x4a5361),
        [THEME_ACCENT] = RGB(0x8a4b00),
        [THEME_TRACK] = RGB(0x2b3138),
        [THEME_TICK] = RGB(0x5f6b7a),
        [THEME_CAP] = RGB(0x2b3138),
        [THEME_CAP_LINE] = RGB(0xf2f4f7),
        [THEME_CAP_EDGE] = RGB(0x0d1014),
        [THEME_ZONE_TEACHER] = RGB(0xc6d7ef),
        [THEME_ZONE_COCREATED] = RGB(0xdcd2f0),
        [THEME_ZONE_STUDENT] = RGB(0xf1d9b8),
        [THEME_ZONE_TEXT] = RGB(0x14181d),
        [THEME_SCRIBBLE] = RGB(0xf6efd9),
        [THEME_SCRIBBLE_TEXT] = RGB(0x14181d),
        [THEME_BRIDGE_LIT] = RGB(0x1d7a6c),
        [THEME_BRIDGE_UNLIT] = RGB(0xd3d9df),
        [THEME_GHOST] = RGB(0x1f5fa8),
        [THEME_STATUS] = RGB(0xd3d9df),
        [THEME_NOTICE] = RGB(0xffdf9e),
        [THEME_NOTICE_TEXT] = RGB(0x14181d),
        [THEME_DIM] = RGBA(0x1a1f26, 130),
        [THEME_OVERLAY] = RGB(0xffffff),
        [THEME_KEY] = RGB(0x2b3138),
        [THEME_KEY_TEXT] = RGB(0xffffff),
        [THEME_BANNER] = RGB(0x14181d),
        [THEME_BANNER_TEXT] = RGB(0xffffff),
    },
    [2] = { /* high-contrast */
        [THEME_BACKGROUND] = RGB(0x000000),
        [THEME_PANEL] = RGB(0x000000),
        [THEME_PANEL_FOCUS] = RGB(0x202020),
        [THEME_TEXT] = RGB(0xffffff),
        [THEME_TEXT_MUTED] = RGB(0xe6e6e6),
        [THEME_ACCENT] = RGB(0xffff00),
        [THEME_TRACK] = RGB(0x8c8c8c),
        [THEME_TICK] = RGB(0xffffff),
        [THEME_CAP] = RGB(0xffffff),
        [THEME_CAP_LINE] = RGB(0x000000),
        [THEME_CAP_EDGE] = RGB(0xffff00),
        [THEME_ZONE_TEACHER] = RGB(0x0038a8),
        [THEME_ZONE_COCREATED] = RGB(0x6a00a8),
        [THEME_ZONE_STUDENT] = RGB(0x8a4500),
        [THEME_ZONE_TEXT] = RGB(0xffffff),
        [THEME_SCRIBBLE] = RGB(0xffffff),
        [THEME_SCRIBBLE_TEXT] = RGB(0x000000),
        [THEME_BRIDGE_LIT] = RGB(0x00ffff),
        [THEME_BRIDGE_UNLIT] = RGB(0x3a3a3a),
        [THEME_GHOST] = RGB(0x00ffff),
        [THEME_STATUS] = RGB(0x000000),
        [THEME_NOTICE] = RGB(0xffff00),
        [THEME_NOTICE_TEXT] = RGB(0x000000),
        [THEME_DIM] = RGBA(0x000000, 210),
        [THEME_OVERLAY] = RGB(0x000000),
        [THEME_KEY] = RGB(0xffff00),
        [THEME_KEY_TEXT] = RGB(0x000000),
        [THEME_BANNER] = RGB(0xffff00),
        [THEME_BANNER_TEXT] = RGB(0x000000),
    },
};

const struct theme_pair_roles theme_pairs[THEME_PAIRS] = {
    [PAIR_TEXT_ON_BACKGROUND] = {THEME_TEXT, THEME_BACKGROUND},
    [PAIR_MUTED_ON_BACKGROUND] = {THEME_TEXT_MUTED, THEME_BACKGROUND},
    [PAIR_TEXT_ON_PANEL] = {THEME_TEXT, THEME_PANEL},
    [PAIR_MUTED_ON_PANEL] = {THEME_TEXT_MUTED, THEME_PANEL},
    [PAIR_ACCENT_ON_PANEL] = {THEME_ACCENT, THEME_PANEL},
    [PAIR_TEXT_ON_FOCUS] = {THEME_TEXT, THEME_PANEL_FOCUS},
    [PAIR_MUTED_ON_FOCUS] = {THEME_TEXT_MUTED, THEME_PANEL_FOCUS},
    [PAIR_GHOST_ON_PANEL] = {THEME_GHOST, THEME_PANEL},
    [PAIR_GHOST_ON_FOCUS] = {THEME_GHOST, THEME_PANEL_FOCUS},
    [PAIR_ZONE_TEXT_ON_TEACHER] = {THEME_ZONE_TEXT, THEME_ZONE_TEACHER},
    [PAIR_ZONE_TEXT_ON_COCREATED] = {THEME_ZONE_TEXT, THEME_ZONE_COCREATED},
    [PAIR_ZONE_TEXT_ON_STUDENT] = {THEME_ZONE_TEXT, THEME_ZONE_STUDENT},
    [PAIR_SCRIBBLE] = {THEME_SCRIBBLE_TEXT, THEME_SCRIBBLE},
    [PAIR_TEXT_ON_STATUS] = {THEME_TEXT, THEME_STATUS},
    [PAIR_MUTED_ON_STATUS] = {THEME_TEXT_MUTED, THEME_STATUS},
    [PAIR_NOTICE] = {THEME_NOTICE_TEXT, THEME_NOTICE},
    [PAIR_TEXT_ON_OVERLAY] = {THEME_TEXT, THEME_OVERLAY},
    [PAIR_MUTED_ON_OVERLAY] = {THEME_TEXT_MUTED, THEME_OVERLAY},
    [PAIR_ACCENT_ON_OVERLAY] = {THEME_ACCENT, THEME_OVERLAY},
    [PAIR_KEY] = {THEME_KEY_TEXT, THEME_KEY},
    [PAIR_BANNER] = {THEME_BANNER_TEXT, THEME_BANNER},
};

static const char *const role_names[THEME_ROLES] = {
    "background", "panel", "panel-focus", "text", "text-muted", "accent",
    "track", "tick", "cap", "cap-line", "cap-edge", "zone-teacher",
    "zone-cocreated", "zone-student", "zone-text", "scribble",
    "scribble-text", "bridge-lit", "bridge-unlit", "ghost", "status",
    "notice", "notice-text", "dim", "overlay", "key", "key-text", "banner",
    "banner-text",
};

struct theme_color theme_color(int theme, enum theme_role role)
{
    struct theme_color black = {0, 0, 0, 255};
    if (theme < 0 || theme >= THEME_COUNT)
        theme = 0;
    if ((int)role < 0 || role >= THEME_ROLES)
        return black;
    return themes[theme][role];
}

enum theme_role theme_zone_role(int zone)
{
    static const enum theme_role roles[ZONE_COUNT] = {
        THEME_ZONE_TEACHER, THEME_ZONE_COCREATED, THEME_ZONE_STUDENT,
    };
    return zone >= 0 && zone < ZONE_COUNT ? roles[zone] : THEME_PANEL;
}

const char *theme_role_name(enum theme_role role)
{
    if ((int)role < 0 || role >= THEME_ROLES)
        return "?";
    return role_names[role];
}

static double channel(unsigned char c)
{
    double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

double theme_luminance(struct theme_color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
           0.0722 * channel(c.b);
}

double theme_contrast(struct theme_color a, struct theme_color b)
{
    double la = theme_luminance(a), lb = theme_luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}
