/* print_load: dlopen soundboard-print.so beside or below the executable. */
#include "print_load.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"

#ifndef PRINT_MODULE_DIR
#define PRINT_MODULE_DIR "lib/soundboard"
#endif
#define PRINT_MODULE_FILE "soundboard-print.so"

/* The module to load into path; false with a reason in err. */
static bool module_path(char *path, size_t cap, char *err, size_t errlen)
{
    const char *env = getenv("SOUNDBOARD_PRINT_MODULE");
    if (env && *env) {
        int n = snprintf(path, cap, "%s", env);
        if (n > 0 && (size_t)n < cap)
            return true;
        snprintf(err, errlen, "SOUNDBOARD_PRINT_MODULE is too long");
        return false;
    }
    char dir[PATHS_MAX];
    if (!paths_exe_dir(dir, sizeof dir)) {
        snprintf(err, errlen,
                 "cannot find the program's own folder for the print "
                 "module: %s",
                 strerror(errno));
        return false;
    }
    char built[PATHS_MAX];
    bool installed_fits = paths_join(path, cap, dir,
                                     "../" PRINT_MODULE_DIR
                                     "/" PRINT_MODULE_FILE);
    if (installed_fits && access(path, F_OK) == 0)
        return true;
    if (paths_join(built, sizeof built, dir, PRINT_MODULE_FILE)
        && access(built, F_OK) == 0) {
        snprintf(path, cap, "%s", built);
        return true;
    }
    if (!installed_fits) {
        snprintf(err, errlen, "%s: the path of the print module is too long",
                 dir);
        return false;
    }
    return true; /* the installed path: dlopen says what is wrong */
}

const struct print_api *print_load(char *err, size_t errlen)
{
    static const struct print_api *loaded;
    if (loaded)
        return loaded;
    char path[PATHS_MAX];
    if (!module_path(path, sizeof path, err, errlen))
        return NULL;
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *why = dlerror();
        snprintf(err, errlen, "cannot load the print module %s: %s", path,
                 why ? why : "unknown error");
        return NULL;
    }
    dlerror();
    const struct print_api *api = dlsym(lib, PRINT_API_SYMBOL);
    const char *why = dlerror();
    if (why || !api) {
        snprintf(err, errlen, "%s: not the print module: %s", path,
                 why ? why : "no " PRINT_API_SYMBOL);
        dlclose(lib);
        return NULL;
    }
    if (api->abi != PRINT_API_ABI
        || api->handout_size != sizeof(struct handout)
        || api->arc_handout_size != sizeof(struct arc_handout)) {
        snprintf(err, errlen,
                 "%s: the print module is of another soundboard (ABI %d, "
                 "this program's %d; reinstall it with this program)",
                 path, api->abi, (int)PRINT_API_ABI);
        dlclose(lib);
        return NULL;
    }
    /* Kept loaded: --export is one action, then the program ends. */
    loaded = api;
    return loaded;
}
