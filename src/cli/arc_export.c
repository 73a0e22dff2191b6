/* arc_export: the arc's handout files: Markdown + PNG, or PDF. */
#include "arc_export.h"

#include <stdbool.h>
#include <stdlib.h>

#include "arc_handout.h"
#include "files.h"
#include "paths.h"
#include "preset_export.h"
#include "print_load.h"

static bool write_markdown(const char *path, const struct arc_handout *h,
                           char *err, size_t errlen)
{
    char png[PATHS_MAX];
    const char *base;
    preset_export_picture_path(path, png, sizeof png, &base);
    /* The lanes are drawn with cairo: the print module, loaded first. */
    char load_err[PATHS_MAX + 256];
    const struct print_api *print = print_load(load_err, sizeof load_err);
    if (!print) {
        snprintf(err, errlen, "%s: %s", path, load_err);
        return false;
    }
    size_t md_len = 0, pic_len = 0;
    char *md = arc_handout_markdown(h, base, &md_len);
    char *pic = NULL;
    char why[256];
    bool ok = md != NULL;
    if (!ok)
        snprintf(err, errlen, "%s: out of memory", path);
    if (ok
        && !print->arc_lanes_png(h, ARC_EXPORT_PICTURE_W, &pic, &pic_len,
                                 NULL, NULL, why, sizeof why)) {
        snprintf(err, errlen, "%s: %s", png, why);
        ok = false;
    }
    /* The picture first: a Markdown file is never left naming a picture
     * that is not there. */
    ok = ok && files_write_atomic(png, pic, pic_len, err, errlen)
        && files_write_atomic(path, md, md_len, err, errlen);
    free(pic);
    free(md);
    return ok;
}

static bool write_pdf(const char *path, const struct arc_handout *h,
                      enum handout_paper paper, char *err, size_t errlen)
{
    char why[PATHS_MAX + 256];
    const struct print_api *print = print_load(why, sizeof why);
    if (!print) {
        snprintf(err, errlen, "%s: %s", path, why);
        return false;
    }
    char *pdf = NULL;
    size_t len = 0;
    int pages = 0;
    bool ok = print->arc_handout_pdf(h, paper, &pdf, &len, &pages, why,
                                     sizeof why);
    if (!ok)
        snprintf(err, errlen, "%s: %s", path, why);
    else
        ok = files_write_atomic(path, pdf, len, err, errlen);
    free(pdf);
    return ok;
}

int arc_export(const char *path, const struct content *c, const struct arc *a,
               int current, enum handout_paper paper, FILE *err)
{
    char msg[PATHS_MAX + 300];
    struct arc_handout h;
    arc_handout_build(c, a, current, &h);
    bool ok = false;
    switch (preset_export_kind(path, msg, sizeof msg)) {
    case EXPORT_MARKDOWN:
        ok = write_markdown(path, &h, msg, sizeof msg);
        break;
    case EXPORT_PDF:
        ok = write_pdf(path, &h, paper, msg, sizeof msg);
        break;
    case EXPORT_REFUSED:
        break;
    }
    if (ok)
        return 0;
    fprintf(err, "soundboard: %s\n", msg);
    return 1;
}
