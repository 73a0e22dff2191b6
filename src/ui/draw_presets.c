/* draw_presets: the preset browser overlay (list with names, origin,
 * slot, first line of the notes and a profile of each mix) and the save
 * dialog (name, notes, slot, Save). Geometry is in presets_*_geom so the
 * app's mouse handling hits what is drawn. */
#include <stdio.h>
#include <string.h>

#include "parts.h"
#include "draw_presets.h"
#include "str.h"

static struct layout_rect rect(int x, int y, int w, int h)
{
    struct layout_rect r = {x, y, w < 0 ? 0 : w, h < 0 ? 0 : h};
    return r;
}

static struct layout_rect frame_inner(const struct layout *l, int *title_h)
{
    struct layout_rect in = draw_inset(l->overlay, l->margin * 3);
    *title_h = l->font_heading * 3 / 2 + l->margin * 2;
    return in;
}

void presets_browser_geom(const struct layout *l,
                          struct presets_browser_geom *g)
{
    int th;
    struct layout_rect in = frame_inner(l, &th);
    int line_h = l->font_body * 3 / 2;
    int bottom = in.y + in.h;
    g->hint = rect(in.x, bottom - line_h, in.w, line_h);
    g->message = rect(in.x, g->hint.y - line_h - l->margin, in.w, line_h);
    int top = in.y + th;
    /* Rows on the left, the selected preset's whole note on the right. */
    int list_w = in.w * 58 / 100, gap = l->margin * 3;
    g->list = rect(in.x, top, list_w, g->message.y - l->margin - top);
    g->detail = rect(in.x + list_w + gap, top, in.w - list_w - gap,
                     g->list.h);
    g->row_h = l->font_body + l->font_small + l->font_small + l->margin * 2;
    if (g->row_h < 1)
        g->row_h = 1;
    g->visible = g->list.h / g->row_h;
    if (g->visible < 1)
        g->visible = 1;
}

struct layout_rect presets_row_rect(const struct presets_browser_geom *g,
                                    int i)
{
    return rect(g->list.x, g->list.y + i * g->row_h, g->list.w,
                g->row_h - 2);
}

int presets_first_row(int count, int selected, int first, int visible)
{
    if (visible < 1)
        visible = 1;
    if (selected < 0)
        selected = 0;
    if (selected < first)
        first = selected;
    if (selected >= first + visible)
        first = selected - visible + 1;
    if (first > count - visible)
        first = count - visible;
    return first < 0 ? 0 : first;
}

void presets_dialog_geom(const struct layout *l,
                         struct presets_dialog_geom *g)
{
    int th;
    struct layout_rect in = frame_inner(l, &th);
    int lab = l->font_body * 3 / 2;
    int field = l->font_body * 2;
    int gap = l->margin;
    int y = in.y + th;
    int bottom = in.y + in.h;
    g->hint = rect(in.x, bottom - lab, in.w, lab);
    g->message = rect(in.x, g->hint.y - lab - gap, in.w, lab);
    int box = l->font_body * 2 + gap;
    int row_y = g->message.y - gap - box;
    g->save = rect(in.x + in.w - in.w / 5, row_y, in.w / 5, box);
    g->slot_label = rect(in.x, row_y - lab, in.w, lab);
    int bw = (in.w - g->save.w - gap * 2) / PRESETS_SLOT_BOXES;
    for (int i = 0; i < PRESETS_SLOT_BOXES; i++)
        g->slot[i] = rect(in.x + i * bw, row_y, bw - gap / 2, box);
    g->name_label = rect(in.x, y, in.w, lab);
    y += lab;
    g->name = rect(in.x, y, in.w, field);
    y += field + gap;
    g->notes_label = rect(in.x, y, in.w, lab);
    y += lab;
    g->notes = rect(in.x, y, in.w, g->slot_label.y - gap - y);
}

int presets_inside(struct layout_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static const char *S(struct ui *ui, const char *key)
{
    return content_string(ui->v->content, key);
}

/* Seven mini faders: a slot each, filled to the value in its zone's tint. */
static void draw_profile(struct ui *ui, const int value[BOARD_ELEMENTS],
                         struct layout_rect r)
{
    int gap = r.w / (BOARD_ELEMENTS * 3);
    if (gap < 1)
        gap = 1;
    int bw = (r.w - gap * (BOARD_ELEMENTS - 1)) / BOARD_ELEMENTS;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct layout_rect slot = rect(r.x + e * (bw + gap), r.y, bw, r.h);
        draw_fill(ui, THEME_TRACK, slot);
        int v = value[e] < 0 ? 0 : value[e] > 100 ? 100 : value[e];
        int h = slot.h * v / 100;
        if (h < 2)
            h = 2;
        struct layout_rect bar = rect(slot.x, slot.y + slot.h - h, slot.w, h);
        draw_fill(ui, draw_zone_role(zone_for_value(v)), bar);
    }
}

