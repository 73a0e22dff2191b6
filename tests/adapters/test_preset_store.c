/* test_preset_store: preset files on a real disk, in a temporary XDG data
 * folder (XDG_DATA_HOME) and a temporary data folder for factory presets
 * (SOUNDBOARD_DATA_DIR): recall by name, file and slot; user over factory;
 * save, rename, duplicate, delete; damaged files never touched; the atomic
 * write under every injected fault and under real failures; the export's
 * content; the command-line functions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "files.h"
#include "paths.h"
#include "preset.h"
#include "preset_cli.h"
#include "preset_store.h"
#include "test_support.h"

struct fixture {
    char root[256];
    char xdg[300];
    char data[300];
    char user_dir[400];
    char factory_dir[400];
    struct paths paths;
};

/* ---------------------------------------------------------------- */
/* Helpers                                                            */
/* ---------------------------------------------------------------- */

/* --preset NAME|FILE as app_init resolves it: the store, then a name or
 * a file. */
static bool recall(const struct paths *p, const char *arg, struct preset *out,
                   FILE *err)
{
    struct preset_store s;
    preset_store_init(&s, p);
    preset_store_load(&s, NULL);
    bool ok = preset_store_recall(&s, arg, out, err);
    preset_store_free(&s);
    return ok;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_text(const char *path)
{
    char *buf;
    size_t len;
    char err[512];
    if (!files_read(path, &buf, &len, err, sizeof err))
        return NULL;
    return buf;
}

static void make_preset(struct preset *p, const char *name, int base,
                        int slot)
{
    preset_init(p);
    snprintf(p->name, sizeof p->name, "%s", name);
    snprintf(p->notes, sizeof p->notes, "Notes for %s.\nSecond line.", name);
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        p->value[i] = (base + i * 7) % 101;
    p->slot = slot;
}

static void write_preset_file(const char *path, const struct preset *p)
{
    char *t = preset_serialize(p, NULL);
    assert_non_null(t);
    write_text(path, t);
    free(t);
}

/* Files in dir whose name contains ".tmp-" (leftover temporary files). */
static int temp_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (strstr(e->d_name, ".tmp-"))
            n++;
    closedir(d);
    return n;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    snprintf(f->root, sizeof f->root, "%s", test_make_temp_dir());
    snprintf(f->xdg, sizeof f->xdg, "%s/xdg", f->root);
    snprintf(f->data, sizeof f->data, "%s/data", f->root);
    snprintf(f->factory_dir, sizeof f->factory_dir, "%s/assets/presets",
             f->data);
    snprintf(f->user_dir, sizeof f->user_dir, "%s/soundboard/presets",
             f->xdg);
    assert_true(paths_mkdirs(f->factory_dir));
    setenv("XDG_DATA_HOME", f->xdg, 1);
    setenv("SOUNDBOARD_DATA_DIR", f->data, 1);
    char err[256];
    assert_true(paths_init(&f->paths, err, sizeof err));
    /* Two factory presets: slots 1 and 2. */
    struct preset p;
    char path[600];
    make_preset(&p, "Factory one", 10, 1);
    snprintf(path, sizeof path, "%s/f1.ini", f->factory_dir);
    write_preset_file(path, &p);
    make_preset(&p, "Shared name", 20, 2);
    snprintf(path, sizeof path, "%s/f2.ini", f->factory_dir);
    write_preset_file(path, &p);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'",
             f->root, f->root);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", f->root);
    free(f);
    return 0;
}

static void load(struct preset_store *s, const struct fixture *f,
                 struct diag_list *d)
{
    preset_store_init(s, &f->paths);
    assert_string_equal(s->user_dir, f->user_dir);
    diag_init(d);
    preset_store_load(s, d);
}

/* ---------------------------------------------------------------- */
/* Store                                                              */
/* ---------------------------------------------------------------- */

