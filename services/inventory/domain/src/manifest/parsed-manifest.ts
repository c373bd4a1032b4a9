import {
  type ConnectionSpec,
  type DeviceSpec,
  type EnclosureSpec,
  type EndpointSpec,
  type FabricKind,
  type HostSpec,
  type RackSpec,
  type SiteSpec,
  type SwitchSpec,
  type ZoneSpec,
} from '@tessera/hardware';
import { type ManifestProblems } from './manifest-problems.js';

/**
 * What the first pass read, each part with the path it was read at, before references between
 * parts are checked. Fields that failed to read hold placeholders (see `ManifestObject`); ids
 * that could not be read are `''` and take part in no duplicate or reference check.
 */
export interface Located<T> {
  readonly spec: T;
  readonly path: string;
}

/** An endpoint as declared on its host or device (`path` is the `endpoints[i]` entry). */
export interface EndpointDeclaration {
  readonly fabricId: string;
  readonly endpoint: EndpointSpec;
  readonly path: string;
}

/** A link with its ends as written (`sw1/p3`, `ep:h1`), resolved once endpoints are known. */
export interface LinkDeclaration {
  readonly from: string;
  readonly to: string;
  readonly path: string;
}

export interface FabricDeclaration {
  readonly id: string;
  readonly kind: FabricKind;
  readonly path: string;
  readonly switches: readonly SwitchSpec[];
  readonly links: readonly LinkDeclaration[];
  /** `undefined` when the manifest does not declare the list. */
  readonly zones: readonly Located<ZoneSpec>[] | undefined;
  readonly connections: readonly Located<ConnectionSpec>[] | undefined;
}

export class ParsedManifest {
  readonly sites: Located<SiteSpec>[] = [];
  readonly racks: Located<RackSpec>[] = [];
  readonly enclosures: Located<EnclosureSpec>[] = [];
  readonly hosts: Located<HostSpec>[] = [];
  readonly devices: Located<DeviceSpec>[] = [];
  readonly endpoints: EndpointDeclaration[] = [];
  readonly fabrics: FabricDeclaration[] = [];
}

/** What every reader of the first pass writes to. */
export interface ReadContext {
  readonly parsed: ParsedManifest;
  readonly problems: ManifestProblems;
}

/**
 * A copy without the keys whose value is `undefined`: optional fields the manifest leaves out
 * are absent from the snapshot, not present and undefined.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
