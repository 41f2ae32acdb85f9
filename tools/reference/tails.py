"""Reference values for the tails of src/stats (docs/methods/verdicts.md §8.4).

Run once with SciPy (`python3 tools/reference/tails.py`); the printed values are pinned in
specs/stats/tails.test.ts. Nothing in `npm test` runs it.
"""
import numpy as np
import scipy
from scipy import stats

print("scipy", scipy.__version__)
for z in [5, 15, 30]:
    print("norm.sf", z, repr(stats.norm.sf(z)))
for p in [1e-17, 1e-50]:
    print("norm.isf", p, repr(stats.norm.isf(p)))
for t, df in [(20, 10), (40, 89), (-3, 5), (12, 3)]:
    print("t.sf", t, df, repr(stats.t.sf(t, df)))

# a paired t far in the tail: 30 differences with mean 3 and SD about 0.5
rng = np.random.default_rng(20261204)
d = np.round(3 + rng.normal(0, 0.5, 30), 4)
b = np.round(50 + rng.normal(0, 2, 30), 4)
a = np.round(b + d, 4)
print("a =", [float(v) for v in a])
print("b =", [float(v) for v in b])
r = stats.ttest_rel(a, b, alternative="greater")
print("ttest_rel greater", repr(r.statistic), repr(r.pvalue))
print("ttest_rel less", repr(stats.ttest_rel(a, b, alternative="less").pvalue))

# Page's L, normal approximation, far in the tail: 300 blocks of 3 treatments in the predicted order
blocks = np.array([[1.0 + 0.01 * i, 2.0 + 0.02 * i, 3.0 + 0.03 * i] for i in range(300)])
pr = stats.page_trend_test(blocks, method="asymptotic")
print("page asymptotic", repr(pr.statistic), repr(pr.pvalue))

# O'Brien-Fleming-type spending, stage 1 of 9 equally spaced, one-sided alpha 0.05/11: the first
# boundary is the z whose upper tail is the stage-1 spend 2(1 - Phi(z_{1-a/2} / sqrt(1/9)))
alpha = 0.05 / 11
spend1 = 2 * stats.norm.sf(stats.norm.isf(alpha / 2) / np.sqrt(1 / 9))
print("OF spend stage 1", repr(spend1), "boundary", repr(stats.norm.isf(spend1)))

# repeated confidence interval of the paired mean difference at a z boundary c: d ± t_df^-1(Phi(c)) * se
diff = a - b
se = diff.std(ddof=1) / np.sqrt(len(diff))
for c in [4.95, 2.78]:
    m = stats.t.isf(stats.norm.sf(c), len(diff) - 1)
    print("RCI", c, repr(diff.mean() - m * se), repr(diff.mean() + m * se), "level", repr(1 - 2 * stats.norm.sf(c)))
