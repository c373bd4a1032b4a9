import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblem } from './manifest-problems.js';
import { parseManifest, parseManifestText, type ManifestResult } from './parse-manifest.js';
import { changed, changedAll, removed } from './test-support/edit-document.js';
import { exampleManifest } from './test-support/example-manifest.js';
import { exampleSnapshot } from './test-support/example-snapshot.js';

/** The one problem of a result, formatted; fails the test when there are none or several. */
function onlyProblem(result: ManifestResult): string {
  expect(result.ok ? [] : result.problems).toHaveLength(1);
  return result.ok ? '' : formatProblem(result.problems[0]!);
}

describe('parseManifest', () => {
  it('maps a valid manifest to exactly the snapshot it declares', () => {
    expect(parseManifest(exampleManifest())).toStrictEqual({
      ok: true,
      snapshot: exampleSnapshot,
    });
  });

  it('accepts a manifest that declares nothing', () => {
    expect(
      parseManifest({ apiVersion: 'tessera.inventory/v1', kind: 'InventoryManifest' }),
    ).toStrictEqual({
      ok: true,
      snapshot: { sites: [], racks: [], enclosures: [], hosts: [], devices: [], fabrics: [] },
    });
  });

  it('leaves out zones and connections a fabric does not declare, keeping declared empty lists', () => {
    const document = changedAll(exampleManifest(), [
      ['fabrics[1].zones', removed],
      ['fabrics[1].connections', []],
    ]);
    const result = parseManifest(document);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const nvme = result.snapshot.fabrics[1];
    expect(nvme).not.toHaveProperty('zones');
    expect(nvme?.connections).toEqual([]);
  });

  it('reports every problem of a document with several, each at its path', () => {
    const document = changedAll(exampleManifest(), [
      ['kind', 'Inventory'],
      ['racks[0].site', 'fra9'],
      ['racks[0].hosts[0].vendor', removed],
      ['racks[0].hosts[0].devices[0].numaNode', -1],
      ['racks[0].enclosures[1].devices[1].kind', 'tpu'],
      ['racks[0].enclosures[2].devices[0].capacityTb', 15.36],
      ['fabrics[0].links[0].to', 'fra1-r01-pcie-sw1/p9'],
      ['fabrics[1].zones[0].endpoints[1]', 'nobody.nvme'],
    ]);
    const result = parseManifest(document);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path).sort()).toEqual(
      [
        'kind',
        'racks[0].site',
        'racks[0].hosts[0].vendor',
        'racks[0].hosts[0].devices[0].numaNode',
        'racks[0].enclosures[1].devices[1].kind',
        'racks[0].enclosures[2].devices[0].capacityTb',
        'fabrics[0].links[0].to',
        'fabrics[1].zones[0].endpoints[1]',
      ].sort(),
    );
  });

  it('names the example path of the issue with its message', () => {
    const document = changed(exampleManifest(), 'racks[0].enclosures[2].devices[0].capacityTB', 0);
    expect(parseManifest(document)).toEqual({
      ok: false,
      problems: [
        {
          path: 'racks[0].enclosures[2].devices[0].capacityTB',
          message: 'must be a positive number',
        },
      ],
    });
  });
});

describe('parseManifestText', () => {
  it('gives the same snapshot for the manifest written in YAML and in JSON', () => {
    const fromYaml = parseManifestText(stringify(exampleManifest()), 'yaml');
    const fromJson = parseManifestText(JSON.stringify(exampleManifest(), null, 2), 'json');
    expect(fromYaml).toStrictEqual({ ok: true, snapshot: exampleSnapshot });
    expect(fromJson).toStrictEqual(fromYaml);
  });

  it('gives the same problems for an invalid manifest written in YAML and in JSON', () => {
    const document = changedAll(exampleManifest(), [
      ['racks[0].hosts[0].cpuCores', '112'],
      ['fabrics[1].kind', 'fibre-channel'],
    ]);
    const fromYaml = parseManifestText(stringify(document), 'yaml');
    const fromJson = parseManifestText(JSON.stringify(document), 'json');
    expect(fromYaml.ok).toBe(false);
    expect(fromJson).toStrictEqual(fromYaml);
  });

  it('reports YAML that is not well formed as one problem naming the line', () => {
    const text = 'apiVersion: tessera.inventory/v1\nkind: InventoryManifest\nsites: [\n';
    expect(onlyProblem(parseManifestText(text, 'yaml'))).toMatch(
      /^\(document\): not valid YAML: .* line 4/,
    );
  });

  it('reports a YAML key written twice, naming its line', () => {
    const text = 'apiVersion: tessera.inventory/v1\nkind: InventoryManifest\nkind: Other\n';
    expect(onlyProblem(parseManifestText(text, 'yaml'))).toMatch(/^\(document\): .*unique.*line 3/);
  });

  it('reports JSON that is not well formed as one problem naming the line and column', () => {
    const text = '{\n  "apiVersion": "tessera.inventory/v1",\n  "kind": }\n';
    expect(parseManifestText(text, 'json')).toEqual({
      ok: false,
      problems: [
        { path: '', message: 'not valid JSON at line 3, column 11: expected a value, found "}"' },
      ],
    });
  });

  it('reports an empty text as an empty manifest', () => {
    expect(onlyProblem(parseManifestText('', 'yaml'))).toMatch(
      /^\(document\): the manifest is empty/,
    );
  });
});
