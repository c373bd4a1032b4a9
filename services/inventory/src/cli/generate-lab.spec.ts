import { parseManifestText } from '@tessera/inventory-domain';
import { describe, expect, it } from 'vitest';
import { main, usage } from './generate-lab.js';

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, {
    out: (text) => (out += text),
    err: (text) => (err += text),
  });
  return { code, out, err };
}

describe('generate-lab', () => {
  it('writes a YAML manifest of the requested lab to stdout', () => {
    const { code, out, err } = run('--seed', '7', '--hosts', '20', '--devices', '150');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const result = parseManifestText(out, 'yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    expect(result.snapshot.hosts).toHaveLength(20);
    expect(result.snapshot.devices).toHaveLength(150);
  });

  it('writes the same lab as JSON when asked', () => {
    const yaml = parseManifestText(run('--seed', '3', '--hosts', '30').out, 'yaml');
    const json = run('--seed', '3', '--hosts', '30', '--format', 'json');
    expect(json.code).toBe(0);
    expect(parseManifestText(json.out, 'json')).toStrictEqual(yaml);
  });

  it('prints the usage line on --help', () => {
    expect(run('--help')).toEqual({ code: 0, out: `${usage}\n`, err: '' });
  });

  it.each([
    [['--hosts', '10'], 'bad argument --seed: is required'],
    [['--seed', '1'], 'bad argument --hosts: is required'],
    [['--seed', '1', '--hosts', 'ten'], 'bad argument --hosts: "ten" is not an integer'],
    [['--seed', '1', '--hosts', '0'], 'bad argument --hosts: must be an integer from 1 to 1000000'],
    [['--seed', '1', '--hosts', '5', '--sites', '6'], 'bad argument --sites: must be an integer'],
    [
      ['--seed', '1', '--hosts', '5', '--format', 'xml'],
      'bad argument --format: must be yaml or json',
    ],
    [['--seed', '1', '--hosts', '5', '--colour', 'red'], "bad argument: Unknown option '--colour'"],
    [['--seed', '1', '--hosts', '5', 'extra'], "bad argument: Unexpected argument 'extra'"],
    [['--seed'], "bad argument: Option '--seed <value>' argument missing"],
  ])('exits 2 naming the bad argument and printing the usage for %j', (argv, problem) => {
    const { code, out, err } = run(...argv);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    const [first, second] = err.split('\n');
    expect(first).toContain(problem);
    expect(second).toBe(usage);
  });
});
