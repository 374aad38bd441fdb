/**
 * A small SQL lexer, enough for the store's own SQL: it tells code from string literals
 * (`'it''s'`), quoted identifiers (`"page"`) and comments (`-- …`, `/* … *\/`), so a `?` or a
 * `;` inside them is not taken for a placeholder or a statement end. PostgreSQL's dollar quoting
 * (`$$ … $$`) and `E'…'` backslash escapes are not understood: the store's SQL, written once for
 * SQLite and PostgreSQL, uses neither (SQLite has neither).
 */

const enum State {
  Code,
  String,
  Identifier,
  LineComment,
  BlockComment,
}

/** Calls `visit(index)` for every character of `sql` that is code (outside literals and comments). */
export const scanSql = (sql: string, visit: (index: number) => void): void => {
  let state = State.Code;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    switch (state) {
      case State.Code:
        if (char === "'") state = State.String;
        else if (char === '"') state = State.Identifier;
        else if (char === '-' && sql[i + 1] === '-') {
          state = State.LineComment;
          i++;
        } else if (char === '/' && sql[i + 1] === '*') {
          state = State.BlockComment;
          i++;
        } else visit(i);
        break;
      // A doubled quote inside a literal is an escaped quote: leaving and re-entering at once
      // on the second one gives the same result, so no look-ahead is needed.
      case State.String:
        if (char === "'") state = State.Code;
        break;
      case State.Identifier:
        if (char === '"') state = State.Code;
        break;
      case State.LineComment:
        if (char === '\n') state = State.Code;
        break;
      case State.BlockComment:
        if (char === '*' && sql[i + 1] === '/') {
          state = State.Code;
          i++;
        }
        break;
    }
  }
  if (state === State.String || state === State.Identifier || state === State.BlockComment) {
    throw new Error(`zorgvuldig scanSql(): unterminated quote or comment in ${preview(sql)}`);
  }
};

const preview = (sql: string): string =>
  JSON.stringify(sql.length > 60 ? `${sql.slice(0, 60)}…` : sql);

/**
 * `?` placeholders numbered `$1 … $n` for PostgreSQL. Throws when the count differs from the
 * parameters given: a mismatch is a bug in the query, better caught than sent.
 */
export const numberPlaceholders = (sql: string, paramCount: number): string => {
  const at: number[] = [];
  scanSql(sql, (i) => {
    if (sql[i] === '?') at.push(i);
  });
  if (at.length !== paramCount) {
    throw new Error(
      `zorgvuldig numberPlaceholders(): ${at.length} placeholder(s) but ${paramCount} parameter(s) in ${preview(sql)}`,
    );
  }
  let out = '';
  let from = 0;
  at.forEach((index, n) => {
    out += `${sql.slice(from, index)}$${n + 1}`;
    from = index + 1;
  });
  return out + sql.slice(from);
};

/**
 * The statements of a script, split at `;` outside literals and comments, trimmed, empty ones
 * dropped. A trigger body (`BEGIN … ; … END`) would be split too: the schema has none.
 */
export const splitStatements = (script: string): string[] => {
  const statements: string[] = [];
  let from = 0;
  scanSql(script, (i) => {
    if (script[i] !== ';') return;
    statements.push(script.slice(from, i));
    from = i + 1;
  });
  statements.push(script.slice(from));
  return statements.map((s) => s.trim()).filter((s) => !isOnlyComments(s));
};

/** True when nothing but whitespace and comments is left. */
const isOnlyComments = (statement: string): boolean => {
  let code = false;
  scanSql(statement, (i) => {
    if (!/\s/.test(statement[i]!)) code = true;
  });
  return !code;
};
