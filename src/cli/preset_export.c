/* preset_export: the handout files: Markdown + PNG, or PDF. */
#include "preset_export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"
#include "paths.h"
#include "print_load.h"
#include "render.h"

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

enum export_kind preset_export_kind(const char *path, char *err,
                                    size_t errlen)
{
    if (ends_with(path, ".md"))
        return EXPORT_MARKDOWN;
    if (ends_with(path, ".pdf"))
        return EXPORT_PDF;
    snprintf(err, errlen, "%s: the handout is FILE.md or FILE.pdf", path);
    return EXPORT_REFUSED;
}

void preset_export_picture_path(const char *md_path, char *png, size_t cap,
                                const char **base)
{
    size_t n = strlen(md_path) - 3; /* without ".md" */
    snprintf(png, cap, "%.*s.png", (int)n, md_path);
    if (base) {
        const char *slash = strrchr(png, '/');
        *base = slash ? slash + 1 : png;
    }
}

/* The board picture at path, atomically: drawn into a temporary file in
 * the same folder, then renamed over it. */
static bool write_picture(const char *path, const struct view *v, char *err,
                          size_t errlen)
{
    char tmp[PATHS_MAX + 32];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    if (!ui_render_png(v, EXPORT_PICTURE_W, EXPORT_PICTURE_H, tmp, err,
                       errlen)) {
        unlink(tmp);
        return false;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s: cannot save: %s", path,
                 files_reason(errno));
        unlink(tmp);
        return false;
    }
    return true;
}

static bool write_markdown(const char *path, const struct handout *h,
                           const struct view *v, char *err, size_t errlen)
{
    /* The picture is FILE.png beside FILE.md, named relatively in it. */
    char png[PATHS_MAX];
    const char *base;
    preset_export_picture_path(path, png, sizeof png, &base);
    size_t len;
    char *md = handout_markdown(h, base, &len);
    if (!md) {
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    bool ok = write_picture(png, v, err, errlen)
              && files_write_atomic(path, md, len, err, errlen);
    free(md);
    return ok;
}

static bool write_pdf(const char *path, const struct handout *h,
                      const struct view *v, enum handout_paper paper,
                      char *err, size_t errlen)
{
    /* The print module first: if it cannot be loaded, nothing is drawn
     * or written. */
    char why[PATHS_MAX + 256];
    const struct print_api *print = print_load(why, sizeof why);
    if (!print) {
        snprintf(err, errlen, "%s: %s", path, why);
        return false;
    }
    char png[PATHS_MAX + 32];
    snprintf(png, sizeof png, "%s.board-%ld.png", path, (long)getpid());
    if (!ui_render_png(v, EXPORT_PICTURE_W, EXPORT_PICTURE_H, png, err,
                       errlen)) {
        unlink(png);
        return false;
    }
    char *pdf = NULL;
    size_t len = 0;
    int pages = 0;
    bool ok = print->handout_pdf(h, png, paper, &pdf, &len, &pages, why,
                                 sizeof why);
    unlink(png);
    if (!ok)
        snprintf(err, errlen, "%s: %s", path, why);
    else
        ok = files_write_atomic(path, pdf, len, err, errlen);
    free(pdf);
    return ok;
}

bool preset_export_write(const char *path, const struct handout *h,
                         const struct view *v, enum handout_paper paper,
                         char *err, size_t errlen)
{
    switch (preset_export_kind(path, err, errlen)) {
    case EXPORT_MARKDOWN:
        return write_markdown(path, h, v, err, errlen);
    case EXPORT_PDF:
        return write_pdf(path, h, v, paper, err, errlen);
    case EXPORT_REFUSED:
        break;
    }
    return false;
}
