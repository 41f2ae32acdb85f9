"""Reference values for src/stats' paired, blocked, equivalence and clustered-correlation statistics.

Run once with Debian's SciPy 1.10 (`/usr/bin/python3 tools/reference/paired_statistics.py`); the
printed values are pinned in specs/stats/pairedReferenceValues.test.ts. Nothing in `npm test` runs it.
"""
import numpy as np
import scipy
from scipy import stats, optimize

print("scipy", scipy.__version__)
rng = np.random.default_rng(20261201)
seed_effect = rng.normal(0, 1, 10)
x = np.round(70 + 2 * seed_effect + rng.normal(0, 0.6, 10) + 0.5, 4)
y = np.round(70 + 2 * seed_effect + rng.normal(0, 0.6, 10), 4)
d = x - y
assert len(set(np.abs(d))) == len(d) and np.all(d != 0)
print("x =", list(x))
print("y =", list(y))

print("ttest_rel", stats.ttest_rel(x, y))
print("ttest_rel greater", stats.ttest_rel(x, y, alternative="greater").pvalue)
print("ttest_rel less", stats.ttest_rel(x, y, alternative="less").pvalue)
ci = stats.t.interval(0.95, len(d) - 1, loc=d.mean(), scale=stats.sem(d))
print("mean diff CI", ci)

print("wilcoxon exact two-sided", stats.wilcoxon(x, y))
print("wilcoxon exact greater", stats.wilcoxon(x, y, alternative="greater"))
print("wilcoxon approx two-sided", stats.wilcoxon(x, y, method="approx"))
xt = np.array([3, 5, 4, 6, 7, 5, 8, 6, 4, 7, 9, 5], float)
yt = np.array([2, 5, 3, 4, 6, 6, 5, 4, 4, 5, 6, 3], float)
print("wilcoxon tied approx two-sided", stats.wilcoxon(xt, yt, method="approx"))
print("wilcoxon tied approx greater", stats.wilcoxon(xt, yt, method="approx", alternative="greater"))

perm = stats.permutation_test((x, y), lambda a, b, axis: np.mean(a - b, axis=axis), permutation_type="samples",
                              alternative="greater", n_resamples=np.inf)
print("sign-flip exact greater", perm.pvalue)
perm2 = stats.permutation_test((x, y), lambda a, b, axis: np.mean(a - b, axis=axis), permutation_type="samples",
                               alternative="two-sided", n_resamples=np.inf)
print("sign-flip exact two-sided", perm2.pvalue)

# d_z and its exact CI (noncentral t inversion)
n = len(d)
dz = d.mean() / d.std(ddof=1)
t_obs = dz * np.sqrt(n)
lo = optimize.brentq(lambda nc: stats.nct.cdf(t_obs, n - 1, nc) - 0.975, -50, 50) / np.sqrt(n)
hi = optimize.brentq(lambda nc: stats.nct.cdf(t_obs, n - 1, nc) - 0.025, -50, 50) / np.sqrt(n)
print("d_z", dz, "CI", lo, hi)
s_av = (x.std(ddof=1) + y.std(ddof=1)) / 2
J = 1 - 3 / (4 * (n - 1) - 1)
print("g_av", J * d.mean() / s_av, "CI", J * ci[0] / s_av, J * ci[1] / s_av)

# TOST with a raw margin: two one-sample t-tests on the differences
for margin in (1.0, 0.3):
    p_low = stats.ttest_1samp(d, -margin, alternative="greater").pvalue
    p_high = stats.ttest_1samp(d, margin, alternative="less").pvalue
    print("TOST margin", margin, p_low, p_high, max(p_low, p_high))
z = np.array([0.11, -0.05, 0.08, 0.02, -0.03, 0.06, 0.01, -0.02, 0.04, 0.0, 0.03, -0.01])
print("TOST one-sample margin 0.1", stats.ttest_1samp(z, -0.1, alternative="greater").pvalue, stats.ttest_1samp(z, 0.1, alternative="less").pvalue)

# Page's L: 10 seeds x 4 arms, predicted order of the columns 4 > 3 > 2 > 1 (ranks increasing)
page = np.round(rng.normal(0, 1, (10, 4)) + np.array([0.0, 0.3, 0.6, 0.9]), 4)
print("page data =", page.tolist())
print("page exact", stats.page_trend_test(page, method="exact"))
print("page asymptotic", stats.page_trend_test(page, method="asymptotic"))
print("page exact predicted [4,3,2,1]", stats.page_trend_test(page, predicted_ranks=[4, 3, 2, 1], method="exact"))
page3 = np.round(rng.normal(0, 1, (6, 3)) + np.array([0.0, 0.5, 1.0]), 4)
print("page3 data =", page3.tolist())
print("page3 exact", stats.page_trend_test(page3, method="exact"))

