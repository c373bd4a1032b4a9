import { CapacityController } from './capacity.controller.js';
import { LeasesController } from './leases.controller.js';
import { QuotasController } from './quotas.controller.js';
import { TemplatesController } from './templates.controller.js';

/** The REST endpoints for planning: templates, leases, capacity and what-if, quotas. */
export const planningControllers: (new (...args: never[]) => unknown)[] = [
  TemplatesController,
  CapacityController,
  LeasesController,
  QuotasController,
];