static void draw_row(struct ui *ui, const struct view_preset_row *row,
                     struct layout_rect r, bool selected, const char *rename)
{
    const struct layout *l = &ui->layout;
    enum theme_pair text = PAIR_TEXT_ON_OVERLAY;
    enum theme_pair muted = PAIR_MUTED_ON_OVERLAY;
    if (selected) {
        draw_fill(ui, THEME_KEY, r);
        draw_outline(ui, THEME_ACCENT, r, l->line);
        text = muted = PAIR_KEY;
    }
    int pad = l->margin;
    struct layout_rect in = draw_inset(r, pad / 2 + 1);
    int prof_w = l->font_body * 3;
    draw_profile(ui, row->value, rect(in.x, in.y, prof_w, in.h));
    int side_w = in.w / 5;
    int x = in.x + prof_w + pad;
    int w = in.w - prof_w - pad - side_w - pad;
    int name_h = l->font_body * 5 / 4;
    if (rename) {
        struct layout_rect f = rect(x, in.y, w, name_h + l->line * 2);
        draw_fill(ui, THEME_OVERLAY, f);
        draw_outline(ui, THEME_ACCENT, f, l->line);
        char buf[512];
        snprintf(buf, sizeof buf, "%s|", rename);
        draw_text_line(ui, buf, l->font_body, TEXT_BOLD,
                       PAIR_TEXT_ON_OVERLAY, draw_inset(f, l->line),
                       TEXT_LEFT);
    } else {
        draw_text_line(ui, row->name, l->font_body, TEXT_BOLD, text,
                       rect(x, in.y, w, name_h), TEXT_LEFT);
    }
    draw_text_line(ui, row->notes, l->font_small, TEXT_REGULAR, muted,
                   rect(x, in.y + name_h + l->line * 2, w,
                        in.h - name_h - l->line * 2), TEXT_LEFT);
    char slot[64] = "";
    if (row->slot > 0) {
        char num[12];
        snprintf(num, sizeof num, "%d", row->slot);
        str_fill_hole(slot, sizeof slot, S(ui, "presets.slot"), num);
    }
    struct layout_rect side = rect(in.x + in.w - side_w, in.y, side_w,
                                   name_h);
    draw_text_line(ui, S(ui, row->factory ? "presets.factory"
                                          : "presets.user"),
                   l->font_small, TEXT_REGULAR, muted, side, TEXT_RIGHT);
    side.y += name_h + l->line * 2;
    draw_text_line(ui, slot, l->font_small, TEXT_BOLD, text, side,
                   TEXT_RIGHT);
}

static void draw_message(struct ui *ui, const struct view_presets *p,
                         struct layout_rect r)
{
    const char *m = p->prompt ? p->prompt : p->message;
    if (!m)
        return;
    if (p->prompt) {
        draw_fill(ui, THEME_KEY, r);
        draw_text_line(ui, m, ui->layout.font_body, TEXT_BOLD, PAIR_KEY,
                       draw_inset(r, 2), TEXT_LEFT);
    } else {
        draw_text_line(ui, m, ui->layout.font_body, TEXT_BOLD,
                       PAIR_ACCENT_ON_OVERLAY, r, TEXT_LEFT);
    }
}

