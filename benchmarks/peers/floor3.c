/* Model 3's floor: the library's own method for model 3 (Transit.Advance, an adaptive Dormand-Prince 5(4) with the
 * same error norm, step control, first step and end of a stretch) in plain C, gcc -O3 -march=native: the least work
 * that method needs for the scenario. The right-hand side is TransitRates.Derivative written out again; the rate
 * constants, the initial state and the steps (advance, deposit, row) are read from the library's export
 * (benchmarks/B12Dosing.Benchmarks, mode "peers3"; see scenario3.py for the files).
 *
 * Usage (bench3.py starts it): floor3 <dir>
 * Writes <dir>/floor.f64 (the series, 6 values a row as b12dosing.f64), prints "ready floor 1", then answers each
 * "run R" line with the process CPU seconds (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)) of R runs of the patient-year. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peer_server.h"

/* TransitState's layout. */
enum { INJ_C, INJ_H, MUC_C, MUC_H, NAS_C, NAS_H, GUT1, GUT2, GUT3, FREE_C, FREE_H, T, H, S, B, L, P, URINE, FAECES, TO_TC, TO_HC, TO_PROTEIN, TO_TISSUE, N };
enum { TRANSIENT = FREE_H + 1, COLUMNS = 6 };

typedef struct {
    double injC, injH, mucosal, nasal, gut, renal, renalH, proteinH, vt, kt, bind, bindH, capT, capH;
    double kT, phi, kH, eH, eT, r, ks, kB, theta, kL, max, kP, psi, apoH, kS, sRef;
} Rates;

static const struct { const char *name; size_t offset; } RATE_NAMES[] = {
#define R_(x) { #x, offsetof(Rates, x) }
    R_(injC), R_(injH), R_(mucosal), R_(nasal), R_(gut), R_(renal), R_(renalH), R_(proteinH), R_(vt), R_(kt), R_(bind), R_(bindH), R_(capT), R_(capH),
    R_(kT), R_(phi), R_(kH), R_(eH), R_(eT), R_(r), R_(ks), R_(kB), R_(theta), R_(kL), R_(max), R_(kP), R_(psi), R_(apoH), R_(kS), R_(sRef),
#undef R_
};

static Rates k;
static double relative_tolerance, absolute_tolerance, exhausted, first_step, initial[N], *steps;
static int rows, nsteps;

static const double a21 = 1.0 / 5, a31 = 3.0 / 40, a32 = 9.0 / 40, a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9,
    a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729,
    a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176, a65 = -5103.0 / 18656,
    b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784, b6 = 11.0 / 84,
    e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200, e6 = 22.0 / 525, e7 = -1.0 / 40;

static inline double maxd(double a, double b) { return a > b ? a : b; }