static void test_save_and_recall(void **state)
{
    struct fixture *f = *state;
    struct preset_store s;
    struct diag_list d;
    load(&s, f, &d);
    assert_int_equal(s.count, 2);
    assert_int_equal(d.count, 0);

    /* A user preset with the factory's name and slot 1. */
    struct preset p;
    make_preset(&p, "Shared name", 55, 1);
    char err[512], path[PATHS_MAX];
    assert_false(preset_store_exists(&s, "Shared name"));
    assert_true(preset_store_save(&s, &p, false, path, err, sizeof err));
    assert_non_null(strstr(path, f->user_dir));
    assert_int_equal(temp_files(f->user_dir), 0);
    assert_true(preset_store_exists(&s, "Shared name"));
    assert_int_equal(s.count, 3);

    /* By name: the user one wins; the factory one is listed, shadowed. */
    const struct preset_entry *e = preset_store_find(&s, "Shared name");
    assert_non_null(e);
    assert_int_equal(e->origin, PRESET_USER);
    assert_memory_equal(e->preset.value, p.value, sizeof p.value);
    assert_string_equal(e->preset.notes, p.notes);
    assert_true(e->preset.created > 0);
    assert_true(e->preset.changed >= e->preset.created);
    int shadowed = 0;
    for (int i = 0; i < s.count; i++)
        shadowed += s.entry[i].shadowed;
    assert_int_equal(shadowed, 1);
    assert_int_equal(s.entry[0].origin, PRESET_USER); /* user first */

    /* By slot: user slot 1 wins over the factory's slot 1; slot 2 is the
     * (now shadowed) factory preset, so nothing answers slot 2. */
    e = preset_store_slot(&s, 1);
    assert_non_null(e);
    assert_string_equal(e->preset.name, "Shared name");
    assert_int_equal(e->origin, PRESET_USER);
    assert_null(preset_store_slot(&s, 2));
    assert_null(preset_store_slot(&s, 3));
    assert_null(preset_store_slot(&s, 0));
    assert_null(preset_store_slot(&s, 10));

    /* By file. */
    struct preset back;
    diag_init(&d);
    assert_true(preset_store_read_file(path, &back, &d));
    assert_string_equal(back.name, "Shared name");

    /* Saving again needs overwrite; created stays, values change. */
    int64_t created = preset_store_find(&s, "Shared name")->preset.created;
    p.value[0] = 99;
    assert_false(preset_store_save(&s, &p, false, NULL, err, sizeof err));
    assert_non_null(strstr(err, "exists"));
    assert_int_equal(preset_store_find(&s, "Shared name")->preset.value[0],
                     55 % 101);
    assert_true(preset_store_save(&s, &p, true, NULL, err, sizeof err));
    e = preset_store_find(&s, "Shared name");
    assert_int_equal(e->preset.value[0], 99);
    assert_true(e->preset.created == created);
    assert_int_equal(s.count, 3);
    preset_store_free(&s);
}

static void test_slot_store_moves_slot(void **state)
{
    struct fixture *f = *state;
    struct preset_store s;
    struct diag_list d;
    load(&s, f, &d);
    struct preset a, b;
    char err[512];
    make_preset(&a, "First", 1, 5);
    make_preset(&b, "Second", 2, 5);
    assert_true(preset_store_save(&s, &a, false, NULL, err, sizeof err));
    assert_true(preset_store_save(&s, &b, false, NULL, err, sizeof err));
    assert_string_equal(preset_store_slot(&s, 5)->preset.name, "Second");
    assert_int_equal(preset_store_find(&s, "First")->preset.slot, 0);
    /* It is on disk, not only in memory. */
    struct preset_store s2;
    load(&s2, f, &d);
    assert_int_equal(preset_store_find(&s2, "First")->preset.slot, 0);
    preset_store_free(&s2);
    preset_store_free(&s);
}

