import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../paging.dto.js';
import { deviceKindNames, healthNames, lifecycleNames } from './inventory-names.js';

/** A value the expression can carry: no clause separator (`,`, ` and `) nor alternative (`|`). */
const clauseValue = /^(?![\s\S]*\sand\s)[^,|]+$/;
const clauseValueMessage = '$property cannot hold ",", "|" or " and "';

/**
 * What `GET /v1/devices` filters on. Every criterion given must hold; a list criterion (`kind`,
 * `health`, `lifecycle`: repeated or comma-separated) holds when any of its values does. The
 * criteria become clauses of the inventory's filter expression after the free `filter`, so the
 * inventory's "clause N" in a problem counts the clauses of `filter`.
 */
export class ListDevicesQuery extends PageQuery {
  @ApiPropertyOptional({ type: [String], enum: deviceKindNames, example: 'gpu' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => namesList(value))
  @IsIn(deviceKindNames, { each: true })
  kind?: string[];

  @ApiPropertyOptional({ type: [String], enum: healthNames })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => namesList(value))
  @IsIn(healthNames, { each: true })
  health?: string[];

  @ApiPropertyOptional({ type: [String], enum: lifecycleNames })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => namesList(value))
  @IsIn(lifecycleNames, { each: true })
  lifecycle?: string[];

  @ApiPropertyOptional({ example: 'NVIDIA' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(clauseValue, { message: clauseValueMessage })
  vendor?: string;

  @ApiPropertyOptional({ description: 'Attached to this fabric' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(clauseValue, { message: clauseValueMessage })
  fabric?: string;

  @ApiPropertyOptional({ description: 'Sitting in this enclosure' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(clauseValue, { message: clauseValueMessage })
  enclosure?: string;

  @ApiPropertyOptional({ description: 'Reachable from this host, locally or through a fabric' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(clauseValue, { message: clauseValueMessage })
  reachableFrom?: string;

  @ApiPropertyOptional({ description: 'Whether the scheduler may choose it now' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  schedulable?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: 'tier=gold',
    description: 'A label in effect, `key=value`; repeat for several (all must hold)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9][\w./-]*=[\w.-]*$/, { each: true, message: 'must be "key=value"' })
  label?: string[];

  @ApiPropertyOptional({
    example: 'kind=gpu, memoryGiB>=80',
    description:
      'A filter expression: clauses joined by "," or " and ", each `name op value` (kind, ' +
      'health, lifecycle, vendor, fabric, enclosure, reachableFrom, schedulable, label.<key>, ' +
      'or an attribute: memoryGiB, capacityTB, pcieGeneration, pcieLanes, bandwidthGbps, numaNode)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  filter?: string;
}

/** The query as one filter expression: `filter`'s clauses first, then each criterion. */
export function deviceFilterExpression(query: ListDevicesQuery): string {
  const clauses = [
    query.filter?.trim() ?? '',
    listClause('kind', query.kind),
    listClause('health', query.health),
    listClause('lifecycle', query.lifecycle),
    valueClause('vendor', query.vendor),
    valueClause('fabric', query.fabric),
    valueClause('enclosure', query.enclosure),
    valueClause('reachableFrom', query.reachableFrom),
    valueClause('schedulable', query.schedulable?.toString()),
    ...(query.label ?? []).map((label) => `label.${label}`),
  ];
  return clauses.filter((clause) => clause !== '').join(', ');
}

/** `gpu,fpga` or a repeated parameter, as one list of lower-case names. */
function namesList(value: unknown): unknown {
  const values: unknown = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(values)) return value;
  return (values as unknown[]).flatMap((entry) =>
    typeof entry === 'string' ? entry.split(',').map((name) => name.trim().toLowerCase()) : [entry],
  );
}

function listClause(name: string, values: readonly string[] | undefined): string {
  return values === undefined || values.length === 0 ? '' : `${name}=${values.join('|')}`;
}

function valueClause(name: string, value: string | undefined): string {
  return value === undefined ? '' : `${name}=${value}`;
}
