import { composer } from '@tessera/contracts';
import type { CompositionSpecDto, DeviceGroupDto } from './composition-spec.dto.js';

/** The validated body's spec as the composer's message (the body is its proto3 JSON form). */
export function specOf(spec: CompositionSpecDto): composer.CompositionSpec {
  return composer.CompositionSpec.fromJSON(plain(spec));
}

export function groupOf(group: DeviceGroupDto): composer.DeviceGroup {
  return composer.DeviceGroup.fromJSON(plain(group));
}

/** The DTO as plain JSON: absent fields dropped, as proto3 JSON reads them. */
function plain(value: object): unknown {
  return JSON.parse(JSON.stringify(value));
}