static void test_rename_duplicate_delete(void **state)
{
    struct fixture *f = *state;
    struct preset_store s;
    struct diag_list d;
    load(&s, f, &d);
    struct preset p;
    char err[512], path[PATHS_MAX];
    make_preset(&p, "Old name", 30, 0);
    assert_true(preset_store_save(&s, &p, false, path, err, sizeof err));

    /* Rename: new display name and file; the old file is gone. */
    assert_true(preset_store_rename(&s, "Old name", "Nouveau nom é", false,
                                    err, sizeof err));
    assert_null(preset_store_find(&s, "Old name"));
    const struct preset_entry *e = preset_store_find(&s, "Nouveau nom é");
    assert_non_null(e);
    assert_non_null(strstr(e->path, "Nouveau nom é.ini"));
    assert_int_not_equal(access(path, F_OK), 0);
    assert_memory_equal(e->preset.value, p.value, sizeof p.value);

    /* Rename onto an existing name needs overwrite. */
    make_preset(&p, "Other", 40, 0);
    assert_true(preset_store_save(&s, &p, false, NULL, err, sizeof err));
    assert_false(preset_store_rename(&s, "Other", "Nouveau nom é", false,
                                     err, sizeof err));
    assert_int_equal(s.count, 4);

    /* Factory presets are read-only. */
    assert_false(preset_store_rename(&s, "Factory one", "X", false, err,
                                     sizeof err));
    assert_non_null(strstr(err, "read-only"));
    assert_false(preset_store_delete(&s, "Factory one", err, sizeof err));
    assert_non_null(strstr(err, "read-only"));
    assert_false(preset_store_delete(&s, "Nobody", err, sizeof err));

    /* Duplicate a factory preset: a user copy with a free name, no slot. */
    assert_true(preset_store_duplicate(&s, "Factory one", NULL, err,
                                       sizeof err));
    e = preset_store_find(&s, "Factory one 2");
    assert_non_null(e);
    assert_int_equal(e->origin, PRESET_USER);
    assert_int_equal(e->preset.slot, 0);
    assert_int_equal(preset_store_slot(&s, 1)->origin, PRESET_FACTORY);
    assert_true(preset_store_duplicate(&s, "Factory one", NULL, err,
                                       sizeof err));
    assert_non_null(preset_store_find(&s, "Factory one 3"));
    assert_true(preset_store_duplicate(&s, "Other", "Other copy", err,
                                       sizeof err));
    assert_non_null(preset_store_find(&s, "Other copy"));

    /* Delete. */
    int before = s.count;
    char gone[PATHS_MAX];
    snprintf(gone, sizeof gone, "%s", preset_store_find(&s, "Other")->path);
    assert_true(preset_store_delete(&s, "Other", err, sizeof err));
    assert_int_equal(s.count, before - 1);
    assert_null(preset_store_find(&s, "Other"));
    assert_int_not_equal(access(gone, F_OK), 0);
    assert_int_equal(temp_files(f->user_dir), 0);
    preset_store_free(&s);
}

static void test_damaged_file_untouched(void **state)
{
    struct fixture *f = *state;
    assert_true(paths_mkdirs(f->user_dir));
    char bad[600], good[600];
    snprintf(bad, sizeof bad, "%s/Broken.ini", f->user_dir);
    snprintf(good, sizeof good, "%s/good.ini", f->user_dir);
    const char *damaged = "[preset]\nversion = 1\nname = Broken\n[values]\n"
                          "goals = 12\ninquiry = loud\n";
    write_text(bad, damaged);
    struct preset p;
    make_preset(&p, "Good one", 5, 3);
    write_preset_file(good, &p);

    struct preset_store s;
    struct diag_list d;
    load(&s, f, &d);
    assert_int_equal(s.count, 3); /* the good one and two factory */
    assert_true(d.count >= 1);
    char want[700];
    snprintf(want, sizeof want, "%s:6: inquiry = 'loud' is not a whole "
                                "number", bad);
    assert_string_equal(d.text[0], want);

    /* Saving a preset with the damaged file's name makes a new file. */
    make_preset(&p, "Broken", 60, 0);
    char err[512], path[PATHS_MAX];
    assert_true(preset_store_save(&s, &p, true, path, err, sizeof err));
    assert_non_null(strstr(path, "Broken-2.ini"));
    char *now = read_text(bad);
    assert_string_equal(now, damaged);
    free(now);
    /* Deleting "Broken" removes the preset that parsed, never the damaged
     * file. */
    assert_true(preset_store_delete(&s, "Broken", err, sizeof err));
    now = read_text(bad);
    assert_non_null(now);
    assert_string_equal(now, damaged);
    free(now);
    preset_store_free(&s);
}

