import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { describeNumericColumns } from './describe';

describe('describeNumericColumns (danfojs)', () => {
  it('summarises present values only and skips text columns', async () => {
    const table: Table = {
      source: 't',
      rowCount: 5,
      columns: [
        { kind: 'number', name: 'x', values: Float64Array.from([1, 2, 3, NaN, 10]), missing: Uint8Array.from([0, 0, 0, 1, 0]) },
        { kind: 'string', name: 's', codes: Int32Array.from([0, 0, 0, 0, 0]), dictionary: ['a'] },
      ],
    };
    const [x, ...rest] = await describeNumericColumns(table);
    expect(rest).toEqual([]);
    // present values 1, 2, 3, 10: mean 4, median 2.5, sample std sqrt(50/3) = 4.0825
    expect(x).toMatchObject({ column: 'x', count: 4, mean: 4, min: 1, median: 2.5, max: 10 });
    expect(x.std).toBeCloseTo(4.082483, 5);
  });
});
