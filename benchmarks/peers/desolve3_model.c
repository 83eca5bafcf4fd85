/* The compiled model of desolve3_peer.R (R CMD SHLIB): model 3's 18 entries (sites, gut, free, T, H, S, B, L, P,
 * urine; scenario3.py writes the equations out), the right-hand side and the full Jacobian for deSolve
 * (dllname = "desolve3_model", initfunc = "initmod", func = "derivs", jacfunc = "jac", jactype = "fullusr").
 * The 30 rate constants arrive as parms, in the order of scenario3.RATE_NAMES. */
#include <R_ext/RS.h>
#include <string.h>

enum { INJ_C, INJ_H, MUC_C, MUC_H, NAS_C, NAS_H, GUT1, GUT2, GUT3, FREE_C, FREE_H, T, H, S, B, L, P, URINE, N };
enum { RATES = 30 };

static double parms[RATES];
#define injC parms[0]
#define injH parms[1]
#define mucosal parms[2]
#define nasal parms[3]
#define gut parms[4]
#define renal parms[5]
#define renalH parms[6]
#define proteinH parms[7]
#define vt parms[8]
#define kt parms[9]
#define bind parms[10]
#define bindH parms[11]
#define capT parms[12]
#define capH parms[13]
#define kT parms[14]
#define phi parms[15]
#define kH parms[16]
#define eH parms[17]
#define eT parms[18]
#define r parms[19]
#define ks parms[20]
#define kB parms[21]
#define theta parms[22]
#define kL parms[23]
#define max_ parms[24]
#define kP parms[25]
#define psi parms[26]
#define apoH0 parms[27]
#define kS parms[28]
#define sRef parms[29]

void initmod(void (*odeparms)(int *, double *))
{
    int n = RATES;
    odeparms(&n, parms);
}

static double pos(double x) { return x > 0 ? x : 0; }

void derivs(int *neq, double *t, double *y, double *d, double *yout, int *ip)
{
    (void)neq; (void)t; (void)yout; (void)ip;
    double fc = y[FREE_C], fh = y[FREE_H], f = fc + fh, th = y[T], h = y[H], s = y[S], b = y[B], p = y[P];
    double apoT = pos(capT - th), apoH = pos(capH - h);
    double perTissue = vt / (kt + pos(f));
    double toT = bind * apoT * f, toH = bindH * apoH * f, toTissue = perTissue * f, toProtein = proteinH * fh;
    double body = (th + h + s + b + p) / max_, accept = body < 1 ? 1 - body * body : 0;
    double release = (apoH0 > 0 ? eH * sRef / apoH0 : 0) * s / (1 + s / kS) * apoH;
    double binding = bind * apoT + bindH * apoH;
    d[INJ_C] = -injC * y[INJ_C]; d[INJ_H] = -injH * y[INJ_H];
    d[MUC_C] = -mucosal * y[MUC_C]; d[MUC_H] = -mucosal * y[MUC_H];
    d[NAS_C] = -nasal * y[NAS_C]; d[NAS_H] = -nasal * y[NAS_H];
    d[GUT1] = -gut * y[GUT1]; d[GUT2] = gut * (y[GUT1] - y[GUT2]); d[GUT3] = gut * (y[GUT2] - y[GUT3]);
    d[FREE_C] = injC * y[INJ_C] + mucosal * y[MUC_C] + nasal * y[NAS_C] + gut * y[GUT3] - (binding + perTissue + renal) * fc;
    d[FREE_H] = injH * y[INJ_H] + mucosal * y[MUC_H] + nasal * y[NAS_H] - (binding + perTissue + renalH + proteinH) * fh;
    d[T] = accept * toT - kT * th + (r + eT) * s + (1 - theta) * kB * b + psi * kP * p;
    d[H] = accept * toH + phi * kT * th - kH * h + release + theta * kB * b;
    d[S] = (1 - phi) * kT * th + kH * h - (ks + eT) * s - release + (1 - psi) * kP * p;
    d[B] = accept * toProtein - kB * b;
    d[L] = (1 - accept) * (toT + toH + toTissue + toProtein) - kL * y[L];
    d[P] = accept * toTissue - kP * p;
    d[URINE] = renal * fc + renalH * fh;
}

