import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { composer } from '@tessera/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CompositionSpecDto } from '../compositions/composition-spec.dto.js';

/**
 * A composition spec in a planning question (capacity, lease): the composition spec's shape and
 * checks, but `name` and `tenant` may be left out. Capacity does not depend on the name, a lease
 * gives both to its compositions, and a template (`template`) may set them.
 */
export class PlanningSpecDto extends OmitType(CompositionSpecDto, ['name', 'tenant'] as const) {
  @ApiPropertyOptional({ example: 'render-01', description: "Default: the lease's name" })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  name?: string;

  @ApiPropertyOptional({ example: 'finance', description: "Default: the lease's tenant" })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  tenant?: string;
}

/** The validated spec as the composer's message (the body is its proto3 JSON form). */
export function planningSpecOf(spec: PlanningSpecDto): composer.CompositionSpec {
  return composer.CompositionSpec.fromJSON(JSON.parse(JSON.stringify(spec)));
}
