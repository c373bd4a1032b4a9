import { HealthController } from './health.controller.js';
import { WhoamiController } from './whoami.controller.js';

/** Health and the API's own description. */
export const systemControllers = [HealthController, WhoamiController];
