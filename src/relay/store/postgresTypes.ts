/**
 * How the PostgreSQL driver reads column values, so a row comes back as SQLite (better-sqlite3
 * and D1) gives it: numbers as numbers, text as text. node-postgres by default returns BIGINT
 * (every `COUNT(*)`, `SUM` of integers) and NUMERIC (`AVG`) as strings, BOOLEAN as `true`/`false`,
 * and dates and JSON parsed into objects; none of those is an `SqlValue` the store expects.
 */
import type { CustomTypesConfig } from 'pg';

/** PostgreSQL type oids (`SELECT oid, typname FROM pg_type`). */
const OID = {
  bool: 16,
  int8: 20,
  json: 114,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
  jsonb: 3802,
} as const;

/** A BIGINT as a number; one beyond 2^53 would silently lose digits, so it is an error instead. */
const parseInt8 = (text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`zorgvuldig postgres driver: integer ${text} is beyond what a number holds`);
  }
  return value;
};

const asText = (text: string): string => text;

const TEXT_PARSERS: Record<number, (text: string) => unknown> = {
  [OID.int8]: parseInt8,
  [OID.numeric]: Number,
  // SQLite has no boolean: a comparison is 1 or 0 there, so it is here too.
  [OID.bool]: (text) => (text === 't' ? 1 : 0),
  [OID.date]: asText,
  [OID.timestamp]: asText,
  [OID.timestamptz]: asText,
  [OID.json]: asText,
  [OID.jsonb]: asText,
};

/**
 * The type parsers of the store's pool, over node-postgres' own (`pg.types`) for every other
 * type. Per pool: the global `pg.types` stays untouched for other code in the process.
 */
export const postgresTypes = (defaults: CustomTypesConfig): CustomTypesConfig => ({
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text' && TEXT_PARSERS[oid]
      ? TEXT_PARSERS[oid]
      : defaults.getTypeParser(oid, format as 'text')) as CustomTypesConfig['getTypeParser'],
});
