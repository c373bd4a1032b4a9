import { isJsonObject, type JsonObject, linksAt, numberAt } from './redfish-json.js';
import { normalizeRedfishPath, type RedfishResources } from './redfish-resources.js';

/** A resource with the path that identifies it. */
export interface Member {
  readonly uri: string;
  readonly resource: JsonObject;
}

/**
 * Reads one crawl for the mapping: resolves links to resources and collects warnings. It never
 * throws on bad data: a dangling link, a body that is not an object or a collection without
 * `Members` becomes a warning and reads as absent.
 */
export class RedfishReader {
  private readonly notes: string[] = [];
  private readonly noted = new Set<string>();
  private readonly selfChecked = new Set<string>();

  constructor(
    private readonly resources: RedfishResources,
    readonly sourceId: string,
  ) {}

  get warnings(): readonly string[] {
    return this.notes;
  }

  /** The id of whatever stands for the resource at `uri`: namespaced by the source. */
  id(uri: string): string {
    return `${this.sourceId}:${uri}`;
  }

  /** Records a warning once, in the order first seen. */
  warn(message: string): void {
    if (this.noted.has(message)) return;
    this.noted.add(message);
    this.notes.push(message);
  }

  /** Whether the crawl holds `uri` (no warning either way). */
  has(uri: string): boolean {
    return this.resources.has(uri);
  }

  /** The resource at `uri`, which `referrer` links to; a dangling link is a warning. */
  get(uri: string, referrer: string): JsonObject | undefined {
    const body = this.resources.get(uri);
    if (body === undefined) {
      this.warn(`${referrer} links to ${uri}, which the service did not return`);
      return undefined;
    }
    if (!isJsonObject(body)) {
      this.warn(`${uri} is not a JSON object; ignored`);
      return undefined;
    }
    this.checkSelfReference(uri, body);
    return body;
  }

  /**
   * The member paths of the collection at `collectionUri`, from its `Members` array. The
   * `Members@odata.count` annotation is known to disagree with the array and is never used.
   */
  members(collectionUri: string, referrer: string): string[] {
    const collection = this.get(collectionUri, referrer);
    if (collection === undefined) return [];
    if (!Array.isArray(collection.Members)) {
      this.warn(`${collectionUri} has no Members array; read as empty`);
      return [];
    }
    const members = linksAt(collection, 'Members');
    const stated = numberAt(collection, 'Members@odata.count');
    if (stated !== undefined && stated !== members.length) {
      this.warn(
        `${collectionUri} says it has ${stated} members but lists ${members.length}; using the list`,
      );
    }
    return members;
  }

  /** The members of the collection that `owner[property]` links to (none when unlinked). */
  collection(owner: JsonObject, ownerUri: string, property: string): string[] {
    const collectionUri = linksAt(owner, property)[0];
    return collectionUri === undefined ? [] : this.members(collectionUri, ownerUri);
  }

  /** The member resources of that collection; a member it lists but the crawl lacks is a warning. */
  memberResources(owner: JsonObject, ownerUri: string, property: string): Member[] {
    const collectionUri = linksAt(owner, property)[0];
    if (collectionUri === undefined) return [];
    return this.members(collectionUri, ownerUri).flatMap((uri) => {
      const resource = this.get(uri, collectionUri);
      return resource === undefined ? [] : [{ uri, resource }];
    });
  }

  private checkSelfReference(uri: string, body: JsonObject): void {
    if (this.selfChecked.has(uri)) return;
    this.selfChecked.add(uri);
    const claimed = body['@odata.id'];
    if (typeof claimed === 'string' && normalizeRedfishPath(claimed) !== uri) {
      this.warn(`${uri} calls itself ${claimed}; identified by the path it was read from`);
    }
  }
}
