import { describe, expect, it } from 'vitest';
import { renderFields, renderTable } from './table.js';

describe('renderTable', () => {
  const columns = [
    { header: 'id', cell: (row: { id: string; phase: string }) => row.id },
    { header: 'phase', cell: (row: { id: string; phase: string }) => row.phase },
  ];

  it('aligns columns under upper-case headings, two spaces apart, without trailing blanks', () => {
    expect(
      renderTable(columns, [
        { id: 'c-1', phase: 'Ready' },
        { id: 'c-1234', phase: 'Attaching' },
      ]),
    ).toBe('ID      PHASE\nc-1     Ready\nc-1234  Attaching\n');
  });

  it('keeps a row on one line when a cell holds line breaks', () => {
    expect(renderTable(columns, [{ id: 'c-1', phase: 'Failed\nno host' }])).toBe(
      'ID   PHASE\nc-1  Failed no host\n',
    );
  });

  it('counts characters, not UTF-16 units, when padding', () => {
    expect(
      renderTable(columns, [
        { id: 'ünï', phase: 'x' },
        { id: '🖥️', phase: 'y' },
      ]),
    ).toBe('ID   PHASE\nünï  x\n🖥️    y\n');
  });
});

describe('renderFields', () => {
  it('aligns the values after the keys', () => {
    expect(
      renderFields([
        ['Phase', 'Ready'],
        ['Host', 'h-1'],
      ]),
    ).toBe('Phase:  Ready\nHost:   h-1\n');
  });
});
