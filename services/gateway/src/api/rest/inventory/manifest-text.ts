import { inventory } from '@tessera/contracts';
import { ApiProblem } from '../problem.js';

/**
 * The largest YAML manifest the gateway passes on: the inventory's gRPC server takes messages of
 * up to 4 MiB (its default), so a larger one would fail there less clearly. JSON manifests are
 * bounded lower by the gateway's JSON body parser (Nest's default, 100 kB).
 */
export const manifestMaxBytes = 4_000_000;

/** The request as the manifest endpoint reads it: parsed JSON, or the unread body stream. */
export interface ManifestRequest extends AsyncIterable<Uint8Array> {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Set by the JSON body parser for `application/json`; undefined for any other type. */
  readonly body?: unknown;
}

const yamlTypes = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** The manifest's syntax by its content type: 415 for anything but JSON or YAML. */
export function manifestFormatOf(contentType: string | undefined): inventory.ManifestFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) {
    return inventory.ManifestFormat.MANIFEST_FORMAT_JSON;
  }
  if (yamlTypes.includes(type)) return inventory.ManifestFormat.MANIFEST_FORMAT_YAML;
  throw new ApiProblem(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `send the manifest as application/json or application/yaml, not "${type}"`,
  );
}

/**
 * The manifest's text: JSON the body parser already read is written out again (the inventory
 * validates the document and names every problem by its path); any other body is read here.
 */
export async function manifestText(request: ManifestRequest): Promise<string> {
  if (request.body !== undefined) return JSON.stringify(request.body);
  if (Number(request.headers['content-length'] ?? 0) > manifestMaxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.byteLength;
    if (size > manifestMaxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(): ApiProblem {
  return new ApiProblem(
    413,
    'BODY_TOO_LARGE',
    `a manifest may be at most ${manifestMaxBytes} bytes`,
  );
}
