/**
 * An enum value's API name: `COMPOSITION_PHASE_READY` with prefix `COMPOSITION_PHASE_` is
 * `Ready`; `DEVICE_KIND_CXL_MEMORY` with `DEVICE_KIND_` and `lower` is `cxl-memory`.
 */
export function enumName(jsonName: string, prefix: string, style: 'pascal' | 'lower'): string {
  const words = jsonName.replace(prefix, '').toLowerCase().split('_');
  if (style === 'lower') return words.join('-');
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** The proto enum value an API name stands for, or undefined when it names none. */
export function enumValue<E extends number>(
  name: string,
  prefix: string,
  fromJson: (object: unknown) => E,
  unrecognized: E,
): E | undefined {
  const value = fromJson(prefix + name.toUpperCase().replaceAll('-', '_'));
  return value === unrecognized || value === 0 ? undefined : value;
}
