import {
  deviceAttributeNames,
  type DeviceAttributes,
  type DeviceKind,
  deviceKinds,
  type DeviceSpec,
  emptySnapshot,
  type Health,
  healthStates,
  type HostSpec,
  type InventorySnapshot,
} from '@tessera/hardware';

/**
 * The event a host's agent report becomes (published by the fleet service on
 * `tessera.fleet.events.v1`, type `tessera.fleet.v1.HostFactsReported`, keyed by host id; see
 * services/inventory/docs/agent-contract.md). Every report is complete: the host's facts and
 * every local device it has now. The inventory owns nothing else of the host's.
 */
export interface HostFactsReported {
  /** The host identity fleet gave the agent at enrollment. */
  readonly hostId: string;
  readonly hostname: string;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly cpuModel?: string;
  readonly cpuCores?: number;
  readonly memoryGiB?: number;
  readonly health?: Health;
  readonly devices: readonly ReportedLocalDevice[];
  /** When the agent observed these facts (ISO 8601). */
  readonly observedAt: string;
}

export interface ReportedLocalDevice {
  /** Stable on the host (PCI address, NVMe serial...); the inventory id is `<hostId>:<localId>`. */
  readonly localId: string;
  readonly kind: DeviceKind;
  readonly vendor: string;
  readonly model: string;
  readonly serial: string;
  readonly firmware?: string;
  readonly attributes?: DeviceAttributes;
  readonly health?: Health;
}

export const hostFactsReportedType = 'tessera.fleet.v1.HostFactsReported';

/** Every problem of a report (empty when valid), each naming its field. */
export function hostFactsProblems(report: HostFactsReported): string[] {
  const problems: string[] = [];
  const text = (field: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '')
      problems.push(`${field}: must be a non-empty string`);
  };
  text('hostId', report.hostId);
  text('hostname', report.hostname);
  text('vendor', report.vendor);
  text('model', report.model);
  text('serial', report.serial);
  if (report.health !== undefined && !healthStates.includes(report.health)) {
    problems.push(`health: must be one of ${healthStates.join(', ')}`);
  }
  const devices: unknown = report.devices;
  if (!Array.isArray(devices)) {
    problems.push('devices: must be a list');
    return problems;
  }
  const seen = new Set<string>();
  (devices as readonly ReportedLocalDevice[]).forEach((device, index) => {
    const at = `devices[${index}]`;
    text(`${at}.localId`, device.localId);
    if (seen.has(device.localId))
      problems.push(`${at}.localId: "${device.localId}" is reported twice`);
    seen.add(device.localId);
    if (!deviceKinds.includes(device.kind))
      problems.push(`${at}.kind: must be one of ${deviceKinds.join(', ')}`);
    text(`${at}.vendor`, device.vendor);
    text(`${at}.model`, device.model);
    text(`${at}.serial`, device.serial);
    for (const [name, value] of Object.entries(device.attributes ?? {})) {
      if (!deviceAttributeNames.some((known) => known === name))
        problems.push(`${at}.attributes.${name}: unknown attribute`);
      else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        problems.push(`${at}.attributes.${name}: must be a non-negative number`);
      }
    }
  });
  return problems;
}

/** The snapshot the agent's source (`agent`/host id) declares: the host and its local devices. */
export function snapshotOfHostFacts(report: HostFactsReported): InventorySnapshot {
  const host: HostSpec = {
    id: report.hostId,
    name: report.hostname,
    vendor: report.vendor,
    model: report.model,
    serial: report.serial,
    ...(report.cpuModel === undefined ? {} : { cpuModel: report.cpuModel }),
    ...(report.cpuCores === undefined ? {} : { cpuCores: report.cpuCores }),
    ...(report.memoryGiB === undefined ? {} : { memoryGiB: report.memoryGiB }),
    ...(report.health === undefined ? {} : { health: report.health }),
    attachments: [],
  };
  const devices = report.devices.map((device): DeviceSpec => ({
    id: `${report.hostId}:${device.localId}`,
    kind: device.kind,
    vendor: device.vendor,
    model: device.model,
    serial: device.serial,
    ...(device.firmware === undefined ? {} : { firmware: device.firmware }),
    attributes: device.attributes ?? {},
    hostId: report.hostId,
    attachments: [],
    maxCompositions: 1,
    ...(device.health === undefined ? {} : { health: device.health }),
  }));
  return { ...emptySnapshot, hosts: [host], devices };
}
