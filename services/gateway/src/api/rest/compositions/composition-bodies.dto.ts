import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../paging.dto.js';
import { CompositionSpecDto, DeviceGroupDto } from './composition-spec.dto.js';

export class SpecBody {
  @ApiProperty({ type: CompositionSpecDto })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => CompositionSpecDto)
  spec!: CompositionSpecDto;
}

export class ReserveBody extends SpecBody {
  @ApiPropertyOptional({ minimum: 1, maximum: 3600, description: 'Default 300' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  holdSeconds?: number;
}

export class ExpandBody {
  @ApiProperty({ type: DeviceGroupDto, description: 'The group to add' })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => DeviceGroupDto)
  group!: DeviceGroupDto;
}

export class ShrinkBody {
  @ApiProperty({ type: [String], description: 'The devices to detach and release' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(256)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  deviceIds!: string[];
}

export class DecomposeBody {
  @ApiPropertyOptional({ description: 'Why, recorded with the events' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export const phaseNames = [
  'Requested',
  'Scheduled',
  'Attaching',
  'Ready',
  'Expanding',
  'Shrinking',
  'Healing',
  'Decomposing',
  'Decomposed',
  'Failed',
] as const;

export class ListCompositionsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Required when the caller sees several tenants but not all' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  tenant?: string;

  @ApiPropertyOptional({ enum: phaseNames })
  @IsOptional()
  @IsIn(phaseNames)
  phase?: (typeof phaseNames)[number];
}
