import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { renderItem } from '../output/format.js';
import { resourceView } from '../output/resource-views.js';
import { positiveIntegerOrZero, printDocument, printList } from './get.js';
import { resourceType } from './resources.js';
import { sessionOf, withExamples } from './session.js';

/** Tenants' device quotas: list (viewers), set and remove (platform admins). */
export function registerQuotaCommands(program: Command, io: CliIo): void {
  const quotas = program
    .command('quotas')
    .alias('quota')
    .summary('Device quotas per tenant: list, set, remove')
    .description('The most devices of a kind a tenant may hold at once, with what it holds now');
  withExamples(
    quotas,
    '$ tessera quotas list --tenant finance',
    '$ tessera quotas set finance gpu 16',
  );

  withExamples(
    quotas
      .command('list')
      .alias('ls')
      .description("A tenant's quotas with usage (every tenant's for a platform viewer)")
      .option('--tenant <tenant>', 'the tenant (needed when you see several)'),
    '$ tessera quotas list --tenant finance',
  ).action(async (options: { tenant?: string }, command: Command) => {
    await printList(sessionOf(command, io), resourceType('quotas'), options);
  });

  withExamples(
    quotas
      .command('set')
      .description("Set a tenant's quota of a kind; lowering it takes nothing away")
      .argument('<tenant>', 'the tenant')
      .argument('<kind>', 'the device kind: gpu, nvme, …')
      .argument('<maxDevices>', 'the most devices at once (0 to 1000000)', positiveIntegerOrZero),
    '$ tessera quotas set finance gpu 16',
  ).action(
    async (
      tenant: string,
      kind: string,
      maxDevices: number,
      _options: unknown,
      command: Command,
    ) => {
      const session = sessionOf(command, io);
      const client = await session.client();
      const quota = (await client.request('PUT', quotaPath(tenant, kind), { body: { maxDevices } }))
        .body;
      session.print(
        renderItem(
          session.format,
          resourceView('quotas', () => session.now()),
          quota,
        ),
      );
    },
  );

  withExamples(
    quotas
      .command('remove')
      .description("Remove a tenant's quota of a kind: no limit")
      .argument('<tenant>', 'the tenant')
      .argument('<kind>', 'the device kind'),
    '$ tessera quotas remove finance gpu',
  ).action(async (tenant: string, kind: string, _options: unknown, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    await client.delete(quotaPath(tenant, kind));
    printDocument(session, { tenant, kind, removed: true }, () =>
      session.format === 'name'
        ? `${tenant}/${kind}\n`
        : `quota of ${kind} for ${tenant} removed\n`,
    );
  });
}

function quotaPath(tenant: string, kind: string): string {
  return `/v1/quotas/${encodeURIComponent(tenant)}/${encodeURIComponent(kind)}`;
}
