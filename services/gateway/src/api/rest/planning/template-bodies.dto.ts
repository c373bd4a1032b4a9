import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { composer } from '@tessera/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/**
 * A template definition as the API reads it: the proto3 JSON form of
 * `tessera.composer.v1.TemplateDefinition`. Shapes and types are checked here; the composer
 * checks meaning (parameter bounds, placeholders, the body) and names the field
 * (`template.parameters[0].defaultValue`, `template.body.groups[0].count`).
 */

const parameterTypes = ['number', 'string', 'boolean'] as const;

/** A number, a string or a boolean: what a template parameter's value may be. */
function IsParameterValue(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isParameterValue',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' ||
          typeof value === 'boolean' ||
          (typeof value === 'number' && Number.isFinite(value)),
        defaultMessage: () => 'must be a number, a string or a boolean',
      },
    },
    options,
  );
}

export class TemplateParameterDto {
  @ApiProperty({ example: 'gpus' })
  @IsString()
  @MaxLength(63)
  name!: string;

  @ApiProperty({ enum: parameterTypes })
  @IsIn(parameterTypes)
  type!: (typeof parameterTypes)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }],
    description: 'Absent: the parameter is required',
  })
  @IsOptional()
  @IsParameterValue()
  defaultValue?: number | string | boolean;

  @ApiPropertyOptional({ description: 'Numbers only: the smallest value accepted' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;

  @ApiPropertyOptional({ description: 'Numbers only: the largest value accepted' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { oneOf: [{ type: 'number' }, { type: 'string' }] },
    description: 'Numbers and strings: the only values accepted; absent or empty: any',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsParameterValue({ each: true })
  allowed?: (number | string)[];
}

export class TemplateDefinitionDto {
  @ApiProperty({ example: 'gpu-node', description: 'A DNS label; the same across versions' })
  @IsString()
  @MaxLength(63)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ type: [TemplateParameterDto], description: 'Up to 32, distinct names' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => TemplateParameterDto)
  parameters?: TemplateParameterDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'A spec in the composer\'s stored shape (`host: {"hostId": …}` or `{"selector": {…}}`, ' +
      "`groups`, `labels`, …). A string that is exactly `${name}` becomes that parameter's " +
      'value (`"count": "${gpus}"`). It may leave out `name`; it may not set `template`.',
    example: {
      host: { selector: {} },
      groups: [{ name: 'gpus', kind: 'gpu', count: '${gpus}' }],
    },
  })
  @IsObject()
  body!: Record<string, unknown>;
}

export class DefineTemplateBody {
  @ApiProperty({ type: TemplateDefinitionDto })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => TemplateDefinitionDto)
  template!: TemplateDefinitionDto;
}

export class RetireTemplateBody {
  @ApiPropertyOptional({ description: 'Why, recorded with the event' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class GetTemplateQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'Absent: the latest version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

/** The validated definition as the composer's message (the body is its proto3 JSON form). */
export function definitionOf(definition: TemplateDefinitionDto): composer.TemplateDefinition {
  return composer.TemplateDefinition.fromJSON(JSON.parse(JSON.stringify(definition)));
}
