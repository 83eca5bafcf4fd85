/* The compiled model of desolve_peer.R (R CMD SHLIB): all patients in one system, [T, H, S, B, E, L] per patient,
 * the right-hand side, its banded Jacobian (2 below, 3 above the diagonal) and the intake event, for deSolve::lsoda
 * (dllname = "desolve_model", func = "derivs", jacfunc = "jac", events = list(func = "event", ...)).
 * The scenario is handed over once with .C("set_scenario", ...) and the event cursor reset with .C("reset_events")
 * before each run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { COEFFICIENTS = 13 };

static int n, kinds, intakes;
static double *coef;          /* n x 13: tt ts tb ht hh hs hb st sh ss bb ee ll */
static double *mmax;          /* n */
static double *outcomes;      /* n x kinds x 6: tc hc pb tissue kept absorbed */
static int *outcome_index;    /* n x intakes */
static double *intake_times;  /* intakes, days */
static double *last_kept, *last_tanh;
static int next_intake;

static double *copy(const double *from, size_t count)
{
    double *to = malloc(sizeof(double) * (count ? count : 1));
    memcpy(to, from, sizeof(double) * count);
    return to;
}

void set_scenario(int *patients, int *kinds_, int *intakes_, double *coef_, double *mmax_, double *outcomes_, int *index_, double *times_)
{
    n = *patients;
    kinds = *kinds_;
    intakes = *intakes_;
    free(coef); free(mmax); free(outcomes); free(outcome_index); free(intake_times); free(last_kept); free(last_tanh);
    coef = copy(coef_, (size_t)n * COEFFICIENTS);
    mmax = copy(mmax_, n);
    outcomes = copy(outcomes_, (size_t)n * kinds * 6);
    outcome_index = malloc(sizeof(int) * ((size_t)n * intakes + 1));
    memcpy(outcome_index, index_, sizeof(int) * (size_t)n * intakes);
    intake_times = copy(times_, intakes);
    last_kept = malloc(sizeof(double) * n);
    last_tanh = malloc(sizeof(double) * n);
}

void reset_events(void)
{
    next_intake = 0;
    for (int i = 0; i < n; i++) last_kept[i] = NAN;
}

void initmod(void (*odeparms)(int *, double *))
{
    (void)odeparms;
}

void derivs(int *neq, double *t, double *y, double *ydot, double *yout, int *ip)
{
    (void)neq; (void)t; (void)yout; (void)ip;
    for (int i = 0; i < n; i++) {
        const double *c = coef + (size_t)i * COEFFICIENTS, *p = y + 6 * i;
        double *d = ydot + 6 * i;
        d[0] = c[0] * p[0] + c[1] * p[2] + c[2] * p[3];
        d[1] = c[3] * p[0] + c[4] * p[1] + c[5] * p[2] + c[6] * p[3];
        d[2] = c[7] * p[0] + c[8] * p[1] + c[9] * p[2];
        d[3] = c[10] * p[3];
        d[4] = c[11] * p[4];
        d[5] = c[12] * p[5];
    }
}

/* Banded Jacobian, column-major with nrowpd rows: entry (i, j) at pd[(i - j + mu) + j * nrowpd]. */
void jac(int *neq, double *t, double *y, int *ml, int *mu, double *pd, int *nrowpd, double *yout, int *ip)
{
    (void)neq; (void)t; (void)y; (void)ml; (void)yout; (void)ip;
    static const int rows[] = {0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 4, 5};
    static const int cols[] = {0, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 4, 5};
    for (int i = 0; i < n; i++) {
        const double *c = coef + (size_t)i * COEFFICIENTS;
        for (int e = 0; e < COEFFICIENTS; e++) {
            int r = 6 * i + rows[e], col = 6 * i + cols[e];
            pd[(r - col + *mu) + (size_t)col * *nrowpd] = c[e];
        }
    }
}

/* Every intake at this instant: the store limit, then the kept parts onto the pools. */
void event(int *neq, double *t, double *y)
{
    (void)neq;
    while (next_intake < intakes && intake_times[next_intake] <= *t * (1 + 1e-12)) {
        int j = next_intake++;
        for (int i = 0; i < n; i++) {
            double *p = y + 6 * i;
            const double *o = outcomes + ((size_t)i * kinds + outcome_index[(size_t)i * intakes + j]) * 6;
            double kept = o[4], m = mmax[i];
            if (kept != last_kept[i]) {
                double u = kept / m;
                last_kept[i] = kept;
                last_tanh[i] = u < 0.01 ? u * (1 - u * u * ((1.0 / 3) - u * u * 2.0 / 15)) : tanh(u);
            }
            double x = (((p[0] + p[1]) + p[2]) + p[3]) / m, tt = last_tanh[i], accepted = 0;
            if (x < 1 && kept > 0) accepted = fmin(kept, m * tt * (1 - x * x) / (1 + x * tt));
            double f = kept > 0 ? accepted / kept : 0;
            p[0] += f * o[0]; p[1] += f * o[1]; p[3] += f * o[2]; p[2] += f * o[3];
            p[5] += kept - accepted;
            p[4] += o[5] - kept;
        }
    }
}
