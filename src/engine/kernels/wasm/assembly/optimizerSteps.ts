/**
 * AssemblyScript source of the optimizers' update steps for one variable (compiled with the
 * convolutions into `kernels.wasm`, see `conv2dFilterGradient.ts`), bit-identical to the composite
 * steps of `optim/sgd.ts` and `optim/adam.ts`: each value is the same float32 operations in the same
 * order as their tfjs ops (a product by a float32 scalar, a sum, a square root, a quotient, each
 * rounded; never fused), one pass over the variable instead of one kernel per operation. Scalars
 * arrive as f32 parameters, rounded from JavaScript numbers as tfjs rounds them into scalar tensors.
 * 4 values at a time, the rest one by one.
 */

/** The gradient with L2 decay: `g + v·decay` when `decay` > 0, else `g`. */
@inline
function decayed4(g: v128, v: v128, decay: f32): v128 {
  return decay > 0 ? f32x4.add(g, f32x4.mul(v, f32x4.splat(decay))) : g;
}

@inline
function decayed1(g: f32, v: f32, decay: f32): f32 {
  return decay > 0 ? g + v * decay : g;
}

/**
 * SGD with momentum (`optim/sgd.ts`) over `count` values: `buf' = first ? g : buf·μ + g` (with
 * `momentum` 0 no buffer: `buf` and `bufOut` are not touched), `v' = v − update·lr`.
 */
export function sgdStep(v: usize, g: usize, buf: usize, vOut: usize, bufOut: usize, count: i32, learningRate: f32, momentum: f32, decay: f32, first: i32): void {
  const count4 = count & ~3;
  const useBuffer = momentum > 0;
  for (let i = 0; i < count4; i += 4) {
    const at = <usize>i << 2;
    const value = v128.load(v + at);
    let update = decayed4(v128.load(g + at), value, decay);
    if (useBuffer) {
      if (first === 0) update = f32x4.add(f32x4.mul(v128.load(buf + at), f32x4.splat(momentum)), update);
      v128.store(bufOut + at, update);
    }
    v128.store(vOut + at, f32x4.sub(value, f32x4.mul(update, f32x4.splat(learningRate))));
  }
  for (let i = count4; i < count; i++) {
    const at = <usize>i << 2;
    const value = load<f32>(v + at);
    let update = decayed1(load<f32>(g + at), value, decay);
    if (useBuffer) {
      if (first === 0) update = load<f32>(buf + at) * momentum + update;
      store<f32>(bufOut + at, update);
    }
    store<f32>(vOut + at, value - update * learningRate);
  }
}

/**
 * Adam (`optim/adam.ts`) over `count` values: `m' = m·β1 + g·(1−β1)`, `s' = s·β2 + g²·(1−β2)`,
 * `v' = v − (m'·(lr/c1)) / (√s' / √c2 + ε)`, with the bias corrections' scalars computed by the caller.
 */
export function adamStep(
  v: usize, g: usize, m: usize, s: usize, vOut: usize, mOut: usize, sOut: usize, count: i32,
  decay: f32, beta1: f32, oneMinusBeta1: f32, beta2: f32, oneMinusBeta2: f32, sqrtC2: f32, epsilon: f32, stepSize: f32,
): void {
  const count4 = count & ~3;
  for (let i = 0; i < count4; i += 4) {
    const at = <usize>i << 2;
    const value = v128.load(v + at);
    const grad = decayed4(v128.load(g + at), value, decay);
    const m1 = f32x4.add(f32x4.mul(v128.load(m + at), f32x4.splat(beta1)), f32x4.mul(grad, f32x4.splat(oneMinusBeta1)));
    const s1 = f32x4.add(f32x4.mul(v128.load(s + at), f32x4.splat(beta2)), f32x4.mul(f32x4.mul(grad, grad), f32x4.splat(oneMinusBeta2)));
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(s1), f32x4.splat(sqrtC2)), f32x4.splat(epsilon));
    v128.store(mOut + at, m1);
    v128.store(sOut + at, s1);
    v128.store(vOut + at, f32x4.sub(value, f32x4.div(f32x4.mul(m1, f32x4.splat(stepSize)), denom)));
  }
  for (let i = count4; i < count; i++) {
    const at = <usize>i << 2;
    const value = load<f32>(v + at);
    const grad = decayed1(load<f32>(g + at), value, decay);
    const m1 = load<f32>(m + at) * beta1 + grad * oneMinusBeta1;
    const s1 = load<f32>(s + at) * beta2 + grad * grad * oneMinusBeta2;
    const denom = Mathf.sqrt(s1) / sqrtC2 + epsilon;
    store<f32>(mOut + at, m1);
    store<f32>(sOut + at, s1);
    store<f32>(vOut + at, value - (m1 * stepSize) / denom);
  }
}
