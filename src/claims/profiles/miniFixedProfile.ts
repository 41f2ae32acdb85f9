import { profileFromProtocol } from './protocol.js';
import { miniV1Protocol } from './miniV1Profile.js';

/** `mini-fixed`: the first `mini` protocol with its earlier fixed design, 10 seeds per arm (confirmation seeds 101–110). */
export const miniFixedProfile = profileFromProtocol({ ...miniV1Protocol, name: 'mini-fixed' });
