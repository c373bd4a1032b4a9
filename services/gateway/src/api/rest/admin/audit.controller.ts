import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { listAudit } from '../../../application/audit/list-audit.js';
import type { AuditLog, AuditRecord } from '../../../application/ports/audit-log.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { auditLogToken } from '../tokens.js';

export class AuditQueryParams {
  @ApiPropertyOptional({ description: "Only this tenant's entries" })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  tenant?: string;

  @ApiPropertyOptional({ example: 'token:quarter-end-automation' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: 'The `nextPageToken` of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,20}:\d{1,16}$/, { message: 'must be a nextPageToken of this API' })
  pageToken?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize?: number;
}

/** Who did what, when: every command the gateway answered, oldest first. */
@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(@Inject(auditLogToken) private readonly audit: AuditLog) {}

  @Get()
  @Requires('operator')
  @ApiOperation({ summary: 'The audit log of the tenants the caller operates' })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: AuditQueryParams,
  ): Promise<{ items: readonly AuditRecord[]; nextPageToken: string | undefined }> {
    const page = await listAudit(this.audit, caller.principal, {
      tenant: query.tenant,
      actor: query.actor,
      after: query.pageToken,
      limit: query.pageSize ?? 100,
    });
    return { items: page.items, nextPageToken: page.nextCursor };
  }
}
