import { SeededRandom, deriveSeed } from '../primitives/seededRandom.js';
import type { EpochEvaluation, TrainingContext, TrainingHooks } from '../engine/train/trainingHooks.js';
import { stabilityPercent, instability } from './stability.js';
import { ActivationTracker } from './activationTracker.js';
import { tracksActivations } from './inertEpochs.js';
import type { PruningConfig } from './pruningConfig.js';
import type { PruningEventLog } from './pruningEventLog.js';
import { validatePruningConfig } from './validatePruningConfig.js';
import { layerEvents } from './schedule.js';
import { scoreRegistry } from './scores/scoreRegistry.js';
import { selectionRegistry } from './selections.js';
import type { PerturbationWindow, PrunedLayer, VariantRuntime } from './variants/variant.js';
import { variantRegistry } from './variants/variantRegistry.js';

/**
 * The training hooks that carry out a pruning config: scores, selects and applies the variant at
 * each scheduled epoch end, measures `t_pre`/`t_post` around it, and runs perturbation windows.
 *
 * @example
 * ```ts
 * const pruning = createPruning(vgg11PaperPruning({ interval: 40, selection: 'largest' }), { seed: 1 });
 * const run = await trainRun({ config, seed: 1, hooks: pruning.hooks });
 * run.report; // one entry per event, with stability
 * ```
 */
export function createPruning(
  config: PruningConfig,
  options: { seed: number },
): { hooks: TrainingHooks<PruningEventLog[]>; events: () => readonly PruningEventLog[]; layers: () => readonly PrunedLayer[] } {
  const variant = variantRegistry[config.variant];
  const score = scoreRegistry[config.score];
  const selection = selectionRegistry[config.selection];
  const rng = new SeededRandom(deriveSeed(options.seed, 'pruning'));
  const events: PruningEventLog[] = [];
  const windows: { remaining: number; window: PerturbationWindow }[] = [];
  let layers: PrunedLayer[] = [];
  let tracker: ActivationTracker | undefined;

  const runtime = (context: TrainingContext, purpose: string): VariantRuntime => ({
    optimizer: context.optimizer,
    seed: deriveSeed(options.seed, `${purpose}:${context.step}`),
    rng,
    window: config.window ?? 0,
    openWindow: (window) => windows.push({ remaining: window.batches, window }),
  });
  const select = async (layer: PrunedLayer, count: number): Promise<number[]> => {
    const scores = await score({ unit: layer.unit, activations: tracker?.values(layer.unit.name) });
    return selection({ scores, candidates: variant.candidates(layer), count, rng });
  };

  const hooks: TrainingHooks<PruningEventLog[]> = {
    report: () => [...events],
    async beforeTraining(context) {
      validatePruningConfig(config, context.model);
      if (config.variant === 'none') return;
      layers = config.layers.map((schedule) => {
        const unit = context.model.units.get(schedule.layer);
        if (unit === undefined) throw new Error(`pruning.layers: ${schedule.layer} vanished`);
        return {
          unit,
          events: layerEvents(schedule, { filters: unit.outChannels, interval: config.interval }),
          removed: new Set<number>(),
          selectedSoFar: new Set<number>(),
        };
      });
      if (tracksActivations(config)) tracker = new ActivationTracker(new Set(layers.map((l) => l.unit.name)));
      await variant.start?.(layers, runtime(context, 'start'), select);
    },
    // only where a score reads activations: a forward pass without observers may fuse each unit's ReLU
    observe: tracksActivations(config) ? (unit, output, context) => tracker?.observe(unit, output, context.step) : undefined,
    // the model is touched only by a window's injections and its release (the tracker keeps its own statistics)
    usesModel: (moment) => (moment === 'beforeBatch' ? windows.some((w) => w.window.beforeBatch !== undefined) : windows.some((w) => w.remaining <= 1)),
    async beforeBatch() {
      for (const w of windows) await w.window.beforeBatch?.();
    },
    async afterBatch() {
      await tracker?.commit();
      for (const w of windows) w.remaining -= 1;
      const done = windows.filter((w) => w.remaining <= 0);
      for (const w of done) {
        windows.splice(windows.indexOf(w), 1);
        await w.window.release();
      }
    },
    async afterEpoch(context, evaluation): Promise<EpochEvaluation | void> {
      if (!variant.hasEvents) return;
      const due = layers.flatMap((layer) => layer.events.filter((e) => e.epoch === context.epoch).map((event) => ({ layer, event })));
      if (due.length === 0) return;
      const tPre = evaluation.test.accuracy;
      const pruned = [];
      for (const { layer, event } of due) {
        const before = event.index === 1 ? layer.unit.outChannels : layer.events[event.index - 2].keep;
        const filters = await select(layer, before - event.keep);
        await variant.apply(layer, filters, runtime(context, `event:${layer.unit.name}`));
        pruned.push({ layer: layer.unit.name, filters, keptAfter: event.keep });
      }
      const after: EpochEvaluation = {
        test: await context.evaluate('test'),
        validation: evaluation.validation ? await context.evaluate('validation') : undefined,
      };
      events.push({
        epoch: context.epoch,
        layers: pruned,
        tPre,
        tPost: after.test.accuracy,
        instability: instability(tPre, after.test.accuracy),
        stability: stabilityPercent(tPre, after.test.accuracy),
      });
      return after;
    },
  };
  return { hooks, events: () => events, layers: () => layers };
}
