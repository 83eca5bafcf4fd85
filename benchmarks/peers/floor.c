/* Peer (e), the floor: the same work as numba_peer.py and numpy_peer.py in plain C, compiled with
 * gcc -O3 -march=native. Patients in lockstep (every array is one pool or one propagator entry over all patients, so
 * the per-step loops vectorise), the library's propagator method, the same store limit, serum and log histograms.
 *
 * Usage (run.sh's driver starts it): floor <dir> [patients]
 * Writes <dir>/floor.f64 (stores and serum of the first `agree` patients, every row), prints "ready floor <n>", then
 * answers each "run R" line with the process CPU seconds (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)) of R runs. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peer_server.h"

enum { COLUMNS = 17, SUB_BITS = 7, OCTAVES = 40, BINS = OCTAVES << SUB_BITS };
#define NO_ACTION INT32_MIN

static int rows, intakes, kinds, nintervals, nsteps, agree;
static long exported, n;
static double threshold;
static double *intervals, *patients, *outcomes;
static int32_t *steps;
static uint8_t *outcome_index;
static int64_t key_low;

static void read_scenario(const char *dir)
{
    char path[4096], line[512];
    snprintf(path, sizeof path, "%s/scenario.csv", dir);
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(1); }
    while (fgets(line, sizeof line, f)) {
        char *comma = strchr(line, ',');
        if (!comma) continue;
        *comma = 0;
        const char *v = comma + 1;
        if (!strcmp(line, "rows")) rows = atoi(v);
        else if (!strcmp(line, "intakes")) intakes = atoi(v);
        else if (!strcmp(line, "kinds")) kinds = atoi(v);
        else if (!strcmp(line, "intervals")) nintervals = atoi(v);
        else if (!strcmp(line, "steps")) nsteps = atoi(v);
        else if (!strcmp(line, "agree")) agree = atoi(v);
        else if (!strcmp(line, "patients")) exported = atol(v);
        else if (!strcmp(line, "threshold_pg_ml")) threshold = strtod(v, NULL);
    }
    fclose(f);
    if (kinds < 1) kinds = 1;
}

static void multiply(const double *a, const double *b, double *out)
{
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            out[i * 4 + j] = ((a[i * 4] * b[j] + a[i * 4 + 1] * b[4 + j]) + a[i * 4 + 2] * b[8 + j]) + a[i * 4 + 3] * b[12 + j];
}

/* exp(A days) by the library's method: shift to non-negative, scale to norm 1/2, 20 Taylor terms, square back. */
static void exponential(const double *a, double days, double *out)
{
    double c = 0, m[16], total[16] = {0}, term[16] = {0}, scratch[16];
    for (int i = 0; i < 4; i++) c = fmax(c, -a[i * 5]);
    memcpy(m, a, sizeof m);
    for (int i = 0; i < 4; i++) m[i * 5] += c;
    double norm = 0;
    for (int j = 0; j < 4; j++) norm = fmax(norm, (m[j] + m[4 + j] + m[8 + j] + m[12 + j]) * days);
    int s = norm > 0.5 ? (int)ceil(log2(norm / 0.5)) : 0;
    double h = days * ldexp(1.0, -s);
    for (int i = 0; i < 16; i++) m[i] *= h;
    for (int i = 0; i < 4; i++) total[i * 5] = term[i * 5] = 1;
    for (int k = 1; k <= 20; k++) {
        multiply(term, m, scratch);
        for (int i = 0; i < 16; i++) { term[i] = scratch[i] * (1.0 / k); total[i] += term[i]; }
    }
    double decay = exp(-c * h);
    for (int i = 0; i < 16; i++) total[i] *= decay;
    for (int q = 0; q < s; q++) { multiply(total, total, scratch); memcpy(total, scratch, sizeof total); }
    memcpy(out, total, sizeof total);
}

