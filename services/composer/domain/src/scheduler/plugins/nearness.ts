import { type Candidate } from '../candidate-index.js';
import { type DeviceScorePlugin } from '../framework.js';

/** Fewer switches between host and device score higher: 100 local, 50 at one hop, 33 at two… */
export const nearnessPlugin = {
  name: 'Nearness',
  scoreDevice: (candidate: Candidate) => 100 / (1 + candidate.route.hops),
} as const satisfies DeviceScorePlugin;