static void derivative(const double *restrict y, double *restrict d)
{
    double injC = k.injC * y[INJ_C], injH = k.injH * y[INJ_H], mucC = k.mucosal * y[MUC_C], mucH = k.mucosal * y[MUC_H];
    double nasC = k.nasal * y[NAS_C], nasH = k.nasal * y[NAS_H];
    double g1 = k.gut * y[GUT1], g2 = k.gut * y[GUT2], g3 = k.gut * y[GUT3];
    double fc = y[FREE_C], fh = y[FREE_H], t = y[T], h = y[H], s = y[S], b = y[B];
    double apoT = maxd(0, k.capT - t), apoH = maxd(0, k.capH - h);
    double perTissue = k.vt / (k.kt + maxd(0, fc + fh));
    double toT = k.bind * apoT * (fc + fh), toH = k.bindH * apoH * (fc + fh), toTissue = perTissue * (fc + fh);
    double toProtein = k.proteinH * fh, renal = (k.renal * fc) + (k.renalH * fh);
    double pool = y[P], fromPool = k.kP * pool;
    double body = (t + h + s + b + pool) / k.max;
    double release = (k.apoH > 0 ? k.eH * s * k.sRef / ((1 + (s / k.kS)) * k.apoH) : 0) * apoH;
    double accept = body < 1 ? 1 - (body * body) : 0;
    d[INJ_C] = -injC; d[INJ_H] = -injH; d[MUC_C] = -mucC; d[MUC_H] = -mucH; d[NAS_C] = -nasC; d[NAS_H] = -nasH;
    d[GUT1] = -g1; d[GUT2] = g1 - g2; d[GUT3] = g2 - g3;
    double binding = (k.bind * apoT) + (k.bindH * apoH);
    double outC = (binding + perTissue + k.renal) * fc, outH = (binding + perTissue + k.renalH + k.proteinH) * fh;
    d[FREE_C] = injC + mucC + nasC + g3 - outC;
    d[FREE_H] = injH + mucH + nasH - outH;
    d[T] = (accept * toT) - (k.kT * t) + ((k.r + k.eT) * s) + ((1 - k.theta) * k.kB * b) + (k.psi * fromPool);
    d[H] = (accept * toH) + (k.phi * k.kT * t) - (k.kH * h) + release + (k.theta * k.kB * b);
    d[S] = ((1 - k.phi) * k.kT * t) + (k.kH * h) - ((k.ks + k.eT) * s) - release + ((1 - k.psi) * fromPool);
    d[P] = (accept * toTissue) - fromPool;
    d[B] = (accept * toProtein) - (k.kB * b);
    d[L] = ((1 - accept) * (toT + toH + toTissue + toProtein)) - (k.kL * y[L]);
    d[URINE] = renal;
    d[FAECES] = ((k.ks - k.r) * s) + (k.kL * y[L]);
    d[TO_TC] = toT; d[TO_HC] = toH; d[TO_PROTEIN] = toProtein; d[TO_TISSUE] = toTissue;
}

/* Transit.Advance: y over `hours`, *step the step to try first and the last accepted one on return. */
static long advance(double *y, double hours, double *step)
{
    double k1[N], k2[N], k3[N], k4[N], k5[N], k6[N], k7[N], z[N], next[N];
    double t = 0, h = *step > 0 ? fmin(*step, hours) : fmin(hours, first_step);
    long taken = 0;
    derivative(y, k1);
    while (t < hours) {
        int last = t + h >= hours;
        if (last) h = hours - t;
        for (int i = 0; i < N; i++) z[i] = y[i] + (h * a21 * k1[i]);
        derivative(z, k2);
        for (int i = 0; i < N; i++) z[i] = y[i] + (h * ((a31 * k1[i]) + (a32 * k2[i])));
        derivative(z, k3);
        for (int i = 0; i < N; i++) z[i] = y[i] + (h * ((a41 * k1[i]) + (a42 * k2[i]) + (a43 * k3[i])));
        derivative(z, k4);
        for (int i = 0; i < N; i++) z[i] = y[i] + (h * ((a51 * k1[i]) + (a52 * k2[i]) + (a53 * k3[i]) + (a54 * k4[i])));
        derivative(z, k5);
        for (int i = 0; i < N; i++) z[i] = y[i] + (h * ((a61 * k1[i]) + (a62 * k2[i]) + (a63 * k3[i]) + (a64 * k4[i]) + (a65 * k5[i])));
        derivative(z, k6);
        for (int i = 0; i < N; i++) next[i] = y[i] + (h * ((b1 * k1[i]) + (b3 * k3[i]) + (b4 * k4[i]) + (b5 * k5[i]) + (b6 * k6[i])));
        derivative(next, k7);
        double error = 0, carried = y[T] + y[H];
        for (int i = 0; i < N; i++) {
            double e = h * ((e1 * k1[i]) + (e3 * k3[i]) + (e4 * k4[i]) + (e5 * k5[i]) + (e6 * k6[i]) + (e7 * k7[i]));
            double size = maxd(fabs(y[i]), fabs(next[i]));
            double scale = absolute_tolerance + (relative_tolerance * (i < FREE_C ? maxd(size, carried) : size));
            error = maxd(error, fabs(e) / scale);
        }
        if (error <= 1) {
            t = last ? hours : t + h;
            memcpy(y, next, sizeof next);
            memcpy(k1, k7, sizeof k7);
            if (!last) *step = h;
            taken++;
        }
        double factor = error == 0 ? 5 : fmin(fmax(0.9 * pow(error, -0.2), 0.2), 5);
        h *= factor;
        if (!(h > 0) || h < 1e-14 * fmax(1, hours)) { fprintf(stderr, "floor3: step size below rounding\n"); exit(1); }
    }
    *step = fmax(*step, 1e-6);
    return taken;
}

