import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsStringMap } from '../string-map.validator.js';

/**
 * The composition spec as the API reads it: the proto3 JSON form of
 * `tessera.composer.v1.CompositionSpec` (camelCase names). These classes check shapes and
 * types; the composer checks meaning (known kinds, satisfiable constraints) and names the field.
 */

const selectorOps = ['<', '<=', '=', '!=', '>=', '>', 'in', 'not-in'] as const;

export class DeviceSelectorDto {
  @ApiPropertyOptional({ description: 'A numeric attribute, e.g. memoryGiB, capacityTB' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  attribute?: string;

  @ApiPropertyOptional({ enum: ['model', 'vendor'], description: 'Tested against `values`' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  field?: string;

  @ApiProperty({ enum: selectorOps })
  @IsIn(selectorOps)
  op!: string;

  @ApiPropertyOptional({ description: 'The number an attribute is compared with' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @ApiPropertyOptional({ type: [String], description: 'For `in` and `not-in`' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  values?: string[];
}

export class GroupConstraintsDto {
  @ApiPropertyOptional({ description: '"host", or another group\'s name (peer-to-peer)' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  sameSwitchAs?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 16 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(16)
  maxHops?: number;

  @ApiPropertyOptional({ enum: ['enclosure', 'rack'] })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  spreadAcross?: string;

  @ApiPropertyOptional({ description: 'May use a device other compositions share' })
  @IsOptional()
  @IsBoolean()
  allowShared?: boolean;
}

export class DeviceGroupAlternativeDto {
  @ApiProperty({ example: 'gpu' })
  @IsString()
  @MaxLength(40)
  kind!: string;

  @ApiProperty({ minimum: 1, example: 2 })
  @IsInt()
  count!: number;

  @ApiPropertyOptional({ type: [DeviceSelectorDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => DeviceSelectorDto)
  selectors?: DeviceSelectorDto[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsStringMap()
  labels?: Record<string, string>;

  @ApiPropertyOptional({ type: GroupConstraintsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupConstraintsDto)
  constraints?: GroupConstraintsDto;
}

export class DeviceGroupDto extends DeviceGroupAlternativeDto {
  @ApiProperty({ example: 'gpus', description: 'Unique within the spec' })
  @IsString()
  @MaxLength(63)
  name!: string;

  @ApiPropertyOptional({
    type: [DeviceGroupAlternativeDto],
    description: 'Tried in order when the group itself does not fit',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => DeviceGroupAlternativeDto)
  alternatives?: DeviceGroupAlternativeDto[];
}

export class HostSelectorDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  minCores?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minMemoryGib?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsStringMap()
  labels?: Record<string, string>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(253)
  site?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(253)
  rack?: string;
}

export class HealingDto {
  @ApiProperty({ description: 'Replace a device reported failed while the composition is ready' })
  @IsBoolean()
  replaceFailed!: boolean;
}

export class TemplateReferenceDto {
  @ApiProperty()
  @IsString()
  @MaxLength(63)
  name!: string;

  @ApiPropertyOptional({ description: 'Absent: the latest version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  parameters?: Record<string, unknown>;
}

export class CompositionSpecDto {
  @ApiProperty({ example: 'render-01' })
  @IsString()
  @MaxLength(63)
  name!: string;

  @ApiProperty({ example: 'finance' })
  @IsString()
  @MaxLength(63)
  tenant!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsStringMap()
  labels?: Record<string, string>;

  @ApiPropertyOptional({ description: 'A specific host; or give hostSelector' })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  hostId?: string;

  @ApiPropertyOptional({ type: HostSelectorDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HostSelectorDto)
  hostSelector?: HostSelectorDto;

  @ApiPropertyOptional({ type: [DeviceGroupDto], description: '1 to 16 groups' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(16)
  @ValidateNested({ each: true })
  @Type(() => DeviceGroupDto)
  groups?: DeviceGroupDto[];

  @ApiPropertyOptional({ type: HealingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HealingDto)
  healing?: HealingDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  priority?: number;

  @ApiPropertyOptional({ type: TemplateReferenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateReferenceDto)
  template?: TemplateReferenceDto;
}
