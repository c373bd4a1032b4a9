import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ExitCode } from './errors.js';
import { buildProgram, run } from './run.js';
import { fakeIo, jsonAnswer, problem } from './test-support/fake-io.js';

const composition = (phase: string, version: number) => ({
  id: 'c-1',
  tenant: 'finance',
  spec: { name: 'render-01' },
  status: {
    phase,
    reason: phase === 'Failed' ? 'no host reaches 2 GPUs' : '',
    conditions: [],
    devices: [],
  },
  version,
});

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

describe('help', () => {
  const { io } = fakeIo([]);
  const commands = allCommands(buildProgram(io)).filter((command) => command.name() !== 'help');

  it.each(commands.map((command) => [command.name(), command] as const))(
    '%s --help shows an example',
    (_name, command) => {
      expect(helpAfter(command)).toMatch(/Examples:\n {2}\$ tessera /);
    },
  );

  it('documents the exit codes in tessera --help, and exits 0', async () => {
    const { io: helpIo, output } = fakeIo([]);
    expect(await run(['--help'], helpIo)).toBe(0);
    expect(output.stdout).toContain('Exit codes:');
    expect(output.stdout).toMatch(/^ {2}6 {2}--wait ended in Failed, or timed out$/m);
  });
});

/** The text added after a command's built-in help (examples), as `--help` prints it. */
function helpAfter(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: () => undefined });
  command.outputHelp();
  return text;
}

describe('exit codes', () => {
  it('1 for a bad flag, an unknown resource and an unreadable file', async () => {
    expect(await run(['list', 'devices', '--colour'], fakeIo([]).io)).toBe(ExitCode.usage);
    const unknown = fakeIo([]);
    expect(await run(['list', 'gpus'], unknown.io)).toBe(ExitCode.usage);
    expect(unknown.output.stderr).toContain('unknown resource "gpus"');
    expect(await run(['compose', '-f', '/nonexistent/spec.yaml'], fakeIo([]).io)).toBe(
      ExitCode.usage,
    );
    expect(await run(['list', 'devices', '-o', 'xml'], fakeIo([]).io)).toBe(ExitCode.usage);
  });

  it('2 for a refused request, naming each bad field on stderr', async () => {
    const { io, output } = fakeIo(
      [
        {
          method: 'POST',
          path: '/v1/compositions',
          answer: () =>
            problem(400, 'VALIDATION_FAILED', 'the request is invalid: spec.groups[0].count', [
              { field: 'spec.groups[0].count', message: 'must be an integer number' },
            ]),
        },
      ],
      {
        stdin: '{"name":"x","tenant":"finance","groups":[{"name":"g","kind":"gpu","count":"two"}]}',
      },
    );
    expect(await run(['compose', '-f', '-'], io)).toBe(ExitCode.refused);
    expect(output.stdout).toBe('');
    expect(output.stderr).toBe(
      'error: the request is invalid: spec.groups[0].count (400 VALIDATION_FAILED)\n' +
        '  spec.groups[0].count: must be an integer number\n',
    );
  });

  it('prints a multi-line detail once: its first line, then each field', async () => {
    const { io, output, requests } = fakeIo(
      [
        {
          method: 'POST',
          path: '/v1/manifests',
          answer: () =>
            problem(
              400,
              'MANIFEST_INVALID',
              'the manifest has 2 problems:\n  kind: is required\n  sites: is required',
              [
                { field: 'kind', message: 'is required' },
                { field: 'sites', message: 'is required' },
              ],
            ),
        },
      ],
      { stdin: 'apiVersion: v1' },
    );
    expect(await run(['import', '-f', '-', '--name', 'lab'], io)).toBe(ExitCode.refused);
    expect(requests[0]?.url.search).toBe('?name=lab');
    expect(requests[0]?.headers.get('content-type')).toBe('application/yaml');
    expect(requests[0]?.body).toBe('apiVersion: v1');
    expect(output.stderr).toBe(
      'error: the manifest has 2 problems: (400 MANIFEST_INVALID)\n  kind: is required\n  sites: is required\n',
    );
  });

  it.each([
    [404, ExitCode.notFound],
    [409, ExitCode.refused],
    [401, ExitCode.auth],
    [403, ExitCode.auth],
    [500, ExitCode.unavailable],
    [503, ExitCode.unavailable],
  ])('maps HTTP %i to exit %i', async (status, code) => {
    const { io } = fakeIo([
      { path: '/v1/compositions/c-1', answer: () => problem(status, 'X', 'no') },
    ]);
    expect(await run(['get', 'composition', 'c-1'], io)).toBe(code);
  });

  it('5 when the server cannot be reached', async () => {
    const { io, output } = fakeIo([]);
    const unreachable = {
      ...io,
      fetch: (() =>
        Promise.reject(
          new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }),
        )) as typeof fetch,
    };
    expect(await run(['list', 'compositions'], unreachable)).toBe(ExitCode.unavailable);
    expect(output.stderr).toContain('cannot reach http://api.test: connect ECONNREFUSED');
  });

  it('4 without a token, with a hint to log in', async () => {
    const { io, output } = fakeIo(
      [{ path: '/v1/compositions', answer: () => problem(401, 'UNAUTHENTICATED', 'send a token') }],
      { env: { TESSERA_TOKEN: '' } },
    );
    expect(await run(['list', 'compositions'], io)).toBe(ExitCode.auth);
    expect(output.stderr).toContain('run `tessera login`');
  });
});

