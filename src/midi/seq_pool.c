/* seq_pool: raise PortMidi's sequencer input pool; read its losses
 * (seq_pool.h). */
#include "seq_pool.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <sound/asequencer.h>

int seq_pool_find_fd(int not_fd)
{
    DIR *d = opendir("/proc/self/fd");
    int found = -1;

    if (!d)
        return -1;
    for (struct dirent *e; found < 0 && (e = readdir(d));) {
        char target[64];
        ssize_t n = readlinkat(dirfd(d), e->d_name, target,
                               sizeof target - 1);
        if (n <= 0)
            continue;
        target[n] = '\0';
        int fd = atoi(e->d_name);
        if (strcmp(target, "/dev/snd/seq") == 0 && fd != not_fd
            && fd != dirfd(d))
            found = fd;
    }
    closedir(d);
    return found;
}

int seq_pool_raise(int fd, int events)
{
    int client = -1;
    struct snd_seq_client_pool pool;

    if (fd < 0 || ioctl(fd, SNDRV_SEQ_IOCTL_CLIENT_ID, &client) < 0)
        return -1;
    memset(&pool, 0, sizeof pool);
    pool.client = client;
    if (ioctl(fd, SNDRV_SEQ_IOCTL_GET_CLIENT_POOL, &pool) < 0)
        return -1;
    if (pool.input_pool < events) {
        /* The output pool is passed back unchanged, so it is kept. */
        pool.input_pool = events;
        if (ioctl(fd, SNDRV_SEQ_IOCTL_SET_CLIENT_POOL, &pool) < 0)
            return -1;
    }
    return client;
}

long seq_pool_input_failures(const char *text, int client)
{
    char head[32];
    int n = snprintf(head, sizeof head, "Client %3d : ", client);
    const char *c = text;

    if (client < 0 || n <= 0)
        return -1;
    /* The client's block: from its "Client" line to the next one. */
    while ((c = strstr(c, head)) && c != text && c[-1] != '\n')
        c++;
    if (!c)
        return -1;
    const char *end = strstr(c + 1, "\nClient ");
    const char *in = strstr(c, "  Input pool :");
    if (!in || (end && in > end))
        return -1;
    const char *fail = strstr(in, "Alloc failures");
    if (!fail || (end && fail > end))
        return -1;
    fail = strchr(fail, ':');
    if (!fail)
        return -1;
    char *stop;
    long v = strtol(fail + 1, &stop, 10);
    return stop == fail + 1 || v < 0 ? -1 : v;
}
