import { type EntityIndex } from './entity-index.js';
import { byText, type JsonObject, linksAt, objectsAt, textAt } from './redfish-json.js';
import { type Member, type RedfishReader } from './redfish-reader.js';

/** What a target endpoint may front rather than a single device. */
type StorageFront = 'storage' | 'storage-controller' | 'volume' | 'chassis';

/** By the schema name in `@odata.type` (`#Storage.v1_21_0.Storage`). */
const frontsBySchema: Readonly<Record<string, StorageFront>> = {
  Storage: 'storage',
  StorageController: 'storage-controller',
  Volume: 'volume',
  Chassis: 'chassis',
};

/** By `ConnectedEntities[].EntityType`, for services that leave `@odata.type` out. */
const frontsByEntityType: Readonly<Record<string, StorageFront>> = {
  StorageSubsystem: 'storage',
  StorageExpander: 'chassis',
  Chassis: 'chassis',
  Volume: 'volume',
};

/** `/Storage/<id>/Controllers/<id>` under any owner: the controller's storage subsystem. */
const controllerOfStorage = /^(.*\/Storage\/[^/]+)\/Controllers\/[^/]+$/;

/** The NVMe Qualified Names among a resource's `Identifiers`. */
function nqnsOf(resource: JsonObject): string[] {
  return objectsAt(resource, 'Identifiers').flatMap((identifier) =>
    textAt(identifier, 'DurableNameFormat') === 'NQN'
      ? (textAt(identifier, 'DurableName') ?? [])
      : [],
  );
}

/**
 * The drives a target endpoint serves besides the device it stands for, when the service says it
 * fronts storage rather than one drive:
 *
 * - a connected entity whose `EntityLink` is a Storage subsystem or one of its controllers (the
 *   subsystem's `Drives`), a Volume (its `Links.Drives`) or a Chassis such as a JBOF (its
 *   `Drives` and `Links.Drives`), unless its role is `Initiator` (a host's own controller);
 * - a Storage subsystem whose NQN (`Identifiers`, `DurableNameFormat: NQN`) is the endpoint's:
 *   an NVMe-oF target port carries its subsystem's NQN (the DMTF NVMe-oF JBOF mockup's Target1
 *   is connected only to the JBOF's network function, and shares the NQN of Storage/NVMeoF);
 * - a Storage subsystem whose controllers list the endpoint in `Links.Endpoints`, when the crawl
 *   holds them (inline `StorageControllers` always; the `Controllers` collection if fetched).
 *
 * Only drives the mapping turned into devices count. Access is granted per endpoint, so an
 * endpoint serves every drive of its subsystem, whatever namespace masking the subsystem applies
 * per host behind it.
 */
export class ServedDrives {
  /** Endpoint path or NQN → the storage subsystems it reaches. */
  private readonly storagesByKey = new Map<string, string[]>();

  /** `storages`: the Storage subsystems of the crawl (the service root's and the systems'). */
  constructor(
    private readonly reader: RedfishReader,
    private readonly entities: EntityIndex,
    storages: readonly Member[],
  ) {
    for (const storage of storages) this.index(storage);
  }

  /** Whether a connected entity names storage, so that it stands for no single device or host. */
  isStorageFront(connected: JsonObject): boolean {
    return this.frontOfEntity(connected) !== undefined;
  }

  /** The drives (device ids, sorted) of the storage the endpoint's connected entities name. */
  frontedBy(endpointUri: string, connected: readonly JsonObject[]): string[] {
    return this.deviceIds(
      connected.flatMap((candidate) => {
        const front = this.frontOfEntity(candidate);
        return front === undefined ? [] : this.drivesOf(front.uri, front.kind, endpointUri);
      }),
    );
  }

  /** Every drive (device ids, sorted) a target endpoint serves, by any of the three ways. */
  servedBy({ uri, resource }: Member): string[] {
    const storages = [uri, ...nqnsOf(resource)].flatMap((key) => this.storagesByKey.get(key) ?? []);
    const fronted = this.frontedBy(uri, objectsAt(resource, 'ConnectedEntities'));
    const ofStorages = this.deviceIds(
      storages.flatMap((storage) => this.drivesOf(storage, 'storage', uri)),
    );
    return [...new Set([...fronted, ...ofStorages])].sort(byText);
  }

  private index({ uri, resource }: Member): void {
    const collection = linksAt(resource, 'Controllers')[0];
    const controllers = [
      ...(collection !== undefined && this.reader.has(collection)
        ? this.reader.memberResources(resource, uri, 'Controllers').map((member) => member.resource)
        : []),
      ...objectsAt(resource, 'StorageControllers'),
    ];
    const endpointUris = controllers.flatMap((c) => linksAt(c, 'Links', 'Endpoints'));
    for (const key of new Set([...endpointUris, ...nqnsOf(resource)])) {
      const storages = this.storagesByKey.get(key) ?? [];
      storages.push(uri);
      this.storagesByKey.set(key, storages);
    }
  }

  /** The devices the mapping made of these drives, each once. */
  private deviceIds(driveUris: readonly string[]): string[] {
    const ids = driveUris.flatMap((uri) => {
      const entity = this.entities.resolve(uri);
      return entity?.type === 'device' && entity.id === this.reader.id(uri) ? [entity.id] : [];
    });
    return [...new Set(ids)].sort(byText);
  }

  /**
   * The storage a connected entity names, if it does. Its link is read without a warning: most
   * entity links name devices or hosts, whose own mappers report what is dangling.
   */
  private frontOfEntity(
    connected: JsonObject,
  ): { readonly uri: string; readonly kind: StorageFront } | undefined {
    const uri = linksAt(connected, 'EntityLink')[0];
    if (uri === undefined || textAt(connected, 'EntityRole') === 'Initiator') return undefined;
    const linked = this.reader.has(uri) ? this.reader.get(uri, uri) : undefined;
    const schema = textAt(linked, '@odata.type')?.split('.').pop();
    const entityType = textAt(connected, 'EntityType');
    const kind =
      (schema === undefined ? undefined : frontsBySchema[schema]) ??
      (entityType === undefined ? undefined : frontsByEntityType[entityType]);
    return kind === undefined ? undefined : { uri, kind };
  }

  private drivesOf(uri: string, front: StorageFront, referrer: string): string[] {
    switch (front) {
      case 'storage':
        return linksAt(this.reader.get(uri, referrer), 'Drives');
      case 'storage-controller': {
        const storageUri = controllerOfStorage.exec(uri)?.[1];
        return storageUri === undefined ? [] : this.drivesOf(storageUri, 'storage', uri);
      }
      case 'volume':
        return linksAt(this.reader.get(uri, referrer), 'Links', 'Drives');
      case 'chassis': {
        const chassis = this.reader.get(uri, referrer);
        if (chassis === undefined) return [];
        return [
          ...this.reader.collection(chassis, uri, 'Drives'),
          ...linksAt(chassis, 'Links', 'Drives'),
        ];
      }
    }
  }
}
