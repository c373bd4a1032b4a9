import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../paging.dto.js';
import { PlanningSpecDto } from './planning-spec.dto.js';

/**
 * A lease request: `count` compositions of `spec` held for [start, end). The names are the
 * RPC's, so that the composer's field problems (`end`, `spec.groups[0].count`) name what the
 * client sent. Whether the window is sound (end after start, start not past, at most 90 days)
 * is the composer's to judge.
 */
export class CreateLeaseBody {
  @ApiProperty({ example: 'finance' })
  @IsString()
  @MaxLength(63)
  tenant!: string;

  @ApiProperty({ example: 'quarter-close', description: "Also the compositions' default name" })
  @IsString()
  @MaxLength(63)
  name!: string;

  @ApiProperty({
    type: PlanningSpecDto,
    description:
      "A spec, or a template reference (`template`); name and tenant default to the lease's",
  })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => PlanningSpecDto)
  spec!: PlanningSpecDto;

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'How many compositions of the spec' })
  @IsInt()
  @Min(1)
  @Max(1000)
  count!: number;

  @ApiProperty({ example: '2030-01-01T00:00:00Z', description: 'Not in the past' })
  @IsISO8601({ strict: true })
  start!: string;

  @ApiProperty({ example: '2030-01-02T00:00:00Z', description: 'After start; at most 90 days' })
  @IsISO8601({ strict: true })
  end!: string;
}

export class CancelLeaseBody {
  @ApiPropertyOptional({ description: 'Why, recorded with the event' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export const leasePhaseNames = [
  'Requested',
  'Admitted',
  'Rejected',
  'Started',
  'Ended',
  'Cancelled',
] as const;

export class ListLeasesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Required when the caller sees several tenants but not all' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  tenant?: string;

  @ApiPropertyOptional({ enum: leasePhaseNames })
  @IsOptional()
  @IsIn(leasePhaseNames)
  phase?: (typeof leasePhaseNames)[number];
}
