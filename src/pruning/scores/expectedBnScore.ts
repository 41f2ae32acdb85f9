import type { FilterScore } from './filterScore.js';

const invSqrt2Pi = 1 / Math.sqrt(2 * Math.PI);

/** Standard normal CDF via the complementary error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * `ebn`: the expected post-ReLU output of each BN channel when its normalised input is N(0, 1):
 * `E[ReLU(γz + β)] = β·Φ(β/|γ|) + |γ|·φ(β/|γ|)` (0 for a channel with γ = 0 and β ≤ 0).
 */
export const expectedBnScore: FilterScore = async ({ unit }) => {
  const [gamma, beta] = await Promise.all([unit.gamma.data(), unit.beta.data()]);
  return Float64Array.from(gamma, (g, i) => {
    const b = beta[i];
    const s = Math.abs(g);
    if (s === 0) return Math.max(0, b);
    const u = b / s;
    return b * normalCdf(u) + s * invSqrt2Pi * Math.exp(-0.5 * u * u);
  });
};
