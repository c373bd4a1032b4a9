import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CliIo, ExitCode, run } from '@tessera/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

/** One run of `tessera`: its exit code and what it wrote. */
interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let plane: ControlPlane | undefined;
let workDir: string;
let configFile: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'tessera-cli-'));
  configFile = path.join(workDir, 'config', 'tessera.json');
  plane = await startControlPlane('e2e-cli');
});

/** The running control plane (beforeAll failed when there is none). */
function controlPlane(): ControlPlane {
  if (plane === undefined) throw new Error('the control plane did not start');
  return plane;
}

afterAll(async () => {
  await plane?.close();
  await rm(workDir, { recursive: true, force: true });
});

/** Runs the CLI in-process with the temp config file (and `env` on top), stdin as given. */
async function tessera(
  argv: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    env: { TESSERA_CONFIG: configFile, HOME: workDir, ...options.env },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

function json(result: CliRun): unknown {
  expect(result.stderr, result.stderr).not.toMatch(/^error:/m);
  return JSON.parse(result.stdout);
}

async function specFile(name: string, text: string): Promise<string> {
  const file = path.join(workDir, name);
  await writeFile(file, text);
  return file;
}

interface Composition {
  id: string;
  status: { phase: string; hostId?: string; devices: { group: string; deviceIds: string[] }[] };
}

describe('the tessera CLI against a running control plane', () => {
  it('logs in: checks the token and saves server and token readable by the owner only', async () => {
    const refused = await tessera([
      'login',
      '--server',
      controlPlane().baseUrl,
      '--token',
      'not-a-token',
    ]);
    expect(refused.code).toBe(ExitCode.auth);
    expect(refused.stderr).toContain('401');

    const login = await tessera(['login', '--server', controlPlane().baseUrl, '--token-stdin'], {
      stdin: `${controlPlane().adminToken}\n`,
    });
    expect(login.code, login.stderr).toBe(0);
    expect(JSON.parse(await readFile(configFile, 'utf8'))).toEqual({
      server: controlPlane().baseUrl,
      token: controlPlane().adminToken,
    });
    expect((await stat(configFile)).mode & 0o777).toBe(0o600);

    const view = await tessera(['config', 'view', '-o', 'json']);
    expect(json(view)).toMatchObject({
      server: controlPlane().baseUrl,
      serverFrom: 'config file',
      tokenFrom: 'config file',
    });
    expect(view.stdout).not.toContain(controlPlane().adminToken);
  });

  it('lists GPUs as a table and by name', async () => {
    const table = await tessera(['list', 'devices', '--kind', 'gpu', '--all']);
    expect(table.code, table.stderr).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+KIND\s+/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /\sgpu\s/.test(row))).toBe(true);

    const names = await tessera(['get', 'devices', '--kind', 'gpu', '--all', '-o', 'name']);
    expect(names.stdout.trimEnd().split('\n')).toHaveLength(rows.length);
  });

  it('composes 2 GPUs and 4 NVMe drives from YAML with --wait, describes it, and decomposes it', async () => {
    const spec = await specFile(
      'render-01.yaml',
      [
        'spec:',
        '  name: render-01',
        '  tenant: finance',
        '  hostSelector: {}',
        '  groups:',
        '    - {name: gpus, kind: gpu, count: 2}',
        '    - {name: disks, kind: nvme, count: 4}',
        '',
      ].join('\n'),
    );
    const composed = await tessera([
      'compose',
      '-f',
      spec,
      '--wait',
      '--timeout',
      '60s',
      '-o',
      'json',
    ]);
    expect(composed.code, composed.stderr).toBe(0);
    const ready = json(composed) as Composition;
    expect(ready.status.phase).toBe('Ready');
    expect(ready.status.devices.map((group) => group.deviceIds.length).sort()).toEqual([2, 4]);
    expect(composed.stderr).toContain(`composition ${ready.id}: Ready`);

    const described = await tessera(['describe', 'composition', ready.id]);
    expect(described.code, described.stderr).toBe(0);
    expect(described.stdout).toMatch(/^Phase:\s+Ready$/m);
    expect(described.stdout).toMatch(new RegExp(`^Host:\\s+${ready.status.hostId ?? '?'}$`, 'm'));
    expect(described.stdout).toMatch(/^Conditions:\n\s+TYPE\s+STATUS/m);
    for (const deviceId of ready.status.devices.flatMap((group) => group.deviceIds)) {
      expect(described.stdout).toContain(deviceId);
    }

    const listed = await tessera(['list', 'compositions', '--tenant', 'finance', '-o', 'name']);
    expect(listed.stdout.split('\n')).toContain(ready.id);

    const decomposed = await tessera([
      'decompose',
      ready.id,
      '--reason',
      'render done',
      '--wait',
      '-o',
      'yaml',
    ]);
    expect(decomposed.code, decomposed.stderr).toBe(0);
    expect(decomposed.stdout).toMatch(/^ {2}phase: Decomposed$/m);
  });

  it('replays the event stream as JSON lines, each with the id to resume from', async () => {
    const watched = await tessera([
      'watch',
      '--kind',
      'composition',
      '--tenant',
      'finance',
      '--no-follow',
      '-o',
      'json',
    ]);
    expect(watched.code, watched.stderr).toBe(0);
    const events = watched.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { eventId: string; kind: string; type: string });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.kind === 'composition')).toBe(true);
    expect(events.map((event) => event.type)).toContain('tessera.composer.v1.Decomposed');

    const rest = await tessera([
      'watch',
      '--no-follow',
      '--since',
      events[0]!.eventId,
      '--kind',
      'composition',
      '-o',
      'name',
    ]);
    expect(rest.stdout.trimEnd().split('\n')).toHaveLength(events.length - 1);
  });

  it('plans: capacity in a window, a lease admitted and cancelled', async () => {
    const spec = await specFile(
      'gpu-pair.yaml',
      'tenant: finance\nhostSelector: {}\ngroups: [{name: gpus, kind: gpu, count: 2}]\n',
    );
    const capacity = await tessera([
      'capacity',
      '-f',
      spec,
      '--from',
      '+1d',
      '--to',
      '+2d',
      '--count',
      '2',
      '-o',
      'json',
    ]);
    expect(capacity.code, capacity.stderr).toBe(0);
    expect(json(capacity)).toMatchObject({ outcome: 'Answered', wanted: 2, enough: true });

    const leaseFile = await specFile(
      'quarter-close.yaml',
      `tenant: finance\nname: quarter-close\ncount: 2\nspec: {hostSelector: {}, groups: [{name: gpus, kind: gpu, count: 2}]}\n`,
    );
    const created = await tessera([
      'lease',
      'create',
      '-f',
      leaseFile,
      '--start',
      '+1d',
      '--end',
      '+2d',
      '-o',
      'json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const lease = json(created) as { id: string; status: { phase: string; held: unknown[] } };
    expect(lease.status.phase).toBe('Admitted');
    expect(lease.status.held).toHaveLength(2);

    const described = await tessera(['describe', 'lease', lease.id]);
    expect(described.stdout).toMatch(/^Phase:\s+Admitted$/m);

    const cancelled = await tessera([
      'lease',
      'cancel',
      lease.id,
      '--reason',
      'moved',
      '-o',
      'yaml',
    ]);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toMatch(/^ {2}phase: Cancelled$/m);

    const tooMany = await tessera([
      'lease',
      'create',
      '-f',
      leaseFile,
      '--start',
      '+1d',
      '--end',
      '+2d',
      '--count',
      '1000',
    ]);
    expect(tooMany.code).toBe(ExitCode.refused);
    expect(tooMany.stderr).toContain('LEASE_REJECTED');
  });

  it('cordons and uncordons a device', async () => {
    const listed = (
      await tessera([
        'list',
        'devices',
        '--kind',
        'gpu',
        '--phase',
        'Available',
        '--page-size',
        '1',
        '-o',
        'name',
      ])
    ).stdout;
    const deviceId = listed.split('\n')[0] ?? '';
    expect(deviceId).not.toBe('');
    const cordoned = await tessera(['cordon', 'device', deviceId, '--reason', 'RMA 4711']);
    expect(cordoned.code, cordoned.stderr).toBe(0);
    expect(cordoned.stdout).toBe(`device ${deviceId} cordoned (phase Cordoned)\n`);
    const described = await tessera(['describe', 'device', deviceId]);
    expect(described.stdout).toMatch(/^Cordoned:\s+RMA 4711$/m);
    expect((await tessera(['uncordon', 'device', deviceId])).code).toBe(0);
    expect((await tessera(['cordon', 'device', deviceId])).code).toBe(ExitCode.usage);
  });

  it('names the bad field of a refused spec on stderr and exits 2', async () => {
    const spec = await specFile(
      'bad.json',
      JSON.stringify({
        name: 'bad-01',
        tenant: 'finance',
        groups: [{ name: 'gpus', kind: 'gpu', count: 'two' }],
      }),
    );
    const refused = await tessera(['compose', '-f', spec]);
    expect(refused.code).toBe(ExitCode.refused);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('spec.groups[0].count');
  });

  it('exits 1 for an unreadable file and for an unknown flag', async () => {
    expect((await tessera(['compose', '-f', path.join(workDir, 'missing.yaml')])).code).toBe(
      ExitCode.usage,
    );
    expect((await tessera(['list', 'devices', '--colour'])).code).toBe(ExitCode.usage);
  });

  it('exits 3 for an unknown composition', async () => {
    const missing = await tessera(['get', 'composition', 'c-does-not-exist']);
    expect(missing.code).toBe(ExitCode.notFound);
    expect(missing.stderr).toMatch(/^error: .*"c-does-not-exist".* \(404 [A-Z_]+\)$/m);
  });

  it('exits 4 without a token', async () => {
    const anonymous = await tessera(['list', 'compositions'], {
      env: {
        TESSERA_CONFIG: path.join(workDir, 'none.json'),
        TESSERA_SERVER: controlPlane().baseUrl,
      },
    });
    expect(anonymous.code).toBe(ExitCode.auth);
    expect(anonymous.stderr).toContain('tessera login');
  });

  it('exits 5 when nothing answers', async () => {
    const down = await tessera(['list', 'compositions', '--server', 'http://127.0.0.1:9']);
    expect(down.code).toBe(ExitCode.unavailable);
    expect(down.stderr).toContain('cannot reach http://127.0.0.1:9');
  });

  it('creates a token (secret once), lists it, and revokes it', async () => {
    const created = await tessera([
      'tokens',
      'create',
      '--name',
      'cli-quarter-end',
      '--grant',
      'operator:finance',
      '--expires',
      '30d',
      '-o',
      'json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const token = json(created) as { id: string; secret: string; grants: string[] };
    expect(token.secret).toMatch(/^tsr_/);
    expect(token.grants).toEqual(['operator:finance']);
    expect(created.stderr).toContain('shown this once');

    const asToken = await tessera(['list', 'compositions', '-o', 'json'], {
      env: { TESSERA_TOKEN: token.secret },
    });
    expect(asToken.code, asToken.stderr).toBe(0);

    const listed = await tessera(['tokens', 'list']);
    expect(listed.stdout).toMatch(
      new RegExp(`^${token.id}\\s+cli-quarter-end\\s+operator:finance`, 'm'),
    );
    expect(listed.stdout).not.toContain(token.secret);

    const revoked = await tessera(['tokens', 'revoke', token.id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const refused = await tessera(['list', 'compositions'], {
      env: { TESSERA_TOKEN: token.secret },
    });
    expect(refused.code).toBe(ExitCode.auth);
    expect((await tessera(['tokens', 'revoke', token.id])).code).toBe(ExitCode.notFound);
  });
});