/* ---------------------------------------------------------------- */
/* Atomic writes                                                      */
/* ---------------------------------------------------------------- */

struct fault_plan {
    enum files_step step;
    int err;
    int calls;
};

static int fail_at(void *user, enum files_step step)
{
    struct fault_plan *fp = user;
    fp->calls++;
    return step == fp->step ? fp->err : 0;
}

static void test_atomic_write_fault_sweep(void **state)
{
    struct fixture *f = *state;
    char target[600];
    snprintf(target, sizeof target, "%s/target.txt", f->root);
    const char *old = "the old contents, whole\n";
    char big[20000];
    memset(big, 'N', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    static const int errs[] = {ENOSPC, EIO, EACCES, EROFS};
    static const char *const words[] = {
        "disk full", "input/output error", "read-only", "read-only",
    };
    for (int step = 0; step < FILES_STEPS; step++) {
        for (size_t k = 0; k < sizeof errs / sizeof errs[0]; k++) {
            write_text(target, old);
            struct fault_plan fp = {(enum files_step)step, errs[k], 0};
            struct files_fault fault = {fail_at, &fp};
            char err[1024];
            bool ok = files_write_atomic_with(target, big, strlen(big),
                                              &fault, err, sizeof err);
            assert_false(ok);
            assert_int_equal(fp.calls, step + 1); /* stopped there */
            assert_non_null(strstr(err, target));
            assert_non_null(strstr(err, words[k]));
            assert_int_equal(temp_files(f->root), 0);
            char *now = read_text(target);
            assert_non_null(now);
            if (step == FILES_STEP_DIR_FSYNC) {
                /* Already renamed: the new file, whole. */
                assert_string_equal(now, big);
                assert_non_null(strstr(err, "saved, but"));
            } else {
                assert_string_equal(now, old);
            }
            free(now);
        }
    }
    /* No fault: the new contents, no temporary file, mode 0644-ish. */
    char err[512];
    assert_true(files_write_atomic(target, "new\n", 4, err, sizeof err));
    char *now = read_text(target);
    assert_string_equal(now, "new\n");
    free(now);
    assert_int_equal(temp_files(f->root), 0);
    /* A new file where none was. */
    char fresh[600];
    snprintf(fresh, sizeof fresh, "%s/fresh.txt", f->root);
    assert_true(files_write_atomic(fresh, "x", 1, err, sizeof err));
    struct stat st;
    assert_int_equal(stat(fresh, &st), 0);
    assert_true((st.st_mode & 0444) == 0444);
    assert_true((st.st_mode & 0022) == 0);
}

static void test_store_save_under_faults(void **state)
{
    struct fixture *f = *state;
    struct preset_store s;
    struct diag_list d;
    load(&s, f, &d);
    struct preset p;
    char err[1024], path[PATHS_MAX];
    make_preset(&p, "Precious", 33, 4);
    assert_true(preset_store_save(&s, &p, false, path, err, sizeof err));
    char *before = read_text(path);
    for (int step = 0; step < FILES_STEP_DIR_FSYNC; step++) {
        struct fault_plan fp = {(enum files_step)step, ENOSPC, 0};
        struct files_fault fault = {fail_at, &fp};
        s.fault = &fault;
        struct preset changed = p;
        changed.value[2] = 100;
        assert_false(preset_store_save(&s, &changed, true, NULL, err,
                                       sizeof err));
        assert_non_null(strstr(err, "disk full"));
        assert_non_null(strstr(err, "Precious.ini"));
        char *now = read_text(path);
        assert_string_equal(now, before);
        free(now);
        assert_int_equal(temp_files(f->user_dir), 0);
        assert_int_equal(preset_store_find(&s, "Precious")->preset.value[2],
                         p.value[2]);
    }
    s.fault = NULL;
    free(before);
    preset_store_free(&s);
}

/* Real failures, no injection. As root, chmod 0555 does not stop writes,
 * so a folder whose parent is a regular file stands in for it there (and
 * runs in every case); the read-only folder runs when not root. */
static void test_real_unwritable_folders(void **state)
{
    struct fixture *f = *state;
    char err[1024];
    /* Parent is a regular file. */
    char file[600], under[700];
    snprintf(file, sizeof file, "%s/plain-file", f->root);
    write_text(file, "not a folder\n");
    snprintf(under, sizeof under, "%s/target.ini", file);
    assert_false(files_write_atomic(under, "x", 1, err, sizeof err));
    assert_non_null(strstr(err, under));
    assert_non_null(strstr(err, "not a folder"));

    /* The store with XDG_DATA_HOME under a regular file. */
    struct paths bad = f->paths;
    snprintf(bad.user_data, sizeof bad.user_data, "%s/soundboard", file);
    struct preset_store s;
    preset_store_init(&s, &bad);
    struct diag_list d;
    diag_init(&d);
    preset_store_load(&s, &d);
    assert_int_equal(s.count, 2); /* the factory presets still load */
    struct preset p;
    make_preset(&p, "Nowhere", 1, 0);
    assert_false(preset_store_save(&s, &p, false, NULL, err, sizeof err));
    assert_non_null(strstr(err, "not a folder"));
    preset_store_free(&s);

    if (geteuid() == 0) {
        fprintf(stderr, "note: running as root, chmod 0555 does not stop "
                        "writes: read-only folder case skipped\n");
        return;
    }
    char ro[600], target[700];
    snprintf(ro, sizeof ro, "%s/readonly", f->root);
    assert_true(paths_mkdirs(ro));
    snprintf(target, sizeof target, "%s/keep.ini", ro);
    write_text(target, "old\n");
    assert_int_equal(chmod(ro, 0555), 0);
    assert_false(files_write_atomic(target, "new\n", 4, err, sizeof err));
    assert_non_null(strstr(err, "read-only"));
    char *now = read_text(target);
    assert_string_equal(now, "old\n");
    free(now);
    assert_int_equal(temp_files(ro), 0);
    chmod(ro, 0755);
}

/* ---------------------------------------------------------------- */
/* Command line                                                       */
/* ---------------------------------------------------------------- */

static char *capture(FILE *fp)
{
    fflush(fp);
    long n = ftell(fp);
    rewind(fp);
    char *buf = calloc(1, (size_t)n + 1);
    if (fread(buf, 1, (size_t)n, fp) != (size_t)n)
        fail();
    fclose(fp);
    return buf;
}

static void test_cli(void **state)
{
    struct fixture *f = *state;
    int v[BOARD_ELEMENTS] = {1, 2, 3, 4, 5, 6, 7};
    struct preset base;
    make_preset(&base, "Base", 0, 0);

    /* --save-preset makes a user preset with base's notes. */
    FILE *out = tmpfile(), *err = tmpfile();
    assert_int_equal(preset_cli_save(&f->paths, "Saved: from CLI", v, &base,
                                     out, err), 0);
    char *o = capture(out), *e = capture(err);
    assert_non_null(strstr(o, f->user_dir));
    assert_non_null(strstr(o, "Saved_ from CLI.ini"));
    free(o);
    free(e);

    /* --preset by name, by file; an unknown name fails clearly. */
    struct preset p;
    err = tmpfile();
    assert_true(recall(&f->paths, "Saved: from CLI", &p, err));
    assert_memory_equal(p.value, v, sizeof v);
    assert_string_equal(p.notes, base.notes);
    char file[700];
    snprintf(file, sizeof file, "%s/f1.ini", f->factory_dir);
    assert_true(recall(&f->paths, file, &p, err));
    assert_string_equal(p.name, "Factory one");
    assert_true(recall(&f->paths, "Factory one", &p, err));
    assert_false(recall(&f->paths, "No such", &p, err));
    e = capture(err);
    assert_non_null(strstr(e, "--preset No such: no preset has that name"));
    free(e);

    /* --save-preset again updates values, keeps notes. */
    v[0] = 100;
    out = tmpfile();
    err = tmpfile();
    assert_int_equal(preset_cli_save(&f->paths, "Saved: from CLI", v, NULL,
                                     out, err), 0);
    fclose(out);
    fclose(err);
    err = tmpfile();
    assert_true(recall(&f->paths, "Saved: from CLI", &p, err));
    fclose(err);
    assert_int_equal(p.value[0], 100);
    assert_string_equal(p.notes, base.notes);

    /* --list-presets: NAME TAB ORIGIN TAB SLOT TAB FILE, user first. */
    out = tmpfile();
    err = tmpfile();
    assert_int_equal(preset_cli_list(&f->paths, out, err), 0);
    o = capture(out);
    e = capture(err);
    char want[2000];
    snprintf(want, sizeof want,
             "Saved: from CLI\tuser\t-\t%s/Saved_ from CLI.ini\n"
             "Factory one\tfactory\t1\t%s/f1.ini\n"
             "Shared name\tfactory\t2\t%s/f2.ini\n",
             f->user_dir, f->factory_dir, f->factory_dir);
    assert_string_equal(o, want);
    assert_string_equal(e, "");
    free(o);
    free(e);

    /* --check on a good and a broken preset file. */
    assert_true(preset_cli_is_preset_file(file));
    out = tmpfile();
    assert_int_equal(preset_cli_check(file, out), 0);
    o = capture(out);
    assert_string_equal(o, "ok\n");
    free(o);
    char broken[700];
    snprintf(broken, sizeof broken, "%s/broken.ini", f->root);
    write_text(broken, "[preset]\nversion = 7\nname = X\n[values]\n"
                       "goals = 1\ngoals = 2\n");
    assert_true(preset_cli_is_preset_file(broken));
    out = tmpfile();
    assert_int_equal(preset_cli_check(broken, out), 2);
    o = capture(out);
    snprintf(want, sizeof want, "%s:2: unknown version 7", broken);
    assert_non_null(strstr(o, want));
    snprintf(want, sizeof want, "%s:6: duplicate key 'goals'", broken);
    assert_non_null(strstr(o, want));
    free(o);
    write_text(broken, "[controller]\nname = x\n");
    assert_false(preset_cli_is_preset_file(broken));
}

/* The shipped factory presets: all parse, slots 1..N once each, notes
 * present, and the set is balanced (one mostly teacher-generated mix, none
 * with every fader in the student-generated zone). */
static void test_shipped_factory_presets(void **state)
{
    (void)state;
    struct paths p;
    char err[256];
    setenv("SOUNDBOARD_DATA_DIR", SOUNDBOARD_SOURCE_DIR, 1);
    assert_true(paths_init(&p, err, sizeof err));
    snprintf(p.user_data, sizeof p.user_data, "/nonexistent/soundboard");
    struct preset_store s;
    struct diag_list d;
    preset_store_init(&s, &p);
    diag_init(&d);
    preset_store_load(&s, &d);
    for (int i = 0; i < d.count; i++)
        fprintf(stderr, "%s\n", d.text[i]);
    assert_int_equal(d.count, 0);
    assert_true(s.count >= 5 && s.count <= 9);
    bool mostly_teacher = false;
    for (int i = 0; i < s.count; i++) {
        const struct preset *q = &s.entry[i].preset;
        assert_int_equal(s.entry[i].origin, PRESET_FACTORY);
        assert_int_equal(q->slot, i + 1);
        assert_true(strlen(q->notes) > 100);
        int teacher = 0, student = 0;
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            teacher += zone_for_value(q->value[e]) == ZONE_TEACHER;
            student += zone_for_value(q->value[e]) == ZONE_STUDENT;
        }
        mostly_teacher |= teacher == BOARD_ELEMENTS;
        assert_true(student < BOARD_ELEMENTS / 2);
    }
    assert_true(mostly_teacher);
    preset_store_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_save_and_recall, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_slot_store_moves_slot, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_rename_duplicate_delete, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_damaged_file_untouched, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_atomic_write_fault_sweep, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_store_save_under_faults, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_real_unwritable_folders, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_cli, setup, teardown),
        cmocka_unit_test(test_shipped_factory_presets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