/* One patient-year: the steps of the export; the series into `series` (rows x 6) unless NULL. Returns the steps taken. */
static long run(double *series)
{
    double y[N], step = 0, urine = 0, compensation = 0;
    long taken = 0;
    memcpy(y, initial, sizeof y);
    for (int j = 0; j < nsteps; j++) {
        const double *st = steps + 5 * j;
        if (st[0] > 0) {
            for (int i = URINE; i < N; i++) y[i] = 0;
            taken += advance(y, st[0], &step);
            double left = 0;
            for (int i = 0; i < TRANSIENT; i++) left += y[i];
            if (left < exhausted) {
                for (int i = 0; i < TRANSIENT; i++) y[i] = 0;
                y[URINE] += left;
            }
            double v = y[URINE] - compensation, sum = urine + v; /* Kahan, as the library's tally */
            compensation = (sum - urine) - v;
            urine = sum;
        }
        if (st[1] == 1) {
            step = 0;
            y[GUT1] += st[2];
            y[(int)st[3]] += st[4];
        } else if (st[1] == 2 && series) {
            double *row = series + COLUMNS * (long)st[2];
            row[0] = y[S] + y[P]; row[1] = y[T]; row[2] = y[H]; row[3] = y[B]; row[4] = y[FREE_C] + y[FREE_H]; row[5] = urine;
        }
    }
    return taken;
}

/* The value of `key` in a "key,value" CSV held in `text`. */
static double value(const char *text, const char *key)
{
    size_t len = strlen(key);
    for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        if (!strncmp(line, key, len) && line[len] == ',') return strtod(line + len + 1, NULL);
    fprintf(stderr, "floor3: no '%s' in the export\n", key);
    exit(1);
}

static long long timed_run(void) { return run(NULL); }

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: floor3 <dir>\n"); return 2; }
    const char *dir = argv[1];
    size_t size;
    const char *meta = slurp(dir, "scenario.csv", &size), *rates = slurp(dir, "rates.csv", &size);
    rows = (int)value(meta, "rows");
    nsteps = (int)value(meta, "steps");
    if ((int)value(meta, "entries") != N) { fprintf(stderr, "floor3: the export's state is not TransitState's layout\n"); return 1; }
    relative_tolerance = value(meta, "relative_tolerance");
    absolute_tolerance = value(meta, "absolute_tolerance");
    exhausted = value(meta, "exhausted");
    first_step = value(meta, "first_step_hours");
    for (size_t i = 0; i < sizeof RATE_NAMES / sizeof *RATE_NAMES; i++) *(double *)((char *)&k + RATE_NAMES[i].offset) = value(rates, RATE_NAMES[i].name);
    double *y0 = (double *)slurp(dir, "initial.f64", &size);
    memcpy(initial, y0, sizeof initial);
    steps = (double *)slurp(dir, "steps.f64", &size);

    double *series = calloc((size_t)rows * COLUMNS, sizeof(double));
    long taken = run(series);
    char path[4096];
    snprintf(path, sizeof path, "%s/floor.f64", dir);
    FILE *f = fopen(path, "wb");
    fwrite(series, sizeof(double), (size_t)rows * COLUMNS, f);
    fclose(f);
    fprintf(stderr, "floor3: %ld steps a patient-year\n", taken);
    serve("floor", 1, timed_run);
    return 0;
}