# clustered correlation: 8 seeds x 3 arms; delete-one-seed jackknife of atanh(r), t(G-1)
G, K = 8, 3
u = rng.normal(0, 1, G)
v = rng.normal(0, 1, G)
cx = np.round(np.array([100.0, 85.0, 60.0])[None, :] + 4 * u[:, None] + rng.normal(0, 3, (G, K)), 3)
cy = np.round(np.array([0.70, 0.71, 0.73])[None, :] + 0.01 * v[:, None] - 0.0004 * (cx - 80) + rng.normal(0, 0.006, (G, K)), 4)
print("cx =", cx.tolist())
print("cy =", cy.tolist())

def jack(stat):
    full = np.arctanh(stat(cx.ravel(), cy.ravel()))
    loo = np.array([np.arctanh(stat(np.delete(cx, g, 0).ravel(), np.delete(cy, g, 0).ravel())) for g in range(G)])
    se = np.sqrt((G - 1) / G * np.sum((loo - loo.mean()) ** 2))
    t = full / se
    q = stats.t.ppf(0.975, G - 1)
    return np.tanh(full), se, t, stats.t.cdf(t, G - 1), np.tanh(full - q * se), np.tanh(full + q * se)

print("jackknife pearson (r, se, t, p_less, lo, hi)", jack(lambda a, b: stats.pearsonr(a, b)[0]))
print("jackknife kendall", jack(lambda a, b: stats.kendalltau(a, b)[0]))
print("jackknife spearman", jack(lambda a, b: stats.spearmanr(a, b)[0]))
# repeated-measures correlation (Bakdash & Marusich 2017): centre within seed, df = N - G - 1
wx = (cx - cx.mean(1, keepdims=True)).ravel()
wy = (cy - cy.mean(1, keepdims=True)).ravel()
r_rm = np.sum(wx * wy) / np.sqrt(np.sum(wx ** 2) * np.sum(wy ** 2))
df = G * K - G - 1
t_rm = r_rm * np.sqrt(df / (1 - r_rm ** 2))
print("rmcorr", r_rm, df, 2 * stats.t.sf(abs(t_rm), df))

# TOST of a standardised mean difference, the standardiser's delta-method variance included
def standardised_paired(a, b, m):
    a, b = np.array(a), np.array(b)
    n, d = len(a), a - b
    sa, sb, r = a.std(ddof=1), b.std(ddof=1), np.corrcoef(a, b)[0, 1]
    sav = (sa + sb) / 2
    se = np.sqrt(d.var(ddof=1) / n + m ** 2 * (sa ** 2 + sb ** 2 + 2 * r ** 2 * sa * sb) / (8 * (n - 1)))
    lo = stats.t.sf((d.mean() + m * sav) / se, n - 1)
    hi = stats.t.cdf((d.mean() - m * sav) / se, n - 1)
    return lo, hi, se


def standardised_unpaired(a, b, m):
    a, b = np.array(a), np.array(b)
    n1, n2, va, vb = len(a), len(b), a.var(ddof=1), b.var(ddof=1)
    sp = np.sqrt(((n1 - 1) * va + (n2 - 1) * vb) / (n1 + n2 - 2))
    se = np.sqrt(va / n1 + vb / n2 + m ** 2 * sp ** 2 / (2 * (n1 + n2 - 2)))
    df = (va / n1 + vb / n2) ** 2 / ((va / n1) ** 2 / (n1 - 1) + (vb / n2) ** 2 / (n2 - 1))
    diff = a.mean() - b.mean()
    return stats.t.sf((diff + m * sp) / se, df), stats.t.cdf((diff - m * sp) / se, df), se


print("standardised TOST paired small", standardised_paired([1.2, 2.1, 2.9, 4.2, 5.1], [1.0, 2.0, 3.1, 4.0, 5.0], 0.5))
print("standardised TOST paired x, y", standardised_paired(x, y, 0.5))
print("standardised TOST unpaired", standardised_unpaired([0.71, 0.74, 0.69, 0.77, 0.73, 0.7, 0.75, 0.72], [0.68, 0.7, 0.66, 0.71, 0.69, 0.72, 0.67], 2.0))

# the same jackknife with arm fixed effects: x and y centred on their arm's (column's) mean in every sample
def jack_within(stat):
    def centred(a):
        return (a - a.mean(0, keepdims=True)).ravel()
    full = np.arctanh(stat(centred(cx), centred(cy)))
    loo = np.array([np.arctanh(stat(centred(np.delete(cx, g, 0)), centred(np.delete(cy, g, 0)))) for g in range(G)])
    se = np.sqrt((G - 1) / G * np.sum((loo - loo.mean()) ** 2))
    t = full / se
    q = stats.t.ppf(0.975, G - 1)
    return np.tanh(full), se, t, stats.t.cdf(t, G - 1), np.tanh(full - q * se), np.tanh(full + q * se)

print("jackknife pearson within arms (r, se, t, p_less, lo, hi)", jack_within(lambda a, b: stats.pearsonr(a, b)[0]))
