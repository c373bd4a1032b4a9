import { type ClientUnaryCall, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { inventory } from '@tessera/contracts';
import { generateLab } from '@tessera/inventory-domain';

/** The source the demo lab's items belong to in the inventory. */
export const demoLabName = 'demo-lab';

/** What happened to the demo lab at start. */
/** The generated lab: `generateLab({ seed, hosts })`, 10 devices per host. */
export interface LabSize {
  readonly seed: number;
  readonly hosts: number;
}

export type DemoLabOutcome =
  { readonly kind: 'imported'; readonly registered: number } | { readonly kind: 'kept' };

/** How long one call to the inventory may take (a first import of a large lab included). */
const callDeadlineMs = 120_000;

const itemKinds = [
  inventory.ItemKind.ITEM_KIND_SITE,
  inventory.ItemKind.ITEM_KIND_RACK,
  inventory.ItemKind.ITEM_KIND_ENCLOSURE,
  inventory.ItemKind.ITEM_KIND_HOST,
  inventory.ItemKind.ITEM_KIND_DEVICE,
  inventory.ItemKind.ITEM_KIND_FABRIC,
];

/**
 * Imports the generated demo lab through the inventory's ImportManifest when the inventory has
 * no item at all, so a restart keeps what is there (including what people changed). Importing
 * is idempotent anyway: the manifest is reconciled as its source's whole declaration, so
 * importing the same lab again changes nothing.
 */
export async function importDemoLabIfEmpty(
  inventoryUrl: string,
  lab: LabSize,
  actor = 'system:standalone',
): Promise<DemoLabOutcome> {
  const client = new inventory.InventoryServiceClient(inventoryUrl, credentials.createInsecure());
  try {
    for (const kind of itemKinds) {
      const listed = await call<inventory.ListItemsResponse>((deadline, done) =>
        client.listItems(
          { kind, page: { pageSize: 1, pageToken: '' } },
          new Metadata(),
          { deadline },
          done,
        ),
      );
      if (listed.items.length > 0) return { kind: 'kept' };
    }
    const manifest = generateLab({ seed: lab.seed, hosts: lab.hosts });
    const imported = await call<inventory.ImportManifestResponse>((deadline, done) =>
      client.importManifest(
        {
          name: demoLabName,
          text: JSON.stringify(manifest),
          format: inventory.ManifestFormat.MANIFEST_FORMAT_JSON,
        },
        importMetadata(actor),
        { deadline },
        done,
      ),
    );
    return { kind: 'imported', registered: imported.registered };
  } finally {
    client.close();
  }
}

/** The import's events are recorded as `actor`'s doing (the process that started the lab). */
function importMetadata(actor: string): Metadata {
  const metadata = new Metadata();
  metadata.set('x-actor', actor);
  return metadata;
}

function call<Res>(
  invoke: (
    deadline: Date,
    done: (error: ServiceError | null, response: Res) => void,
  ) => ClientUnaryCall,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    invoke(new Date(Date.now() + callDeadlineMs), (error, response) => {
      if (error === null) resolve(response);
      else reject(error);
    });
  });
}
