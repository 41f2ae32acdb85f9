import type { ClaimMap } from '../claims/maps/claimMap.js';

/** What a report says of how a claim map's points were found and what it chose or found failing (plain text). */
export function mapSearchText(map: ClaimMap): string {
  const failing = map.counterexample ? JSON.stringify(map.counterexample) : undefined;
  const { search } = map;
  if (search.kind === 'fast-check') {
    const replay = `GST_MAP=1 GST_FC_SEED=${search.seed}${search.path ? ` GST_FC_PATH=${search.path}` : ''}`;
    return `${failing ? `Simplest configuration where the claim is not supported (after shrinking): ${failing}.` : 'Supported at every explored point.'} fast-check seed ${search.seed}${search.path ? `, path ${search.path}` : ''}; replay with ${replay}.`;
  }
  return (
    `Evaluated ${map.cells.length} of ${search.gridPoints} grid points, cheapest first (run cost: training example-epochs × width²); the others cost more than the chosen point. ` +
    `Rule: ${search.rule}. Chosen: ${search.chosen ? JSON.stringify(search.chosen) : 'none'}. ` +
    (failing ? `Cheapest point where the claim is not supported: ${failing}.` : 'Supported at every evaluated point.')
  );
}
