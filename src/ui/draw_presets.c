/* draw_presets: the presets browser overlay. A placeholder frame for now:
 * the presets work (issue 4) fills the body from fields it adds to the
 * view, and the save dialog goes beside it as draw_overlay_save. */
#include "draw.h"

void draw_overlay_presets(struct ui *ui)
{
    draw_overlay_frame(ui, content_string(ui->v->content, "console.presets"));
}