/* The full Jacobian, column-major: entry (i, j) at pd[i + j * nrowpd]. */
void jac(int *neq, double *t, double *y, int *ml, int *mu, double *pd, int *nrowpd, double *yout, int *ip)
{
    (void)neq; (void)t; (void)ml; (void)mu; (void)yout; (void)ip;
    int ld = *nrowpd;
#define J(i, j) pd[(i) + (j) * ld]
    memset(pd, 0, sizeof(double) * ld * N);
    double fc = y[FREE_C], fh = y[FREE_H], f = fc + fh, th = y[T], h = y[H], s = y[S], b = y[B], p = y[P];
    double apoT = pos(capT - th), apoH = pos(capH - h);
    double dApoT = capT > th ? -1 : 0, dApoH = capH > h ? -1 : 0;
    double perTissue = vt / (kt + pos(f)), dPerTissue = f > 0 ? -vt / ((kt + f) * (kt + f)) : 0;
    double dTissue = perTissue + dPerTissue * f;
    double body = (th + h + s + b + p) / max_;
    double accept = body < 1 ? 1 - body * body : 0, dAccept = body < 1 ? -2 * body / max_ : 0;
    double toT = bind * apoT * f, toH = bindH * apoH * f, toTissue = perTissue * f, toProtein = proteinH * fh;
    double uptake = toT + toH + toTissue + toProtein;
    double per = apoH0 > 0 ? eH * sRef / apoH0 : 0, releaseS = per * s / (1 + s / kS), dReleaseS = per / ((1 + s / kS) * (1 + s / kS));
    double binding = bind * apoT + bindH * apoH;
    const int sites[] = {INJ_C, INJ_H, MUC_C, MUC_H, NAS_C, NAS_H};
    const double rates[] = {injC, injH, mucosal, mucosal, nasal, nasal};
    for (int i = 0; i < 6; i++) {
        J(sites[i], sites[i]) = -rates[i];
        J(i % 2 ? FREE_H : FREE_C, sites[i]) = rates[i];
    }
    J(GUT1, GUT1) = J(GUT2, GUT2) = J(GUT3, GUT3) = -gut;
    J(GUT2, GUT1) = J(GUT3, GUT2) = J(FREE_C, GUT3) = gut;
    J(FREE_C, FREE_C) = -(binding + perTissue + renal) - dPerTissue * fc;
    J(FREE_C, FREE_H) = -dPerTissue * fc;
    J(FREE_H, FREE_H) = -(binding + perTissue + renalH + proteinH) - dPerTissue * fh;
    J(FREE_H, FREE_C) = -dPerTissue * fh;
    J(FREE_C, T) = -bind * dApoT * fc; J(FREE_C, H) = -bindH * dApoH * fc;
    J(FREE_H, T) = -bind * dApoT * fh; J(FREE_H, H) = -bindH * dApoH * fh;
    for (int free = FREE_C; free <= FREE_H; free++) {
        J(T, free) = accept * bind * apoT;
        J(H, free) = accept * bindH * apoH;
        J(P, free) = accept * dTissue;
        J(L, free) = (1 - accept) * (bind * apoT + bindH * apoH + dTissue);
    }
    J(B, FREE_H) = accept * proteinH;
    J(L, FREE_H) += (1 - accept) * proteinH;
    const int core[] = {T, H, S, B, P};
    for (int c = 0; c < 5; c++) {
        J(T, core[c]) += dAccept * toT;
        J(H, core[c]) += dAccept * toH;
        J(P, core[c]) += dAccept * toTissue;
        J(B, core[c]) += dAccept * toProtein;
        J(L, core[c]) -= dAccept * uptake;
    }
    J(T, T) += -kT + accept * bind * dApoT * f;
    J(T, S) += r + eT; J(T, B) += (1 - theta) * kB; J(T, P) += psi * kP;
    J(H, T) += phi * kT; J(H, H) += -kH + accept * bindH * dApoH * f + releaseS * dApoH;
    J(H, S) += dReleaseS * apoH; J(H, B) += theta * kB;
    J(S, T) += (1 - phi) * kT; J(S, H) += kH - releaseS * dApoH; J(S, S) += -(ks + eT) - dReleaseS * apoH; J(S, P) += (1 - psi) * kP;
    J(B, B) += -kB; J(L, L) += -kL; J(P, P) += -kP;
    J(L, T) += (1 - accept) * bind * dApoT * f;
    J(L, H) += (1 - accept) * bindH * dApoH * f;
    J(URINE, FREE_C) = renal; J(URINE, FREE_H) = renalH;
#undef J
}
