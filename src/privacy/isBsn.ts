/**
 * Whether `text` is a BSN (burgerservicenummer): 9 digits, or 8 with the leading zero left off,
 * separators ignored, passing the 11-proef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11) and not
 * all zeros.
 */
export const isBsn = (text: string): boolean => {
  const digits = text.replace(/\D/g, '').padStart(9, '0');
  if (digits.length !== 9 || !/[1-9]/.test(digits)) return false;
  let sum = -digits.charCodeAt(8) + 48;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  return sum % 11 === 0;
};
