/** Classes of the characters in a run: digit, lower case, upper case; `-` and `_` separate. */
const classOf = (code: number): number =>
  code > 47 && code < 58 ? 0 : code > 96 ? 1 : code > 64 && code < 91 ? 2 : -1;

/**
 * Whether a run of `[A-Za-z0-9_-]` looks like a random token (session id, hash, API key) rather
 * than a slug or a word. Random text changes between digits, lower and upper case at about every
 * other character; `nieuwe-locatie-2024` or `MijnDossier` hardly ever. So: at least 20 long,
 * letters present, digits present or mixed case, one class change per 4 characters or more (one
 * per 3 without digits), and pieces between separators 6 characters long on average (slugs are
 * made of short words).
 */
export const isToken = (run: string): boolean => {
  let changes = 0;
  let separators = 0;
  let seen = 0;
  let previous = -1;
  for (let i = 0; i < run.length; i++) {
    const kind = classOf(run.charCodeAt(i));
    if (kind < 0) separators++;
    else {
      if (previous >= 0 && kind !== previous) changes++;
      seen |= 1 << kind;
      previous = kind;
    }
  }
  const hasDigit = seen & 1;
  return (
    run.length >= 20 &&
    seen > 1 &&
    changes * (hasDigit ? 4 : 3) >= run.length &&
    run.length >= 6 * (separators + 1)
  );
};
