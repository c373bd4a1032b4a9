import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class EventsQuery {
  @ApiPropertyOptional({
    example: 'composition,lease',
    description: 'Only these kinds: composition, lease, template, device, host, enclosure, …',
  })
  @IsOptional()
  @Matches(/^[a-z]+(,[a-z]+)*$/, {
    message: 'must be kinds separated by commas, e.g. composition,lease',
  })
  kind?: string;

  @ApiPropertyOptional({ description: "Only this tenant's events (no shared hardware events)" })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  tenant?: string;

  @ApiPropertyOptional({ description: 'Resume after this event id (the same as Last-Event-ID)' })
  @IsOptional()
  @Matches(/^\d{1,20}:\d{1,16}$/, { message: 'must be an event id this stream sent' })
  after?: string;

  @ApiPropertyOptional({ description: 'false: send what there is, then end (default true)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  follow?: boolean;
}
