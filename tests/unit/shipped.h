/* shipped.h: the shipped data, loaded for the unit tests that check it
 * (test_content.c, test_bridge.c, test_factory_presets.c). Header-only so
 * each test program stays one file plus test_support. */
#ifndef SOUNDBOARD_TESTS_SHIPPED_H
#define SOUNDBOARD_TESTS_SHIPPED_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "preset.h"
#include "test_support.h"

enum { SHIPPED_FILES = 4, SHIPPED_PRESETS_MAX = 16 };

static const char *const shipped_file_names[SHIPPED_FILES] = {
    "elements.ini", "habits.ini", "questions.ini", "ui.ini"};

/* The shipped content, parsed; texts kept for the no-copy guard. */
struct shipped {
    char *text[SHIPPED_FILES];
    size_t len[SHIPPED_FILES];
    struct content c;
    struct diag_list d;
    bool parsed;
};

static inline void load_shipped(struct shipped *s)
{
    struct content_file files[SHIPPED_FILES];
    for (int i = 0; i < SHIPPED_FILES; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "assets/content/%s", shipped_file_names[i]);
        s->text[i] = test_read_source_file(rel, &s->len[i]);
        files[i] = (struct content_file){shipped_file_names[i], s->text[i],
                                         s->len[i]};
    }
    diag_init(&s->d);
    s->parsed = content_parse(&s->c, files, SHIPPED_FILES, &s->d);
}

static inline void free_shipped(struct shipped *s)
{
    content_free(&s->c);
    for (int i = 0; i < SHIPPED_FILES; i++)
        free(s->text[i]);
}

/* The factory presets (every .ini in assets/presets), parsed, in file-name order
 * (which is slot order). */
struct factory {
    struct preset p[SHIPPED_PRESETS_MAX];
    char file[SHIPPED_PRESETS_MAX][256];
    int count;
    int broken; /* files that did not parse */
};

static inline int factory_name_order(const struct dirent **a,
                                     const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static inline bool factory_is_preset(const struct dirent *de)
{
    size_t n = strlen(de->d_name);
    return de->d_name[0] != '.' && n > 4
           && strcmp(de->d_name + n - 4, ".ini") == 0;
}

static inline int factory_filter(const struct dirent *de)
{
    return factory_is_preset(de);
}

static inline void load_factory(struct factory *f)
{
    memset(f, 0, sizeof *f);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/assets/presets", SOUNDBOARD_SOURCE_DIR);
    struct dirent **list;
    int n = scandir(dir, &list, factory_filter, factory_name_order);
    for (int i = 0; i < n; i++) {
        if (f->count < SHIPPED_PRESETS_MAX) {
            char rel[512];
            size_t len;
            snprintf(rel, sizeof rel, "assets/presets/%s", list[i]->d_name);
            char *text = test_read_source_file(rel, &len);
            struct diag_list d;
            diag_init(&d);
            snprintf(f->file[f->count], sizeof f->file[0], "%s",
                     list[i]->d_name);
            if (preset_parse(text, len, list[i]->d_name, &f->p[f->count],
                             &d))
                f->count++;
            else
                f->broken++;
            free(text);
        }
        free(list[i]);
    }
    if (n > 0)
        free(list);
}

#endif