static inline int key(double value)
{
    int64_t bits;
    memcpy(&bits, &value, sizeof bits);
    int64_t k = (bits >> (52 - SUB_BITS)) - key_low;
    return (int)(k < 0 ? 0 : k >= BINS ? BINS - 1 : k);
}

/* Patients [first, first + count), count <= CHUNK, in lockstep through the whole plan: a chunk's pools and
 * propagators stay in the L1/L2 cache (lockstep over all 100 000 patients at once is bound by memory bandwidth). */
enum { CHUNK = 128 };

static void chunk(long first, long count, int32_t *stores_hist, int32_t *serum_hist, int64_t *below, double *series, long keep,
                  double *props, double *free_, double *labile, double *pool, double *last_kept, double *last_tanh)
{
    double *T = pool, *H = pool + count, *S = pool + 2 * count, *B = pool + 3 * count, *E = pool + 4 * count, *L = pool + 5 * count;
    const double *patients_ = patients + first * COLUMNS;
    const uint8_t *outcome_index_ = outcome_index + first * intakes;
    const double *outcomes_ = outcomes + first * kinds * 6;
    for (long i = 0; i < count; i++) {
        const double *q = patients_ + i * COLUMNS;
        double kT = q[0], phi = q[1], kH = q[2], eH = q[3], eT = q[4], r = q[5], ks = q[6], kB = q[7], theta = q[8];
        double a[16] = {-kT, 0, r + eT, (1 - theta) * kB, phi * kT, -kH, eH, theta * kB, (1 - phi) * kT, kH, -(ks + eH + eT), 0, 0, 0, 0, -kB};
        for (int v = 0; v < nintervals; v++) {
            double m[16];
            exponential(a, intervals[v], m);
            for (int j = 0; j < 16; j++) props[((long)v * 16 + j) * count + i] = m[j];
            free_[(long)v * count + i] = exp(-q[9] * intervals[v]);
            labile[(long)v * count + i] = exp(-q[10] * intervals[v]);
        }
        T[i] = q[12]; H[i] = q[13]; S[i] = q[14]; B[i] = E[i] = L[i] = 0;
        last_kept[i] = NAN;
    }
    for (int st = 0; st < nsteps; st++) {
        int v = steps[2 * st], action = steps[2 * st + 1];
        if (v >= 0) {
            const double *m = props + (long)v * 16 * count;
            const double *fe = free_ + (long)v * count, *fl = labile + (long)v * count;
            for (long i = 0; i < count; i++) {
                double t = T[i], h = H[i], s = S[i], b = B[i];
                T[i] = ((m[0 * count + i] * t + m[1 * count + i] * h) + m[2 * count + i] * s) + m[3 * count + i] * b;
                H[i] = ((m[4 * count + i] * t + m[5 * count + i] * h) + m[6 * count + i] * s) + m[7 * count + i] * b;
                S[i] = ((m[8 * count + i] * t + m[9 * count + i] * h) + m[10 * count + i] * s) + m[11 * count + i] * b;
                B[i] = m[15 * count + i] * b;
                E[i] *= fe[i];
                L[i] *= fl[i];
            }
        }
        if (action >= 0) {
            for (long i = 0; i < count; i++) {
                const double *o = outcomes_ + ((long)i * kinds + outcome_index_[(long)i * intakes + action]) * 6;
                const double *q = patients_ + i * COLUMNS;
                double kept = o[4], mmax = q[11];
                if (kept != last_kept[i]) {
                    double u = kept / mmax;
                    last_kept[i] = kept;
                    last_tanh[i] = u < 0.01 ? u * (1 - u * u * ((1.0 / 3) - u * u * 2.0 / 15)) : tanh(u);
                }
                double x = (((T[i] + H[i]) + S[i]) + B[i]) / mmax, tt = last_tanh[i], accepted = 0;
                if (x < 1 && kept > 0) accepted = fmin(kept, mmax * tt * (1 - x * x) / (1 + x * tt));
                double f = kept > 0 ? accepted / kept : 0;
                T[i] += f * o[0]; H[i] += f * o[1]; B[i] += f * o[2]; S[i] += f * o[3];
                L[i] += kept - accepted;
                E[i] += o[5] - kept;
            }
        } else if (action != NO_ACTION) {
            int k = ~action;
            int32_t *sh = stores_hist + (long)k * BINS, *eh = serum_hist + (long)k * BINS;
            int64_t under = 0;
            for (long i = 0; i < count; i++) {
                const double *q = patients_ + i * COLUMNS;
                double serum = (T[i] + H[i] + B[i]) * q[15] + E[i] * q[16];
                sh[key(S[i])]++;
                eh[key(serum)]++;
                under += serum < threshold;
                if (series && first + i < keep) {
                    series[((first + i) * rows + k) * 2] = S[i];
                    series[((first + i) * rows + k) * 2 + 1] = serum;
                }
            }
            below[k] += under;
        }
    }
}

