import { TesseraError } from '@tessera/errors';

export interface LabOptions {
  /** The same seed and options give the same lab, object for object. */
  readonly seed: number;
  /** Compute hosts, exactly. */
  readonly hosts: number;
  /** Devices in total, host-local and pooled, exactly; default 10 per host. */
  readonly devices?: number;
  /** Default: 1 below 64 hosts, else one per 1,500 hosts, 2 to 8. */
  readonly sites?: number;
}

export type ResolvedLabOptions = Required<LabOptions>;

const labLimits = { hosts: 1_000_000, devicesPerHost: 1_000 } as const;

/** Lab options out of range; the message names the option. */
export class LabOptionsInvalidError extends TesseraError<'LAB_OPTIONS_INVALID'> {
  readonly code = 'LAB_OPTIONS_INVALID';

  constructor(
    readonly option: keyof LabOptions,
    readonly problem: string,
  ) {
    super(`${option}: ${problem}`);
  }
}

export function resolveLabOptions(options: LabOptions): ResolvedLabOptions {
  const { seed, hosts } = options;
  if (!Number.isSafeInteger(seed)) throw new LabOptionsInvalidError('seed', 'must be an integer');
  requireInteger('hosts', hosts, 1, labLimits.hosts);
  const devices = options.devices ?? hosts * 10;
  requireInteger('devices', devices, 0, hosts * labLimits.devicesPerHost);
  const sites = options.sites ?? defaultSites(hosts);
  requireInteger('sites', sites, 1, hosts);
  return { seed, hosts, devices, sites };
}

function defaultSites(hosts: number): number {
  if (hosts < 64) return 1;
  return Math.min(8, Math.max(2, Math.ceil(hosts / 1_500)));
}

function requireInteger(option: keyof LabOptions, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new LabOptionsInvalidError(option, `must be an integer from ${min} to ${max}`);
  }
}
