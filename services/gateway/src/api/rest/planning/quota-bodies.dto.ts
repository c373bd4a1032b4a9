import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { composer } from '@tessera/contracts';

export class ListQuotasQuery {
  @ApiPropertyOptional({ description: 'Required when the caller sees several tenants but not all' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  tenant?: string;
}

/** The quota a path names: a tenant's quota of one device kind. */
export class QuotaPath {
  @ApiProperty({ example: 'finance' })
  @IsString()
  @MaxLength(63)
  tenant!: string;

  @ApiProperty({ example: 'gpu', description: 'A kind of the shared vocabulary' })
  @IsString()
  @MaxLength(40)
  kind!: string;
}

export class SetQuotaBody {
  @ApiProperty({
    minimum: 0,
    maximum: 1_000_000,
    description: "The most devices of the kind the tenant's compositions may hold at once",
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  maxDevices!: number;
}

/** A quota as the API answers it, with what the tenant holds now (reserved or attached). */
export interface QuotaResource {
  readonly tenant: string;
  readonly kind: string;
  readonly maxDevices: number;
  readonly inUse: number;
}

/** Every count present: proto3 JSON would leave out a quota of 0, the strictest one. */
export function quotaResource(quota: composer.TenantQuota): QuotaResource {
  return {
    tenant: quota.tenant,
    kind: quota.kind,
    maxDevices: quota.maxDevices,
    inUse: quota.inUse,
  };
}
