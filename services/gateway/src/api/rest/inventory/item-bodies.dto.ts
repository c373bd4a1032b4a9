import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsStringMap } from '../string-map.validator.js';
import { healthNames } from './inventory-names.js';

/**
 * The bodies of operators' commands on hardware. The inventory records the reason with the
 * event and checks the rest (label syntax, a retired item) and names the field.
 */

export class ReasonBody {
  @ApiProperty({ maxLength: 500, example: 'RMA 4711: fan failure' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class UncordonBody {
  @ApiPropertyOptional({ maxLength: 500, description: 'Default: who asked' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class LabelsBody {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { tier: 'gold' },
    description:
      "The operators' labels, replacing those set before ({} clears them); they override the source's",
  })
  @IsStringMap()
  labels!: Record<string, string>;
}

export class HealthBody extends ReasonBody {
  @ApiProperty({ enum: healthNames })
  @IsIn(healthNames)
  health!: string;
}
