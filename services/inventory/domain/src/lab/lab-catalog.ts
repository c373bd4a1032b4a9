/**
 * The hardware a lab is built from: plausible vendors, models and their figures. Demo data, not
 * a compatibility list.
 */

export const labSites = [
  { id: 'fra1', name: 'Frankfurt 1' },
  { id: 'ams1', name: 'Amsterdam 1' },
  { id: 'iad2', name: 'Ashburn 2' },
  { id: 'ord1', name: 'Chicago 1' },
  { id: 'lhr3', name: 'London 3' },
  { id: 'sin1', name: 'Singapore 1' },
  { id: 'nrt1', name: 'Tokyo 1' },
  { id: 'syd1', name: 'Sydney 1' },
] as const;

export interface HostModel {
  readonly vendor: string;
  readonly model: string;
  readonly serialPrefix: string;
  /** Two-socket servers: the cores are per socket. */
  readonly cpus: readonly [CpuModel, ...CpuModel[]];
}

interface CpuModel {
  readonly model: string;
  readonly coresPerSocket: number;
}

const intelCpus: [CpuModel, ...CpuModel[]] = [
  { model: 'Intel Xeon Platinum 8480+', coresPerSocket: 56 },
  { model: 'Intel Xeon Platinum 8468', coresPerSocket: 48 },
  { model: 'Intel Xeon Gold 6448Y', coresPerSocket: 32 },
  { model: 'Intel Xeon 6767P', coresPerSocket: 64 },
];
const amdCpus: [CpuModel, ...CpuModel[]] = [
  { model: 'AMD EPYC 9654', coresPerSocket: 96 },
  { model: 'AMD EPYC 9554', coresPerSocket: 64 },
  { model: 'AMD EPYC 9454', coresPerSocket: 48 },
  { model: 'AMD EPYC 9555', coresPerSocket: 64 },
];

export const hostModels: readonly [HostModel, ...HostModel[]] = [
  { vendor: 'Dell', model: 'PowerEdge R760', serialPrefix: '', cpus: intelCpus },
  { vendor: 'Dell', model: 'PowerEdge R7625', serialPrefix: '', cpus: amdCpus },
  { vendor: 'HPE', model: 'ProLiant DL380 Gen11', serialPrefix: 'CZ', cpus: intelCpus },
  { vendor: 'HPE', model: 'ProLiant DL385 Gen11', serialPrefix: 'CZ', cpus: amdCpus },
  { vendor: 'Supermicro', model: 'SYS-221H-TNR', serialPrefix: 'S', cpus: intelCpus },
  { vendor: 'Supermicro', model: 'AS-2125HS-TNR', serialPrefix: 'S', cpus: amdCpus },
  { vendor: 'Lenovo', model: 'ThinkSystem SR650 V3', serialPrefix: 'J', cpus: intelCpus },
  { vendor: 'Lenovo', model: 'ThinkSystem SR665 V3', serialPrefix: 'J', cpus: amdCpus },
];

export const hostMemoryGiB = [512, 768, 1024, 1536, 2048] as const;

/** Enclosures, by what they hold. */
export interface EnclosureModel {
  readonly vendor: string;
  readonly model: string;
  readonly serialPrefix: string;
  readonly slots: number;
}

export const gpuChassisModels: readonly [EnclosureModel, ...EnclosureModel[]] = [
  { vendor: 'Liqid', model: 'EX-4410', serialPrefix: 'LQ', slots: 10 },
  { vendor: 'H3 Platform', model: 'Falcon 5208', serialPrefix: 'H3F', slots: 8 },
];
export const jbofModels: readonly [EnclosureModel, ...EnclosureModel[]] = [
  { vendor: 'Western Digital', model: 'OpenFlex Data24', serialPrefix: 'WDOF', slots: 24 },
  { vendor: 'Ingrasys', model: 'ES2000', serialPrefix: 'IGES', slots: 24 },
];
export const cxlBoxModels: readonly [EnclosureModel, ...EnclosureModel[]] = [
  { vendor: 'H3 Platform', model: 'Falcon C5022', serialPrefix: 'H3C', slots: 16 },
];
export const expansionBoxModels: readonly [EnclosureModel, ...EnclosureModel[]] = [
  { vendor: 'One Stop Systems', model: '4UP Gen5', serialPrefix: 'OSS', slots: 16 },
];

export interface SwitchModel {
  readonly vendor: string;
  readonly model: string;
}

export const pcieSwitchModels: readonly [SwitchModel, ...SwitchModel[]] = [
  { vendor: 'Broadcom', model: 'PEX89144' },
  { vendor: 'Microchip', model: 'Switchtec PFX PM50100' },
];
export const cxlSwitchModel: SwitchModel = { vendor: 'XConn', model: 'XC50256' };
export const ethernetSwitchModels: readonly [SwitchModel, ...SwitchModel[]] = [
  { vendor: 'Arista', model: '7060X5' },
  { vendor: 'NVIDIA', model: 'Spectrum SN4600' },
];
/** The Ethernet switch inside an EBOF-style JBOF, between its drives and its uplinks. */
export const jbofSwitchModel: SwitchModel = { vendor: 'Marvell', model: 'Prestera EBOF switch' };
