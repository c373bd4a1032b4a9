import { describe, expect, it } from 'vitest';
import { databaseUrlFor } from './bench-database.js';

describe('databaseUrlFor', () => {
  it('points the server URL at the benchmark database, keeping everything else', () => {
    expect(databaseUrlFor('postgres://postgres@127.0.0.1:5432/postgres', 'bench_1')).toBe(
      'postgres://postgres@127.0.0.1:5432/bench_1',
    );
    expect(databaseUrlFor('postgresql://u:secret@db:6543/app?sslmode=disable', 'bench_2')).toBe(
      'postgresql://u:secret@db:6543/bench_2?sslmode=disable',
    );
  });

  it('adds the database to a URL that names none', () => {
    expect(databaseUrlFor('postgres://postgres@127.0.0.1:5432', 'bench_3')).toBe(
      'postgres://postgres@127.0.0.1:5432/bench_3',
    );
  });
});
