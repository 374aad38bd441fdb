import { describe, expect, it } from 'vitest';
import { numberPlaceholders, splitStatements } from '../../../../src/relay/store/scanSql';

describe('numberPlaceholders', () => {
  it('numbers each ? of the code in order', () => {
    expect(numberPlaceholders('SELECT * FROM hits WHERE day >= ? AND day <= ? LIMIT ?', 3)).toBe(
      'SELECT * FROM hits WHERE day >= $1 AND day <= $2 LIMIT $3',
    );
  });

  it('leaves a ? inside string literals, quoted identifiers and comments alone', () => {
    const sql = `SELECT ?, 'what?', 'it''s ?', "odd?name", ? -- why?\n, ? /* and? */ FROM t`;
    expect(numberPlaceholders(sql, 3)).toBe(
      `SELECT $1, 'what?', 'it''s ?', "odd?name", $2 -- why?\n, $3 /* and? */ FROM t`,
    );
  });

  it('refuses a statement whose placeholders and parameters differ in number', () => {
    expect(() => numberPlaceholders('SELECT ?, ?', 1)).toThrow(
      /2 placeholder\(s\) but 1 parameter\(s\) in "SELECT \?, \?"/,
    );
    expect(() => numberPlaceholders("SELECT '?'", 1)).toThrow(/0 placeholder/);
  });

  it('refuses an unterminated string literal rather than guess', () => {
    expect(() => numberPlaceholders("SELECT 'open ?", 0)).toThrow(/unterminated/);
    expect(() => numberPlaceholders('SELECT 1 /* open', 0)).toThrow(/unterminated/);
  });
});

describe('splitStatements', () => {
  it('splits at ; outside literals and comments, dropping empty and comment-only parts', () => {
    const script = `
      -- the first table; with a comment
      CREATE TABLE a (x TEXT DEFAULT ';');
      /* a; block */
      CREATE INDEX a_x ON a (x);;
      -- trailing comment;
    `;
    expect(splitStatements(script)).toEqual([
      `-- the first table; with a comment\n      CREATE TABLE a (x TEXT DEFAULT ';')`,
      `/* a; block */\n      CREATE INDEX a_x ON a (x)`,
    ]);
  });

  it('keeps a last statement without a semicolon', () => {
    expect(splitStatements('SELECT 1; SELECT 2')).toEqual(['SELECT 1', 'SELECT 2']);
  });
});
