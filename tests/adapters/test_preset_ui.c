/* test_preset_ui: the preset browser and save dialog driven by synthetic
 * SDL events on a real app, with user presets in a temporary XDG folder:
 * save (new, overwrite refused and accepted, UTF-8 names), a failed save
 * keeps the dialog, rename, duplicate and delete on real files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "app.h"
#include "options.h"
#include "preset_store.h"
#include "options.h"
#include "test_support.h"

struct fx {
    struct app app;
    struct layout layout;
    char home[512];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    snprintf(f->home, sizeof f->home, "%s", test_make_temp_dir());
    setenv("XDG_DATA_HOME", f->home, 1);
    setenv("XDG_CONFIG_HOME", test_make_temp_dir(), 1); /* settings.ini */
    setenv("SOUNDBOARD_DATA_DIR", SOUNDBOARD_SOURCE_DIR, 1);
    struct options o;
    char *argv[] = {"soundboard", NULL};
    char err[256];
    assert_true(options_parse(&o, 1, argv, err, sizeof err));
    struct app_config cfg;
    options_app_config(&o, &cfg);
    assert_true(app_init(&f->app, &cfg));
    f->app.out_w = 1280;
    f->app.out_h = 720;
    f->app.scale_x = f->app.scale_y = 1.0f;
    layout_compute(&f->app.layout, 1280, 720);
    f->layout = f->app.layout;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    app_free(&f->app);
    free(f);
    return 0;
}

static bool key(struct fx *f, SDL_Keycode sym, Uint16 mod)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = sym;
    ev.key.keysym.mod = mod;
    return app_handle_event(&f->app, &ev);
}

static bool type(struct fx *f, const char *s)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_TEXTINPUT;
    snprintf(ev.text.text, sizeof ev.text.text, "%s", s);
    return app_handle_event(&f->app, &ev);
}

static struct view view(struct fx *f)
{
    struct view v;
    app_view(&f->app, &v);
    return v;
}

/* A fresh store read from disk (not the app's copy). */
static const struct preset_entry *on_disk(struct fx *f,
                                          struct preset_store *s,
                                          const char *name)
{
    preset_store_init(s, &f->app.paths);
    preset_store_load(s, NULL);
    return preset_store_find_user(s, name);
}

static void clear_name(struct fx *f)
{
    for (int i = 0; i < 200; i++)
        key(f, SDLK_BACKSPACE, 0);
    assert_string_equal(view(f).presets.dialog_name, "");
}

static void save_as(struct fx *f, const char *name)
{
    assert_true(app_command_text(&f->app, "preset save"));
    clear_name(f);
    type(f, name);
    key(f, SDLK_RETURN, 0);
}

static void save_new_utf8(void **state)
{
    struct fx *f = *state;
    board_set(&f->app.board, 0, 12);
    board_set(&f->app.board, 6, 88);
    assert_true(app_command_text(&f->app, "preset save"));
    struct view v = view(f);
    assert_true(v.presets.dialog);
    assert_int_equal(v.overlay, OVERLAY_PRESETS);
    assert_true(SDL_IsTextInputActive());
    /* Keys that would move the board are taken by the dialog. */
    assert_true(key(f, SDLK_UP, 0));
    assert_true(key(f, SDLK_1, 0));
    assert_true(type(f, "Météo, 4ᵉ"));
    assert_true(type(f, "x"));
    key(f, SDLK_BACKSPACE, 0);
    assert_string_equal(view(f).presets.dialog_name, "Météo, 4ᵉ");
    type(f, "é");
    key(f, SDLK_BACKSPACE, 0); /* a two-byte code point goes at once */
    assert_string_equal(view(f).presets.dialog_name, "Météo, 4ᵉ");
    key(f, SDLK_TAB, 0);
    assert_int_equal(view(f).presets.dialog_field, VIEW_FIELD_NOTES);
    type(f, "Line one");
    key(f, SDLK_RETURN, 0);    /* Enter in notes: a line break */
    assert_true(view(f).presets.dialog);
    type(f, "Line two");
    key(f, SDLK_PAGEUP, 0);
    key(f, SDLK_PAGEUP, 0);
    key(f, SDLK_PAGEUP, 0);
    assert_int_equal(view(f).presets.dialog_slot, 3);
    key(f, SDLK_RETURN, KMOD_LCTRL);
    v = view(f);
    assert_false(v.presets.dialog);
    assert_false(SDL_IsTextInputActive());
    assert_string_equal(live_presets_name(&f->app.presets), "Météo, 4ᵉ");

    struct preset_store s;
    const struct preset_entry *e = on_disk(f, &s, "Météo, 4ᵉ");
    assert_non_null(e);
    struct preset p;
    assert_true(preset_store_read_file(e->path, &p, NULL));
    assert_string_equal(p.name, "Météo, 4ᵉ");
    assert_string_equal(p.notes, "Line one\nLine two");
    assert_int_equal(p.slot, 3);
    assert_int_equal(p.value[0], 12);
    assert_int_equal(p.value[6], 88);
    preset_store_free(&s);
}

