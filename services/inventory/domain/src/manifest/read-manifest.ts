import { ManifestObject } from './manifest-object.js';
import { manifestApiVersion, manifestKind } from './manifest-document.js';
import { type ReadContext } from './parsed-manifest.js';
import { readFabric } from './read-fabric.js';
import { readRack } from './read-racks.js';

/** The first pass: reads every part of the document, recording what is malformed. */
export function readManifestDocument(document: unknown, context: ReadContext): void {
  const { problems } = context;
  if (document === undefined || document === null) {
    problems.add('', `the manifest is empty; it starts with apiVersion: ${manifestApiVersion}`);
    return;
  }
  const manifest = ManifestObject.open(document, '', 'document', problems);
  if (manifest === undefined) return;
  expectConstant(manifest, 'apiVersion', manifestApiVersion);
  expectConstant(manifest, 'kind', manifestKind);
  manifest.each('sites', false, (item, path) => {
    readSite(item, path, context);
  });
  manifest.each('racks', false, (item, path) => {
    readRack(item, path, context);
  });
  manifest.each('fabrics', false, (item, path) => {
    readFabric(item, path, context);
  });
}

function expectConstant(manifest: ManifestObject, key: string, expected: string): void {
  const written = manifest.requiredText(key);
  if (written !== '' && written !== expected) {
    manifest.report(key, `must be "${expected}", not "${written}"`);
  }
}

function readSite(value: unknown, path: string, context: ReadContext): void {
  const site = ManifestObject.open(value, path, 'site', context.problems);
  if (site === undefined) return;
  context.parsed.sites.push({
    spec: { id: site.requiredId('id'), name: site.requiredText('name') },
    path,
  });
}
