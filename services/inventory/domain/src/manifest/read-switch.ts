import { type SwitchPartitionSpec, type SwitchPortSpec, type SwitchSpec } from '@tessera/hardware';
import { ManifestObject } from './manifest-object.js';
import { itemPath, type ManifestProblems } from './manifest-problems.js';
import { withoutUndefined, type Located } from './parsed-manifest.js';
import { idField, indexUnique } from './unique-ids.js';

/**
 * Reads a switch with its ports and partitions. Partitions may only name ports of the same
 * switch, and a port belongs to one partition at most (a PCIe or CXL port is bound to one
 * virtual switch at a time).
 */
export function readSwitch(
  value: unknown,
  path: string,
  problems: ManifestProblems,
): Located<SwitchSpec> | undefined {
  const switch_ = ManifestObject.open(value, path, 'switch', problems);
  if (switch_ === undefined) return undefined;
  const id = switch_.requiredId('id');
  const vendor = switch_.optionalText('vendor');
  const model = switch_.optionalText('model');
  const ports = switch_.list('ports', true, (item, portPath) => readPort(item, portPath, problems));
  const portIds = new Set(indexUnique(ports, idField, 'port', problems).keys());
  const partitionOfPort = new Map<string, string>();
  const partitions = switch_.has('partitions')
    ? switch_.list('partitions', false, (item, partitionPath) => {
        const partition = readPartition(item, partitionPath, problems);
        if (partition !== undefined) {
          checkPartitionPorts(partition, { id, portIds, partitionOfPort }, problems);
        }
        return partition;
      })
    : undefined;
  if (partitions !== undefined) indexUnique(partitions, idField, 'partition', problems);
  const spec = withoutUndefined({
    id,
    vendor,
    model,
    ports: ports.map((port) => port.spec),
    partitions: partitions?.map((partition) => partition.spec),
  });
  return { spec, path };
}

function readPort(
  value: unknown,
  path: string,
  problems: ManifestProblems,
): Located<SwitchPortSpec> | undefined {
  const port = ManifestObject.open(value, path, 'port', problems);
  if (port === undefined) return undefined;
  const spec = withoutUndefined({
    id: port.requiredId('id'),
    bandwidthGbps: port.optionalPositive('bandwidthGbps'),
  });
  return { spec, path };
}

function readPartition(
  value: unknown,
  path: string,
  problems: ManifestProblems,
): Located<SwitchPartitionSpec> | undefined {
  const partition = ManifestObject.open(value, path, 'partition', problems);
  if (partition === undefined) return undefined;
  return { spec: { id: partition.requiredId('id'), portIds: partition.idList('ports') }, path };
}

function checkPartitionPorts(
  partition: Located<SwitchPartitionSpec>,
  switch_: {
    readonly id: string;
    readonly portIds: ReadonlySet<string>;
    readonly partitionOfPort: Map<string, string>;
  },
  problems: ManifestProblems,
): void {
  partition.spec.portIds.forEach((portId, index) => {
    if (portId === '') return;
    const path = itemPath(`${partition.path}.ports`, index);
    const owner = switch_.partitionOfPort.get(portId);
    if (!switch_.portIds.has(portId)) {
      problems.add(path, `switch "${switch_.id}" has no port "${portId}"`);
    } else if (owner !== undefined) {
      const where = owner === partition.spec.id ? 'this partition' : `partition "${owner}"`;
      problems.add(path, `port "${portId}" is already in ${where}`);
    } else {
      switch_.partitionOfPort.set(portId, partition.spec.id);
    }
  });
}
