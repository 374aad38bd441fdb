const SALT_BYTES = 32;

/**
 * A salt that changes every UTC day, so a hashed id links a visitor's hits within one day and
 * never across days. With a `secret` every instance derives the same salt; without one each
 * process draws a random salt per day (and a restart starts a new one).
 */
export const createDailySalt = (secret: string | undefined, now: () => number) => {
  let day = '';
  let salt = '';
  return (): string => {
    const today = new Date(now()).toISOString().slice(0, 10);
    if (today !== day) {
      day = today;
      if (secret) salt = `${secret}:${today}`;
      else {
        const bytes = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
        salt = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      }
    }
    return salt;
  };
};
