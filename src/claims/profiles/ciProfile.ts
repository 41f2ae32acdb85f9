import { profileFromProtocol } from './protocol.js';
import { miniV1Protocol } from './miniV1Profile.js';

/**
 * `ci`: the first `mini` protocol with 4 replicates, for `npm test` (claims 1–3). Real training and
 * real statistics at low power: its verdicts say whether the machinery reproduces the strongest
 * effects, not whether the paper holds. It stays on the width-0.5 protocol for CI time.
 */
export const ciProfile = profileFromProtocol({
  ...miniV1Protocol,
  name: 'ci',
  seedsPerArm: 4,
  description: `${miniV1Protocol.description} At ci: 4 replicates.`,
});
