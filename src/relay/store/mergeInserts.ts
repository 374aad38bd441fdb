import type { SqlStatement, SqlValue } from './types';

/**
 * An INSERT of one row that may be merged with others of the same text: `VALUES` of
 * placeholders only, and no conflict clause or `DO NOTHING` (an upsert that updates must not
 * meet the same row twice in one statement, so it is never merged).
 */
const MERGEABLE =
  /^(INSERT INTO [^()]+\([^()]*\) VALUES )(\((?:\?\s*,\s*)*\?\))((?: ON CONFLICT \([^()]*\) DO NOTHING)?)$/;

/**
 * The statements of one transaction with the single-row INSERTs of the same text folded into
 * multi-row INSERTs (at the place of the first), each with at most `maxParams` parameters;
 * every other statement keeps its place and order. A server that answers each statement in a
 * round trip (PostgreSQL) then takes a batch of beacons in a few. Only for statements whose
 * row counts nobody reads: the merged ones report one count.
 */
export const mergeInserts = (
  statements: readonly SqlStatement[],
  maxParams = 30_000,
): SqlStatement[] => {
  const out: (SqlStatement | { head: string; row: string; tail: string; rows: SqlValue[][] })[] =
    [];
  const open = new Map<string, { head: string; row: string; tail: string; rows: SqlValue[][] }>();
  for (const statement of statements) {
    const match = MERGEABLE.exec(statement.sql);
    const params = statement.params ?? [];
    if (!match) {
      out.push(statement);
      continue;
    }
    let group = open.get(statement.sql);
    if (!group || (group.rows.length + 1) * params.length > maxParams) {
      group = { head: match[1], row: match[2], tail: match[3], rows: [] };
      open.set(statement.sql, group);
      out.push(group);
    }
    group.rows.push([...params]);
  }
  return out.map((entry) =>
    'sql' in entry
      ? entry
      : {
          sql: `${entry.head}${entry.rows.map(() => entry.row).join(', ')}${entry.tail}`,
          params: entry.rows.flat(),
        },
  );
};