static void overwrite_refused_then_accepted(void **state)
{
    struct fx *f = *state;
    board_set(&f->app.board, 1, 20);
    save_as(f, "Mix A");
    assert_false(view(f).presets.dialog);
    board_set(&f->app.board, 1, 70);
    /* Prefilled with the recalled preset: saving asks first. */
    assert_true(app_command_text(&f->app, "preset save"));
    assert_string_equal(view(f).presets.dialog_name, "Mix A");
    key(f, SDLK_RETURN, 0);
    struct view v = view(f);
    assert_non_null(v.presets.prompt);
    assert_non_null(strstr(v.presets.prompt, "Mix A"));
    assert_true(type(f, "n"));     /* text is not typed while asking */
    key(f, SDLK_n, 0);
    v = view(f);
    assert_null(v.presets.prompt);
    assert_true(v.presets.dialog);
    assert_string_equal(v.presets.dialog_name, "Mix A");
    struct preset_store s;
    assert_int_equal(on_disk(f, &s, "Mix A")->preset.value[1], 20);
    preset_store_free(&s);

    key(f, SDLK_RETURN, 0);
    assert_non_null(view(f).presets.prompt);
    key(f, SDLK_y, 0);
    assert_false(view(f).presets.dialog);
    assert_int_equal(on_disk(f, &s, "Mix A")->preset.value[1], 70);
    preset_store_free(&s);
}

static void escape_cancels(void **state)
{
    struct fx *f = *state;
    save_as(f, "Kept");
    assert_true(app_command_text(&f->app, "preset save"));
    type(f, " more");
    key(f, SDLK_ESCAPE, 0);
    assert_false(view(f).presets.dialog);
    struct preset_store s;
    assert_null(on_disk(f, &s, "Kept more"));
    preset_store_free(&s);
}

static void failed_save_keeps_dialog(void **state)
{
    struct fx *f = *state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/soundboard", f->home);
    mkdir(dir, 0700);
    snprintf(dir, sizeof dir, "%s/soundboard/presets", f->home);
    rmdir(dir);
    FILE *fp = fopen(dir, "w"); /* the folder is now a regular file */
    assert_non_null(fp);
    fclose(fp);
    assert_true(app_command_text(&f->app, "preset save"));
    clear_name(f);
    type(f, "Lost?");
    key(f, SDLK_TAB, 0);
    type(f, "notes stay");
    key(f, SDLK_RETURN, KMOD_CTRL);
    struct view v = view(f);
    assert_true(v.presets.dialog);
    assert_non_null(v.presets.message);
    assert_string_equal(v.presets.dialog_name, "Lost?");
    assert_string_equal(v.presets.dialog_notes, "notes stay");
    unlink(dir);
}

static int find_row(struct fx *f, const char *name)
{
    struct view v = view(f);
    for (int i = 0; i < v.presets.count; i++)
        if (strcmp(v.presets.rows[i].name, name) == 0)
            return i;
    return -1;
}

