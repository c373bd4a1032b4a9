import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsOptional,
  Matches,
} from 'class-validator';

export class IssueTokenBody {
  @ApiProperty({ example: 'quarter-end-automation', description: 'Unique among active tokens' })
  @Matches(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, {
    message: 'must be 1 to 63 lowercase letters, digits or "-", starting and ending alphanumeric',
  })
  name!: string;

  @ApiProperty({
    type: [String],
    example: ['operator:finance'],
    description: '`role:tenant` with role viewer, operator or admin; tenant `*` is every tenant',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(32)
  @Matches(/^(viewer|operator|admin):(\*|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)$/, {
    each: true,
    message: 'each must be role:tenant, role viewer, operator or admin, tenant a name or *',
  })
  grants!: string[];

  @ApiPropertyOptional({ example: '2027-01-04T00:00:00Z', description: 'Absent: never expires' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
