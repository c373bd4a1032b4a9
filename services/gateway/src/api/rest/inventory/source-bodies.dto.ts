import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';

/** A Redfish service to discover hardware from. The inventory checks the rest and names it. */
export class RegisterSourceBody {
  @ApiProperty({ example: 'bmc-fra1', description: "Names the source and prefixes its items' ids" })
  @Matches(/^[a-z0-9-]{1,63}$/, { message: 'id must be 1-63 of a-z, 0-9 and "-"' })
  id!: string;

  @ApiProperty({
    example: 'https://bmc.example:443',
    description: "The Redfish service's base URL",
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    minimum: 10,
    maximum: 86400,
    description: 'How often it is read; default 300',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(86400)
  intervalSeconds?: number;

  @ApiPropertyOptional({
    description: 'Basic credentials: give both or neither; never shown again',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  username?: string;

  @ApiPropertyOptional({
    writeOnly: true,
    description: 'Kept apart from the events; never shown again',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;
}

export class RemoveSourceQuery {
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Why, recorded with the event; default: who asked',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export const defaultIntervalSeconds = 300;
