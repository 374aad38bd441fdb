/** Compares in time independent of where the strings differ (tokens must not leak by timing). */
export const sameToken = (a: string, b: string): boolean => {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % (b.length || 1));
  return diff === 0;
};
