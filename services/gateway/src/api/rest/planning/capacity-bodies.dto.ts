import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsISO8601, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { PlanningSpecDto } from './planning-spec.dto.js';

/**
 * A capacity question: how many compositions of `spec` fit at once during the window, devices
 * promised to leases in it left out. The names are the RPC's, so that the composer's field
 * problems (`windowEnd`, `spec.groups[0].count`) name what the client sent.
 */
export class CapacityBody {
  @ApiProperty({
    type: PlanningSpecDto,
    description: 'A spec, or a template reference (`template`) with overrides',
  })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => PlanningSpecDto)
  spec!: PlanningSpecDto;

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'How many are wanted at once' })
  @IsInt()
  @Min(1)
  @Max(1000)
  wanted!: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1000,
    description: 'Count on up to this many (at least `wanted`) to learn how many more fit',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiProperty({ example: '2030-01-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  windowStart!: string;

  @ApiProperty({ example: '2030-01-02T00:00:00Z', description: 'After windowStart' })
  @IsISO8601({ strict: true })
  windowEnd!: string;
}

export class CapacityTimelineQuery {
  @ApiProperty({ example: '2030-01-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  start!: string;

  @ApiProperty({ example: '2030-01-02T00:00:00Z', description: 'After start' })
  @IsISO8601({ strict: true })
  end!: string;

  @ApiProperty({ minimum: 60, description: 'The length of a step; at most 1000 steps' })
  @Type(() => Number)
  @IsInt()
  @Min(60)
  stepSeconds!: number;
}
