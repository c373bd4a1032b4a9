import { protoFieldPath as camelCaseToProto } from '@tessera/api-kit';

/**
 * A field path as the application names it (`holdSeconds`, `labels["rack/row"]`) in proto
 * field names (`hold_seconds`); what is inside brackets (map keys, indexes) is kept. `GiB` is one
 * word in proto names (`min_memory_gib`).
 */
export function protoFieldPath(field: string): string {
  return camelCaseToProto(
    field.replace(
      /(\[[^\]]*\])|GiB/g,
      (match: string, bracket: string | undefined) => bracket ?? 'Gib',
    ),
  );
}

/**
 * A composition spec problem's path (`host.selector.minCores`, `groups[0].count`) as the request
 * names the field: under `spec`, with the host's oneof spelled as in proto
 * (`spec.host_selector.min_cores`, `spec.groups[0].count`).
 */
export function specFieldPath(path: string): string {
  const inProto = protoFieldPath(
    path.replace(/^host\.hostId/, 'hostId').replace(/^host\.selector/, 'hostSelector'),
  );
  return inProto === '' ? 'spec' : `spec.${inProto}`;
}

/**
 * A template definition problem's path (`parameters[0].default`, `body.groups[0].count`) as
 * DefineTemplateRequest names the field: under `template`, in proto names
 * (`template.parameters[0].default_value`), except inside `body`, a Struct whose keys are the
 * spec's JSON names (`template.body.host.selector.minCores`).
 */
export function templateFieldPath(path: string): string {
  if (path === 'body' || path.startsWith('body.') || path.startsWith('body[')) {
    return `template.${path}`;
  }
  const inProto = protoFieldPath(path.replace(/^(parameters\[\d+\])\.default$/, '$1.defaultValue'));
  return inProto === '' ? 'template' : `template.${inProto}`;
}