static void draw_browser(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct view_presets *p = &ui->v->presets;
    draw_overlay_frame(ui, S(ui, "presets.title"));
    struct presets_browser_geom g;
    presets_browser_geom(l, &g);
    if (p->count == 0)
        draw_text(ui, S(ui, "presets.empty"), l->font_body, TEXT_REGULAR,
                  PAIR_MUTED_ON_OVERLAY, g.list, TEXT_LEFT, DRAW_TOP);
    for (int i = 0; i < g.visible && p->first + i < p->count; i++) {
        int k = p->first + i;
        bool sel = k == p->selected;
        draw_row(ui, &p->rows[k], presets_row_rect(&g, i), sel,
                 sel ? p->rename_text : NULL);
    }
    if (p->selected >= 0 && p->selected < p->count) {
        const struct view_preset_row *r = &p->rows[p->selected];
        const char *note = r->full_notes && *r->full_notes
                               ? r->full_notes : S(ui, "presets.no-note");
        int used = draw_text_fit(ui, r->name, l->font_body, l->font_small,
                                 TEXT_BOLD, PAIR_TEXT_ON_OVERLAY, g.detail,
                                 TEXT_LEFT, DRAW_TOP);
        (void)used;
        struct layout_rect nr = g.detail;
        int nh = 0;
        text_measure(ui->text, r->name, used, TEXT_BOLD, nr.w, NULL, &nh,
                     NULL);
        nr.y += nh + l->margin;
        nr.h -= nh + l->margin;
        draw_text_fit(ui, note, l->font_body, l->font_small * 5 / 6,
                      TEXT_REGULAR, PAIR_MUTED_ON_OVERLAY, nr, TEXT_LEFT,
                      DRAW_TOP);
    }
    draw_message(ui, p, g.message);
    draw_text_line(ui, S(ui, p->rename_text ? "presets.rename-hint"
                                            : "presets.hint"),
                   l->font_small, TEXT_REGULAR, PAIR_MUTED_ON_OVERLAY,
                   g.hint, TEXT_LEFT);
}

static void draw_field(struct ui *ui, struct layout_rect r, const char *text,
                       const char *composing, bool focused, bool multiline)
{
    const struct layout *l = &ui->layout;
    draw_fill(ui, THEME_PANEL, r);
    draw_outline(ui, focused ? THEME_ACCENT : THEME_TICK, r,
                 focused ? l->line * 2 : l->line);
    char buf[PRESETS_TEXT_SHOWN];
    snprintf(buf, sizeof buf, "%s%s%s", text ? text : "",
             focused && composing ? composing : "", focused ? "|" : "");
    struct layout_rect in = draw_inset(r, l->margin / 2 + l->line * 2);
    if (multiline)
        draw_text(ui, buf, l->font_body, TEXT_REGULAR, PAIR_TEXT_ON_PANEL,
                  in, TEXT_LEFT, DRAW_TOP);
    else
        draw_text_line(ui, buf, l->font_body, TEXT_REGULAR,
                       PAIR_TEXT_ON_PANEL, in, TEXT_LEFT);
}

static void draw_dialog(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct view_presets *p = &ui->v->presets;
    draw_overlay_frame(ui, S(ui, "presets.save-title"));
    struct presets_dialog_geom g;
    presets_dialog_geom(l, &g);
    draw_text_line(ui, S(ui, "presets.name"), l->font_body, TEXT_BOLD,
                   PAIR_TEXT_ON_OVERLAY, g.name_label, TEXT_LEFT);
    draw_field(ui, g.name, p->dialog_name, p->dialog_composing,
               p->dialog_field == VIEW_FIELD_NAME && !p->prompt, false);
    draw_text_line(ui, S(ui, "presets.notes"), l->font_body, TEXT_BOLD,
                   PAIR_TEXT_ON_OVERLAY, g.notes_label, TEXT_LEFT);
    draw_field(ui, g.notes, p->dialog_notes, p->dialog_composing,
               p->dialog_field == VIEW_FIELD_NOTES && !p->prompt, true);
    draw_text_line(ui, S(ui, "presets.slot-label"), l->font_small,
                   TEXT_REGULAR, PAIR_MUTED_ON_OVERLAY, g.slot_label,
                   TEXT_LEFT);
    for (int i = 0; i < PRESETS_SLOT_BOXES; i++) {
        bool on = i == p->dialog_slot;
        draw_fill(ui, on ? THEME_KEY : THEME_PANEL, g.slot[i]);
        char num[12];
        snprintf(num, sizeof num, "%d", i);
        draw_text_line(ui, i ? num : S(ui, "presets.slot-none"),
                       l->font_body, TEXT_BOLD,
                       on ? PAIR_KEY : PAIR_TEXT_ON_PANEL,
                       draw_inset(g.slot[i], 2), TEXT_CENTER);
    }
    draw_fill(ui, THEME_KEY, g.save);
    draw_outline(ui, THEME_ACCENT, g.save, l->line);
    draw_text_line(ui, S(ui, "presets.save"), l->font_body, TEXT_BOLD,
                   PAIR_KEY, draw_inset(g.save, 2), TEXT_CENTER);
    draw_message(ui, p, g.message);
    draw_text_line(ui, S(ui, "presets.save-hint"), l->font_small,
                   TEXT_REGULAR, PAIR_MUTED_ON_OVERLAY, g.hint, TEXT_LEFT);
}

void draw_overlay_presets(struct ui *ui)
{
    if (ui->v->presets.dialog)
        draw_dialog(ui);
    else
        draw_browser(ui);
}
