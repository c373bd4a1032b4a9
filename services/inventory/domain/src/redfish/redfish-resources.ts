/**
 * What one crawl of a Redfish service returned: the JSON body of each resource, keyed by the path
 * it was fetched from in the form `normalizeRedfishPath` gives (`/redfish/v1/Chassis/1`; the
 * service root is `/redfish/v1`). Bodies are the service's JSON, not validated: the mapping reads
 * them defensively.
 */
export type RedfishResources = ReadonlyMap<string, unknown>;

export const redfishServiceRoot = '/redfish/v1';

/**
 * The key form of a Redfish reference (an `@odata.id` or a URL): its path, without scheme and
 * host, query, fragment or trailing slash. The key is what identifies a resource: bodies whose
 * `Id` or `@odata.id` disagree with the path they were fetched from are known to lie.
 */
export function normalizeRedfishPath(reference: string): string {
  const withoutOrigin = reference.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const path = withoutOrigin.split(/[?#]/, 1)[0] ?? '';
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
