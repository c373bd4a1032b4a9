import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Cursor paging: `pageSize` items, then the next page from the answer's `nextPageToken`. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: "Default: the service's" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The `nextPageToken` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  pageToken?: string;
}

/** One page of a list, and where the next begins (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextPageToken: string | undefined;
}

export function pageRequestOf(query: PageQuery): { pageSize: number; pageToken: string } {
  return { pageSize: query.pageSize ?? 0, pageToken: query.pageToken ?? '' };
}

export function pageOf<T>(
  items: readonly T[],
  page: { nextPageToken: string } | undefined,
): Page<T> {
  const next = page?.nextPageToken ?? '';
  return { items, nextPageToken: next === '' ? undefined : next };
}
