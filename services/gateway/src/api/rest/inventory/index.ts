import { DevicesController } from './devices.controller.js';
import { DiscoverySourcesController } from './discovery-sources.controller.js';
import { hardwareCommandsController } from './hardware-commands.controller.js';
import {
  type ControllerClass,
  devices,
  enclosures,
  fabrics,
  hosts,
  racks,
  sites,
} from './hardware-collections.js';
import { hardwareReadsController } from './hardware-reads.controller.js';
import { ManifestsController } from './manifests.controller.js';
import { ReachabilityController } from './reachability.controller.js';

/** The REST endpoints over the inventory service: hardware, fabrics, discovery sources. */
export const inventoryControllers: ControllerClass[] = [
  DevicesController,
  ReachabilityController,
  ...[hosts, enclosures, fabrics, racks, sites].map(hardwareReadsController),
  ...[devices, hosts, enclosures, fabrics].map(hardwareCommandsController),
  ManifestsController,
  DiscoverySourcesController,
];