/* One run over patients [0, count): histograms and counts; the series of the first `keep` patients if series != NULL. */
static int64_t population(long count, int32_t *stores_hist, int32_t *serum_hist, int64_t *below, double *series, long keep)
{
    double *props = malloc(sizeof(double) * 16 * nintervals * CHUNK);
    double *free_ = malloc(sizeof(double) * nintervals * CHUNK), *labile = malloc(sizeof(double) * nintervals * CHUNK);
    double *pool = malloc(sizeof(double) * 6 * CHUNK);
    double *last_kept = malloc(sizeof(double) * CHUNK), *last_tanh = malloc(sizeof(double) * CHUNK);
    memset(stores_hist, 0, sizeof(int32_t) * rows * BINS);
    memset(serum_hist, 0, sizeof(int32_t) * rows * BINS);
    memset(below, 0, sizeof(int64_t) * rows);
    for (long first = 0; first < count; first += CHUNK)
        chunk(first, count - first < CHUNK ? count - first : CHUNK, stores_hist, serum_hist, below, series, keep, props, free_, labile, pool, last_kept, last_tanh);
    int64_t total = 0;
    for (int k = 0; k < rows; k++) total += below[k];
    free(props); free(free_); free(labile); free(pool); free(last_kept); free(last_tanh);
    return total;
}

static int32_t *stores_hist, *serum_hist;
static int64_t *below;

static long long timed_run(void) { return population(n, stores_hist, serum_hist, below, NULL, 0); }

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: floor <dir> [patients]\n"); return 2; }
    const char *dir = argv[1];
    size_t size;
    read_scenario(dir);
    n = argc > 2 && atol(argv[2]) < exported ? atol(argv[2]) : exported;
    if (agree > n) agree = (int)n;
    intervals = slurp(dir, "intervals.f64", &size);
    steps = slurp(dir, "steps.i32", &size);
    patients = slurp(dir, "patients.f64", &size);
    outcomes = slurp(dir, "outcomes.f64", &size);
    outcome_index = slurp(dir, "outcome_index.u8", &size);
    double low = ldexp(1.0, -16);
    int64_t low_bits;
    memcpy(&low_bits, &low, sizeof low_bits);
    key_low = low_bits >> (52 - SUB_BITS);

    stores_hist = malloc(sizeof(int32_t) * rows * BINS);
    serum_hist = malloc(sizeof(int32_t) * rows * BINS);
    below = malloc(sizeof(int64_t) * rows);
    double *series = malloc(sizeof(double) * 2 * rows * (agree ? agree : 1));
    population(agree, stores_hist, serum_hist, below, series, agree);
    char path[4096];
    snprintf(path, sizeof path, "%s/floor.f64", dir);
    FILE *f = fopen(path, "wb");
    fwrite(series, sizeof(double), (size_t)2 * rows * agree, f);
    fclose(f);
    serve("floor", n, timed_run);
    return 0;
}
