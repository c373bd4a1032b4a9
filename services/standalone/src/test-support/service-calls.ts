import { credentials } from '@grpc/grpc-js';
import { unary } from '@tessera/api-kit/test-support';
import { composer, inventory } from '@tessera/contracts';

/** The calls the standalone's tests make on the inventory's gRPC API. */
export function inventoryCalls(address: string) {
  const client = new inventory.InventoryServiceClient(address, credentials.createInsecure());
  return {
    close: () => {
      client.close();
    },
    /** Every device, page by page. */
    deviceCount: async (): Promise<number> => {
      let count = 0;
      let pageToken = '';
      do {
        const page = await unary<inventory.ListDevicesResponse>((m, cb) =>
          client.listDevices({ filterExpression: '', page: { pageSize: 500, pageToken } }, m, cb),
        );
        count += page.devices.length;
        pageToken = page.page?.nextPageToken ?? '';
      } while (pageToken !== '');
      return count;
    },
  };
}

/** The calls the standalone's tests make on the composer's gRPC API. */
export function composerCalls(address: string) {
  const client = new composer.ComposerServiceClient(address, credentials.createInsecure());
  return {
    close: () => {
      client.close();
    },
    preview: (spec: composer.CompositionSpec) =>
      unary<composer.PreviewCompositionResponse>((m, cb) =>
        client.previewComposition({ spec }, m, cb),
      ),
  };
}

/** A training box: 2 GPUs and 4 NVMe drives on any host that reaches them. */
export function trainingBox(): composer.CompositionSpec {
  const group = (name: string, kind: string, count: number): composer.DeviceGroup => ({
    name,
    kind,
    count,
    selectors: [],
    labels: {},
    alternatives: [],
  });
  return {
    name: 'training-box',
    tenant: 'demo',
    labels: {},
    hostSelector: { labels: {} },
    groups: [group('gpus', 'gpu', 2), group('scratch', 'nvme', 4)],
  };
}

/** `<group>:<device count>` of a preview that fits, or its outcome and reason. */
export async function previewSummary(
  calls: ReturnType<typeof composerCalls>,
  spec: composer.CompositionSpec,
): Promise<string> {
  const preview = await calls.preview(spec);
  if (preview.outcome !== composer.PreviewOutcome.PREVIEW_OUTCOME_FITS) {
    return `${composer.PreviewOutcome[preview.outcome]}: ${preview.reason}`;
  }
  return preview.groups
    .map((group) => `${group.group}:${String(group.deviceIds.length)}`)
    .join(' ');
}