static void select_row(struct fx *f, int row)
{
    key(f, SDLK_HOME, 0);
    for (int i = 0; i < row; i++)
        key(f, SDLK_DOWN, 0);
    assert_int_equal(view(f).presets.selected, row);
}

static void browser_rename_duplicate_delete(void **state)
{
    struct fx *f = *state;
    save_as(f, "Old");
    save_as(f, "Other");
    assert_true(app_command_text(&f->app, "overlay presets"));
    assert_int_equal(f->app.overlay, OVERLAY_PRESETS);
    struct view v = view(f);
    assert_true(v.presets.count >= 2);
    assert_false(v.presets.rows[0].factory);   /* user presets first */
    assert_true(v.presets.rows[v.presets.count - 1].factory);

    select_row(f, find_row(f, "Old"));
    assert_true(key(f, SDLK_r, 0));
    assert_string_equal(view(f).presets.rename_text, "Old");
    assert_true(SDL_IsTextInputActive());
    for (int i = 0; i < 3; i++)
        key(f, SDLK_BACKSPACE, 0);
    type(f, "Other");          /* taken: asks first, refused */
    key(f, SDLK_RETURN, 0);
    assert_non_null(view(f).presets.prompt);
    key(f, SDLK_ESCAPE, 0);
    assert_null(view(f).presets.prompt);
    for (int i = 0; i < 5; i++)
        key(f, SDLK_BACKSPACE, 0);
    type(f, "Renamed ☀");
    key(f, SDLK_RETURN, 0);
    assert_null(view(f).presets.rename_text);
    assert_false(SDL_IsTextInputActive());
    struct preset_store s;
    assert_null(on_disk(f, &s, "Old"));
    preset_store_free(&s);
    assert_non_null(on_disk(f, &s, "Renamed ☀"));
    preset_store_free(&s);
    assert_non_null(on_disk(f, &s, "Other"));
    preset_store_free(&s);

    /* Duplicate, then delete the copy: asked, refused, then accepted. */
    select_row(f, find_row(f, "Other"));
    int before = view(f).presets.count;
    key(f, SDLK_d, 0);
    assert_int_equal(view(f).presets.count, before + 1);
    assert_int_equal(find_row(f, "Other 2") >= 0, 1);
    select_row(f, find_row(f, "Other 2"));
    key(f, SDLK_DELETE, 0);
    assert_non_null(view(f).presets.prompt);
    key(f, SDLK_n, 0);
    assert_non_null(on_disk(f, &s, "Other 2"));
    preset_store_free(&s);
    char path[PATHS_MAX];
    snprintf(path, sizeof path, "%s", on_disk(f, &s, "Other 2")->path);
    preset_store_free(&s);
    key(f, SDLK_DELETE, 0);
    key(f, SDLK_RETURN, 0);
    assert_null(view(f).presets.prompt);
    assert_int_equal(find_row(f, "Other 2"), -1);
    assert_int_equal(access(path, F_OK), -1);
    assert_null(on_disk(f, &s, "Other 2"));
    preset_store_free(&s);

    /* Factory presets are read-only: a message, no question. */
    select_row(f, view(f).presets.count - 1);
    before = view(f).presets.count;
    key(f, SDLK_DELETE, 0);
    v = view(f);
    assert_null(v.presets.prompt);
    assert_non_null(v.presets.message);
    assert_int_equal(v.presets.count, before);

    /* Enter recalls the selected preset; Escape closes. */
    select_row(f, find_row(f, "Renamed ☀"));
    key(f, SDLK_RETURN, 0);
    assert_string_equal(live_presets_name(&f->app.presets), "Renamed ☀");
    assert_false(key(f, SDLK_q, 0)); /* other keys go on to the board */
    key(f, SDLK_ESCAPE, 0);
    assert_int_equal(f->app.overlay, OVERLAY_NONE);
    assert_false(key(f, SDLK_DOWN, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(save_new_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(overwrite_refused_then_accepted,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(escape_cancels, setup, teardown),
        cmocka_unit_test_setup_teardown(failed_save_keeps_dialog, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(browser_rename_duplicate_delete,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
