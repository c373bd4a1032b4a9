import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ApiClient, QueryValue } from '../client/api-client.js';
import { listItems, type Page } from '../client/paging.js';
import { ApiError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { describeResource } from '../output/describe.js';
import { renderDocument, renderItem, renderItems } from '../output/format.js';
import { resourceView } from '../output/resource-views.js';
import { cellText, valueAt } from '../output/values.js';
import {
  type FilterFlag,
  itemPath,
  resourceNames,
  type ResourceType,
  resourceType,
} from './resources.js';
import { type Session, sessionOf, withExamples } from './session.js';

interface ListOptions {
  readonly kind?: string;
  readonly tenant?: string;
  readonly phase?: string;
  readonly health?: string;
  readonly label?: string[];
  readonly reachableFrom?: string;
  readonly actor?: string;
  readonly filter?: string;
  readonly all?: boolean;
  readonly pageSize?: number;
  readonly pageToken?: string;
}

const filterFlags: readonly FilterFlag[] = [
  'kind',
  'tenant',
  'phase',
  'health',
  'label',
  'reachableFrom',
  'actor',
  'filter',
];

/** `reachableFrom` → `--reachable-from`, as the flag is typed. */
function flagOf(filter: FilterFlag): string {
  return `--${filter.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export function registerGetCommands(program: Command, io: CliIo): void {
  const resources = resourceNames.join(', ');
  withExamples(
    withListOptions(
      program
        .command('get')
        .summary('Show one resource, or list them')
        .description(`Show one resource by id, or list them (${resources})`)
        .argument('<resource>', 'what to show, e.g. devices, compositions, leases')
        .argument('[id]', 'one resource; absent: the list'),
    ),
    '$ tessera get devices --kind gpu --phase Available',
    '$ tessera get devices --filter "kind=gpu, memoryGiB>=80" --reachable-from host-7',
    '$ tessera get composition c-5f2e9a -o yaml',
    '$ tessera get compositions --tenant finance --phase Ready -o name',
  ).action(
    async (resource: string, id: string | undefined, options: ListOptions, command: Command) => {
      const session = sessionOf(command, io);
      const type = resourceType(resource);
      if (id === undefined) await printList(session, type, options);
      else await printOne(session, type, id);
    },
  );

  withExamples(
    withListOptions(
      program
        .command('list')
        .alias('ls')
        .summary('List resources')
        .description(`List resources (${resources}), one page or --all`)
        .argument('<resource>', 'what to list'),
    ),
    '$ tessera list devices --kind gpu --all',
    '$ tessera list audit --tenant finance --actor token:quarter-end -o json',
    '$ tessera list compositions --phase Failed -o name | xargs -n1 tessera decompose',
  ).action(async (resource: string, options: ListOptions, command: Command) => {
    await printList(sessionOf(command, io), resourceType(resource), options);
  });

  withExamples(
    program
      .command('describe')
      .summary('Show one resource in detail')
      .description(
        'Show one resource in detail: for a composition its phase, conditions, host and devices',
      )
      .argument('<resource>', 'e.g. composition, lease, device')
      .argument('<id>', 'its id (a template: its name)'),
    '$ tessera describe composition c-5f2e9a',
    '$ tessera describe lease l-0b7d3c',
  ).action(async (resource: string, id: string, _options: unknown, command: Command) => {
    const session = sessionOf(command, io);
    const type = resourceType(resource);
    const item = await readOne(await session.client(), type, id);
    if (session.format === 'table') session.print(describeResource(type.name, item));
    else
      session.print(
        renderItem(
          session.format,
          resourceView(type.name, () => session.now()),
          item,
        ),
      );
  });
}

function withListOptions(command: Command): Command {
  return command
    .option('--kind <kinds>', 'devices: gpu, nvme, nic, … (comma-separated: any of them)')
    .option('--tenant <tenant>', "only this tenant's (compositions, leases, quotas, audit)")
    .option(
      '--phase <phase>',
      'compositions: Ready, Failed, …; leases: Admitted, Started, …; devices: Available, Cordoned, …',
    )
    .option('--health <health>', 'devices: ok, warning, critical (comma-separated)')
    .addOption(
      new Option('--label <key=value>', 'devices: a label in effect; repeat for several').argParser(
        (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
      ),
    )
    .option('--reachable-from <host>', 'devices: reachable from this host')
    .option('--actor <actor>', 'audit: only this caller, e.g. token:quarter-end')
    .option('--filter <expression>', 'devices: e.g. "memoryGiB>=80, vendor=NVIDIA"')
    .option('--all', 'follow nextPageToken to the last page')
    .addOption(new Option('--page-size <n>', 'items per page (1-1000)').argParser(positiveInteger))
    .option('--page-token <token>', 'go on from a previous page');
}

/** Prints a list in the session's format, with a hint on stderr when more pages follow. */
export async function printList(
  session: Session,
  type: ResourceType,
  options: ListOptions,
): Promise<void> {
  const page = await readList(await session.client(), type, options);
  const view = resourceView(type.name, () => session.now());
  session.print(renderItems(session.format, view, page.items));
  if (page.items.length === 0 && session.format === 'table') session.note(`No ${type.name} found.`);
  if (page.nextPageToken !== undefined) {
    session.note(`More ${type.name}: add --page-token ${page.nextPageToken} (or --all).`);
  }
}

async function printOne(session: Session, type: ResourceType, id: string): Promise<void> {
  const item = await readOne(await session.client(), type, id);
  const view = resourceView(type.name, () => session.now());
  session.print(
    Array.isArray(item)
      ? renderItems(session.format, view, item)
      : renderItem(session.format, view, item),
  );
}

/** A list as the resource's endpoint pages it, with the filters it takes. */
export async function readList(
  client: ApiClient,
  type: ResourceType,
  options: ListOptions,
): Promise<Page> {
  const query: Record<string, QueryValue> = {};
  for (const flag of filterFlags) {
    const value = options[flag];
    if (value === undefined) continue;
    const parameter = type.filters[flag];
    if (parameter === undefined) {
      const taken = (Object.keys(type.filters) as FilterFlag[]).map(flagOf);
      throw new UsageError(`${flagOf(flag)} does not apply to ${type.name}`, [
        taken.length === 0
          ? `${type.name} take no filters`
          : `${type.name} take ${taken.join(', ')}`,
      ]);
    }
    query[parameter] = value;
  }
  if (type.paged) {
    query.pageSize = options.pageSize;
    query.pageToken = options.pageToken;
  } else if (options.pageSize !== undefined || options.pageToken !== undefined) {
    throw new UsageError(`${type.name} are not paged: drop --page-size and --page-token`);
  }
  return listItems(client, { path: type.path, query, all: options.all === true });
}

/** One resource: from its own path, or found in the list when there is none. */
export async function readOne(client: ApiClient, type: ResourceType, id: string): Promise<unknown> {
  if (type.lookup === 'path') return (await client.get(itemPath(type, id))).body;
  const { items } = await listItems(client, { path: type.path, query: {}, all: true });
  const found = items.filter((item) => cellText(valueAt(item, type.idField)) === id);
  if (found.length === 0) {
    throw new ApiError({
      status: 404,
      code: 'NOT_FOUND',
      detail: `${type.name} "${id}" does not exist`,
    });
  }
  return found.length === 1 ? found[0] : found;
}

/** An option's parser: a whole number from 1 (commander reports the flag when it throws). */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('must be a whole number from 1.');
  }
  return parsed;
}

/** An argument's parser: a whole number from 0. */
export function positiveIntegerOrZero(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new InvalidArgumentError('must be a whole number from 0.');
  }
  return parsed;
}

/** A document in the format asked, for answers that are no resource of the registry. */
export function printDocument(session: Session, value: unknown, table: () => string): void {
  switch (session.format) {
    case 'json':
    case 'yaml':
      session.print(renderDocument(session.format, value));
      return;
    case 'name':
    case 'table':
      session.print(table());
      return;
    default: {
      const unknown: never = session.format;
      throw new UsageError(`unknown output format "${String(unknown)}"`);
    }
  }
}
