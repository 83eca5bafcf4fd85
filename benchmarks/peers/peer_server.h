/* What the C peers (floor.c, floor3.c) share: reading an exported file, the process CPU time, and the server loop
 * run.sh's drivers talk to. */
#ifndef PEER_SERVER_H
#define PEER_SERVER_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The whole of <dir>/<name>, with a 0 after its end (so a text file is a string); its size in *size. */
static void *slurp(const char *dir, const char *name, size_t *size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    *size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc(*size + 1);
    if (*size && fread(data, 1, *size, f) != *size) { perror(path); exit(1); }
    data[*size] = 0;
    fclose(f);
    return data;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Says "ready <name> <n>", then answers each "run R" line on standard input with the process CPU seconds
 * (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)) of R calls of run() and the last call's value. */
static void serve(const char *name, long n, long long (*run)(void))
{
    printf("ready %s %ld\n", name, n);
    fflush(stdout);
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        int repeats = 1;
        if (strncmp(line, "run", 3)) continue;
        sscanf(line, "run %d", &repeats);
        double start = cpu_seconds();
        long long value = 0;
        for (int r = 0; r < repeats; r++) value = run();
        printf("%.17g %lld\n", cpu_seconds() - start, value);
        fflush(stdout);
    }
}
#endif
