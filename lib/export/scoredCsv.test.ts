import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { csvText, scoredCsv } from './scoredCsv';

describe('the scored CSV', () => {
  it('keeps formula-like text inert and quotes what needs quoting', () => {
    expect(csvText('=cmd()')).toBe("'=cmd()");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-2+3')).toBe("'-2+3");
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvText('plain')).toBe('plain');
  });

  it('writes the columns, each action\'s calibrated p and the value score Σ w·p', () => {
    const table: Table = {
      source: 't.csv',
      rowCount: 2,
      columns: [
        { kind: 'string', name: 'user', codes: new Int32Array([0, -1]), dictionary: ['=evil()'] },
        { kind: 'number', name: 'price', values: new Float64Array([-3.5, NaN]), missing: new Uint8Array([0, 1]) },
      ],
    };
    const csv = scoredCsv(table, ['click', 'report'], [new Float32Array([0.5, 0.25]), new Float32Array([0.0625, 0.125])], { click: 2, report: -10 });
    expect(csv.split('\n')).toEqual(['user,price,p_click,p_report,value_score', "'=evil(),-3.5,0.500000,0.0625000,0.375000", ',,0.250000,0.125000,-0.750000', '']);
  });
});
