/**
 * Folding single-row INSERTs into multi-row ones (PostgreSQL appends): only INSERTs of the same
 * text with no conflict clause or DO NOTHING; everything else keeps its place and order.
 */
import { describe, expect, it } from 'vitest';
import { mergeInserts } from '../../../../src/relay/store/mergeInserts';

const HIT = 'INSERT INTO hits (key, day) VALUES (?, ?) ON CONFLICT (key) DO NOTHING';
const PROP = 'INSERT INTO event_props (hit_key, prop) VALUES (?, ?)';
const UPSERT =
  'INSERT INTO daily (day, n) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET n = daily.n + 1';

describe('mergeInserts', () => {
  it('folds the rows of one INSERT text into one statement at the place of the first', () => {
    expect(
      mergeInserts([
        { sql: HIT, params: ['a', 1] },
        { sql: PROP, params: ['a', 'x'] },
        { sql: HIT, params: ['b', 2] },
        { sql: PROP, params: ['b', 'y'] },
      ]),
    ).toEqual([
      {
        sql: 'INSERT INTO hits (key, day) VALUES (?, ?), (?, ?) ON CONFLICT (key) DO NOTHING',
        params: ['a', 1, 'b', 2],
      },
      {
        sql: 'INSERT INTO event_props (hit_key, prop) VALUES (?, ?), (?, ?)',
        params: ['a', 'x', 'b', 'y'],
      },
    ]);
  });

  it('never merges an upsert that updates, nor any other statement', () => {
    const statements = [
      { sql: UPSERT, params: ['2026-01-01', 1] },
      { sql: UPSERT, params: ['2026-01-01', 1] },
      { sql: 'DELETE FROM hits WHERE sid = ?', params: ['s'] },
    ];
    expect(mergeInserts(statements)).toEqual(statements);
  });

  it('starts a new statement before one would pass maxParams', () => {
    const merged = mergeInserts(
      [1, 2, 3, 4, 5].map((n) => ({ sql: HIT, params: [`k${n}`, n] })),
      4,
    );
    expect(merged.map((s) => s.params)).toEqual([
      ['k1', 1, 'k2', 2],
      ['k3', 3, 'k4', 4],
      ['k5', 5],
    ]);
  });
});