describe('compose --wait', () => {
  it('polls until Ready, prints the composition and exits 0', async () => {
    const phases = ['Scheduled', 'Attaching', 'Ready'];
    const { io, output, requests } = fakeIo(
      [
        {
          method: 'POST',
          path: '/v1/compositions',
          answer: () => jsonAnswer(composition('Requested', 1), 202),
        },
        {
          path: '/v1/compositions/c-1',
          answer: () => jsonAnswer(composition(phases.shift() ?? 'Ready', 4)),
        },
      ],
      { stdin: 'spec: {name: render-01, tenant: finance}' },
    );
    expect(
      await run(['compose', '-f', '-', '--wait', '--idempotency-key', 'k-1', '-o', 'json'], io),
    ).toBe(0);
    expect(JSON.parse(output.stdout)).toMatchObject({ id: 'c-1', status: { phase: 'Ready' } });
    expect(requests[0]?.body).toEqual({ spec: { name: 'render-01', tenant: 'finance' } });
    expect(requests[0]?.headers.get('idempotency-key')).toBe('k-1');
    expect(output.stderr).toContain('composition c-1: Attaching');
  });

  it('exits 6 with the reason when the composition fails', async () => {
    const { io, output } = fakeIo(
      [
        {
          method: 'POST',
          path: '/v1/compositions',
          answer: () => jsonAnswer(composition('Requested', 1), 202),
        },
        { path: '/v1/compositions/c-1', answer: () => jsonAnswer(composition('Failed', 2)) },
      ],
      { stdin: '{"name":"render-01","tenant":"finance"}' },
    );
    expect(await run(['compose', '-f', '-', '--wait'], io)).toBe(ExitCode.waitFailed);
    expect(output.stdout).toMatch(/^c-1\s+render-01\s+finance\s+Failed/m);
    expect(output.stderr).toContain('error: composition c-1 failed: no host reaches 2 GPUs');
  });

  it('exits 6 when the timeout passes first', async () => {
    const { io, output } = fakeIo(
      [
        {
          method: 'POST',
          path: '/v1/compositions',
          answer: () => jsonAnswer(composition('Requested', 1), 202),
        },
        { path: '/v1/compositions/c-1', answer: () => jsonAnswer(composition('Attaching', 2)) },
      ],
      { stdin: '{}' },
    );
    expect(await run(['compose', '-f', '-', '--wait', '--timeout', '0s'], io)).toBe(
      ExitCode.waitFailed,
    );
    expect(output.stderr).toContain('is Requested, not Ready, after 0s');
  });

  it('expand --wait does not take the Ready it started from for the end', async () => {
    const answers = [composition('Ready', 3), composition('Expanding', 4), composition('Ready', 5)];
    const { io, output } = fakeIo(
      [
        {
          method: 'POST',
          path: '/v1/compositions/c-1/expand',
          answer: () => jsonAnswer(composition('Ready', 3), 202),
        },
        {
          path: '/v1/compositions/c-1',
          answer: () => jsonAnswer(answers.shift() ?? composition('Ready', 5)),
        },
      ],
      { stdin: 'group: {name: more, kind: nvme, count: 1}' },
    );
    expect(await run(['expand', 'c-1', '-f', '-', '--wait', '-o', 'json'], io)).toBe(0);
    expect(JSON.parse(output.stdout)).toMatchObject({ version: 5 });
  });
});

describe('list', () => {
  const page = (items: unknown[], nextPageToken?: string) => jsonAnswer({ items, nextPageToken });

  it('sends the filters and follows nextPageToken with --all', async () => {
    const { io, output, requests } = fakeIo([
      {
        path: '/v1/devices',
        answer: (request) =>
          request.url.searchParams.get('pageToken') === 'p2'
            ? page([{ id: 'gpu-2', kind: 'gpu' }])
            : page([{ id: 'gpu-1', kind: 'gpu' }], 'p2'),
      },
    ]);
    expect(await run(['list', 'devices', '--kind', 'gpu', '--all', '-o', 'name'], io)).toBe(0);
    expect(output.stdout).toBe('gpu-1\ngpu-2\n');
    expect(requests.map((request) => request.url.search)).toEqual([
      '?kind=gpu',
      '?kind=gpu&pageToken=p2',
    ]);
  });

  it('says on stderr where the next page starts, keeping stdout for data', async () => {
    const { io, output } = fakeIo([
      { path: '/v1/devices', answer: () => page([{ id: 'gpu-1' }], 'p2') },
    ]);
    expect(await run(['list', 'devices', '-o', 'json'], io)).toBe(0);
    expect(JSON.parse(output.stdout)).toEqual([{ id: 'gpu-1' }]);
    expect(output.stderr).toContain('--page-token p2');
  });

  it('refuses a filter the resource does not take', async () => {
    const { io, output } = fakeIo([]);
    expect(await run(['list', 'tokens', '--phase', 'Ready'], io)).toBe(ExitCode.usage);
    expect(output.stderr).toContain('--phase does not apply to tokens');
  });
});
