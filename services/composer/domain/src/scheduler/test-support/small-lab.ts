import { CandidateIndex } from '../candidate-index.js';
import { device, host, route } from './pool.js';

/**
 * A hand-made lab. Host h1 (rack r1, 64 cores, tier=gold) reaches through switch sw1:
 * - g1, g2: 80 GiB GPUs in enclosure e1 under sw1 (1 hop);
 * - g3 (40 GiB), g4 (80 GiB): GPUs in enclosure e2 under sw2 (2 hops);
 * - g5: an 80 GiB GPU in e3 (rack r2) under sw3, health critical;
 * - n1..n4: NVMe drives in e4 under sw4; n5: NVMe in e5 (rack r2) under sw5 (all 2 hops).
 * Host h2 (rack r2, 32 cores) reaches g3, g4 and n5 through its own switch sw9.
 * Host h3 is cordoned.
 */
export function smallLab(): CandidateIndex {
  const index = new CandidateIndex();
  index.upsertHost(host('h1', { labels: { tier: 'gold' } }));
  index.upsertHost(host('h2', { cores: 32, rackId: 'r2' }));
  index.upsertHost(host('h3', { lifecycle: 'cordoned' }));
  index.upsertDevice(device('g1'));
  index.upsertDevice(device('g2'));
  index.upsertDevice(device('g3', { enclosureId: 'e2', attributes: { memoryGiB: 40 } }));
  index.upsertDevice(device('g4', { enclosureId: 'e2' }));
  index.upsertDevice(device('g5', { enclosureId: 'e3', rackId: 'r2', health: 'critical' }));
  for (const id of ['n1', 'n2', 'n3', 'n4']) {
    index.upsertDevice(
      device(id, { kind: 'nvme', attributes: { capacityTB: 8 }, enclosureId: 'e4' }),
    );
  }
  index.upsertDevice(
    device('n5', { kind: 'nvme', attributes: { capacityTB: 8 }, enclosureId: 'e5', rackId: 'r2' }),
  );
  index.setRoutes('h1', [
    route('g1', ['sw1']),
    route('g2', ['sw1']),
    route('g3', ['sw1', 'sw2']),
    route('g4', ['sw1', 'sw2']),
    route('g5', ['sw1', 'sw3']),
    ...['n1', 'n2', 'n3', 'n4'].map((id) => route(id, ['sw1', 'sw4'])),
    route('n5', ['sw1', 'sw5']),
  ]);
  index.setRoutes('h2', [route('g3', ['sw9']), route('g4', ['sw9']), route('n5', ['sw9'])]);
  return index;
}
