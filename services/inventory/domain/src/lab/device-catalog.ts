/** Device models for the lab, with the figures every unit of a model shares. Demo data. */

/** A device model with the attributes every unit of it shares. */
export interface DeviceModel {
  readonly vendor: string;
  readonly model: string;
  readonly firmware: string;
  readonly serialPrefix: string;
  readonly memoryGiB?: number;
  readonly bandwidthGbps?: number;
  readonly pcieGeneration: number;
  readonly pcieLanes: number;
}

export const gpuModels: readonly [DeviceModel, ...DeviceModel[]] = [
  {
    vendor: 'NVIDIA',
    model: 'H100 PCIe',
    firmware: '96.00.74.00.01',
    serialPrefix: '165',
    memoryGiB: 80,
    pcieGeneration: 5,
    pcieLanes: 16,
  },
  {
    vendor: 'NVIDIA',
    model: 'H200 NVL',
    firmware: '96.00.A5.00.02',
    serialPrefix: '165',
    memoryGiB: 141,
    pcieGeneration: 5,
    pcieLanes: 16,
  },
  {
    vendor: 'NVIDIA',
    model: 'L40S',
    firmware: '95.02.66.00.02',
    serialPrefix: '132',
    memoryGiB: 48,
    pcieGeneration: 4,
    pcieLanes: 16,
  },
  {
    vendor: 'AMD',
    model: 'Instinct MI300X',
    firmware: '113-M3000100-102',
    serialPrefix: 'PCB',
    memoryGiB: 192,
    pcieGeneration: 5,
    pcieLanes: 16,
  },
];

/** A model sold in several sizes: TB for drives, GiB for memory. */
export interface SizedModel extends DeviceModel {
  readonly sizes: readonly [number, ...number[]];
}

/** Sizes in TB. */
export const pooledDriveModels: readonly [SizedModel, ...SizedModel[]] = [
  {
    vendor: 'Samsung',
    model: 'PM1743',
    firmware: 'GDC7302Q',
    serialPrefix: 'S6CR',
    pcieGeneration: 5,
    pcieLanes: 4,
    sizes: [3.84, 7.68, 15.36],
  },
  {
    vendor: 'Micron',
    model: '9400 PRO',
    firmware: 'E1MU23BC',
    serialPrefix: 'MTFD',
    pcieGeneration: 4,
    pcieLanes: 4,
    sizes: [7.68, 15.36, 30.72],
  },
  {
    vendor: 'Kioxia',
    model: 'CM7-R',
    firmware: '0103',
    serialPrefix: 'X3R0',
    pcieGeneration: 5,
    pcieLanes: 4,
    sizes: [3.84, 7.68, 15.36, 30.72],
  },
  {
    vendor: 'Solidigm',
    model: 'D5-P5336',
    firmware: '5CV10302',
    serialPrefix: 'PHAX',
    pcieGeneration: 4,
    pcieLanes: 4,
    sizes: [7.68, 15.36, 30.72],
  },
];

/** Sizes in TB. */
export const bootDriveModels: readonly [SizedModel, ...SizedModel[]] = [
  {
    vendor: 'Samsung',
    model: 'PM9A3',
    firmware: 'GDC5602Q',
    serialPrefix: 'S64G',
    pcieGeneration: 4,
    pcieLanes: 4,
    sizes: [0.96, 1.92],
  },
  {
    vendor: 'Micron',
    model: '7450 PRO',
    firmware: 'E2MU200',
    serialPrefix: 'MTFD',
    pcieGeneration: 4,
    pcieLanes: 4,
    sizes: [0.96, 1.92, 3.84],
  },
];

/** Sizes in GiB. */
export const cxlMemoryModels: readonly [SizedModel, ...SizedModel[]] = [
  {
    vendor: 'Samsung',
    model: 'CMM-D',
    firmware: '1.2.0',
    serialPrefix: 'S7CM',
    pcieGeneration: 5,
    pcieLanes: 8,
    sizes: [128, 256],
  },
  {
    vendor: 'SK hynix',
    model: 'CMM-DDR5',
    firmware: '2.0.3',
    serialPrefix: 'HMCX',
    pcieGeneration: 5,
    pcieLanes: 8,
    sizes: [128, 256, 512],
  },
  {
    vendor: 'Micron',
    model: 'CZ120',
    firmware: '1.1.4',
    serialPrefix: 'MTC2',
    pcieGeneration: 5,
    pcieLanes: 8,
    sizes: [128, 256],
  },
];

export const nicModels: readonly [DeviceModel, ...DeviceModel[]] = [
  {
    vendor: 'NVIDIA',
    model: 'ConnectX-7',
    firmware: '28.39.1002',
    serialPrefix: 'MT23',
    bandwidthGbps: 400,
    pcieGeneration: 5,
    pcieLanes: 16,
  },
  {
    vendor: 'Intel',
    model: 'E810-CQDA2',
    firmware: '4.40',
    serialPrefix: 'E810',
    bandwidthGbps: 100,
    pcieGeneration: 4,
    pcieLanes: 16,
  },
];

export const dpuModel: DeviceModel = {
  vendor: 'NVIDIA',
  model: 'BlueField-3 B3220',
  firmware: '32.39.2048',
  serialPrefix: 'MT24',
  bandwidthGbps: 400,
  pcieGeneration: 5,
  pcieLanes: 16,
};

export const fpgaModels: readonly [DeviceModel, ...DeviceModel[]] = [
  {
    vendor: 'AMD',
    model: 'Alveo U55C',
    firmware: '4.6.0',
    serialPrefix: 'XFL1',
    memoryGiB: 16,
    pcieGeneration: 4,
    pcieLanes: 8,
  },
  {
    vendor: 'AMD',
    model: 'Alveo V80',
    firmware: '1.0.2',
    serialPrefix: 'XFL2',
    memoryGiB: 32,
    pcieGeneration: 5,
    pcieLanes: 8,
  },
];
