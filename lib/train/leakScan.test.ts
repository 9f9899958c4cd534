import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../data/parse';
import { applyDerived } from '../formulate/derived';
import { targetSources } from '../formulate/leaks';
import type { FeatureSpec, ProblemSpec } from '../formulate/spec';
import { DEFAULT_TRAIN_CONFIG } from './config';
import { scanLeaks } from './leakScan';
import { prepareData } from './prepare';
import { binaryValues, getColumn } from '../data/table';

/** A ratings log: rating decides `like`; `score` is a copy of the rating on another scale; genre and hour carry a little signal. */
function ratingsLog(rows = 2000) {
  let s = 3;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const lines = ['user_id,item_id,genre,hour,score_x10,bracket,rating'];
  for (let i = 0; i < rows; i++) {
    const rating = 1 + Math.floor(rand() * 5);
    lines.push(`u${i % 97},i${Math.floor(rand() * 300)},${['drama', 'comedy', 'news'][i % 3]},${Math.floor(rand() * 24)},${rating * 10 + 3},${rating >= 4 ? 'high' : rating === 3 ? 'mid' : 'low'},${rating}`);
  }
  return parseDelimited(lines.join('\n'), 'ratings.csv');
}

const like = { kind: 'compare' as const, name: 'like', column: 'rating', op: '>=' as const, value: 4 };

describe('the leak guard', () => {
  it('names the columns a target was built from, through derived actions built on derived actions', () => {
    const derived = [like, { kind: 'ratio' as const, name: 'share', numerator: 'hour', denominator: 'rating', op: '>' as const, value: 2 }, { kind: 'combine' as const, name: 'both', op: 'and' as const, inputs: ['like', 'share'] }];
    expect([...targetSources(derived, ['both'])]).toEqual([['like', ['both']], ['rating', ['both']], ['share', ['both']], ['hour', ['both']]]);
    expect([...targetSources(derived, ['like'])]).toEqual([['rating', ['like']]]);
  });

  it('finds features that alone predict a target (a rescaled copy, a bracket of it), but not ordinary or many-valued ones', () => {
    const table = applyDerived(ratingsLog(), [like]);
    const y = binaryValues(getColumn(table, 'like'));
    const rows = Int32Array.from({ length: table.rowCount }, (_, i) => i);
    const features = [
      { column: 'score_x10', encoding: 'numeric' as const, log: false },
      { column: 'bracket', encoding: 'embedding' as const, minCount: 1 },
      { column: 'genre', encoding: 'embedding' as const, minCount: 1 },
      { column: 'hour', encoding: 'numeric' as const, log: false },
      // 300 items over 2,000 rows: in-sample rates would look like a leak; cross-fitted ones do not.
      { column: 'item_id', encoding: 'embedding' as const, minCount: 1 },
    ];
    const found = scanLeaks(table, features, ['like'], [y], [new Uint8Array(table.rowCount).fill(1)], rows, new Set(['bracket']));
    expect(found.map((f) => [f.column, f.kept])).toEqual([['score_x10', false], ['bracket', true]]);
    expect(found[0].auc).toBe(1);
  });

  it('leaves the derived target\'s source and the perfect features out of training, keeps what the person keeps, and reports both', () => {
    const table = applyDerived(ratingsLog(), [like]);
    const spec: ProblemSpec = {
      version: 1,
      targets: ['like'],
      derived: [like],
      formulation: { kind: 'pointwise' },
      features: [
        ...['user_id', 'item_id', 'genre', 'bracket'].map((column): FeatureSpec => ({ column, encoding: 'embedding', minCount: 1 })),
        ...['rating', 'score_x10', 'hour'].map((column): FeatureSpec => ({ column, encoding: 'numeric', log: false })),
      ],
      userColumn: 'user_id',
      itemColumn: 'item_id',
      timeColumn: null,
      sampling: { split: { kind: 'random' }, seed: 1, validationFraction: 0.2, rowFraction: 1, keepRates: { like: 1 }, upsample: {}, capPerUser: null, dropDuplicates: false, dropMissingLabels: true },
      allowedLeaks: ['bracket'],
    };
    const data = prepareData(table, spec, DEFAULT_TRAIN_CONFIG);
    expect(data.leaks.sources).toEqual([{ column: 'rating', targets: ['like'], kept: false }]);
    expect(data.leaks.excluded.sort()).toEqual(['rating', 'score_x10']);
    expect(data.leaks.findings.find((f) => f.column === 'bracket')?.kept).toBe(true);
    const encoded = [...data.encoders.numeric.map((e) => e.column), ...data.encoders.sparse.map((e) => e.column)];
    expect(encoded).not.toContain('rating');
    expect(encoded).not.toContain('score_x10');
    expect(encoded).toContain('bracket');
    expect(encoded).toContain('hour');
  });
});
