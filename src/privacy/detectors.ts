import { isBsn } from './isBsn';
import { isDutchPhone } from './isDutchPhone';
import { ibanLength } from './isIban';
import { isToken } from './isToken';

/**
 * One kind of personal data: its marker name, a pattern whose group 1 is the character before the
 * finding (kept: JavaScript had no lookbehind until Safari 16.4, and one unsupported literal
 * would break the whole bundle) and group 2 the finding, an optional check of the finding (a
 * number: only that many characters of it are the finding), and the index of the cheap hint in
 * `HINTS` the text must show for the pattern to be worth running (the fast path).
 */
export type Detector = [
  name: string,
  pattern: RegExp,
  check: ((finding: string) => boolean | number) | 0,
  hint: number,
];

/**
 * Cheap tests run once per text; a detector runs only when its hint is present. Clean text shows
 * none and is returned as it is. Index: 0 a digit, 1 eight digits close together (phone, BSN),
 * 2 a run of 20 token characters, 3 an `@`, 4 `eyJ` (base64 of `{"`), 5 a colon.
 */
export const HINTS = [/\d/, /\d(?:\D{0,4}\d){7}/, /[\w-]{20}/, /@|%40/i, /eyJ/, /:/];

/** Octets of a candidate IPv4 address; leading zeros are allowed here, unlike in `parseIp`. */
const isIpv4 = (text: string): boolean => text.split('.').every((octet) => +octet < 256);

/** A candidate IPv6 address: some hex, and one `::` or else eight groups. */
const isIpv6 = (text: string): boolean =>
  /[\da-f]/i.test(text) &&
  !text.includes(':::') &&
  (text.split('::').length === 2 || text.split(':').length === 8);

/**
 * What `scrubText` redacts, in order: a later pattern never sees what an earlier one replaced
 * (a phone number goes before the BSN so `06-12345678` is not read as an 8-digit BSN; tokens
 * before BSNs so the digits inside a session id do not decide its marker). Boundaries are
 * "not a digit" rather than `\b`, so `_`/letters next to a number do not hide it.
 */
export const DETECTORS: Detector[] = [
  ['jwt', /()(eyJ[\w-]{4,}\.eyJ[\w-]{4,}\.[\w-]*)/g, 0, 4],
  // Local part capped at 64 (RFC 5321) so text without a domain cannot make this quadratic.
  // Letters and digits of any script (`jan@bücher.de`, `renée@…`, RFC 6531), and a punycode TLD.
  [
    'email',
    /()([\p{L}\p{N}\p{M}_.+%-]{1,64}(?:@|%40)[\p{L}\p{N}\p{M}-]{1,63}(?:\.[\p{L}\p{N}\p{M}-]{1,63}){0,8}\.(?:xn--[a-z\d-]{1,59}|\p{L}{2,24}))/giu,
    0,
    3,
  ],
  ['uuid', /()([\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12})/gi, 0, 2],
  // No boundaries: the check decides, and keeps what follows the IBAN's own length.
  ['iban', /()([a-z]{2}\d\d(?:[ +-]?[a-z\d]{4}){2,7}(?:[ +-]?[a-z\d]{1,3})?)/gi, ibanLength, 0],
  ['token', /()([\w-]{20,})/g, isToken, 2],
  [
    'phone',
    /(^|[^\d+])((?:(?:\+|%2B|00)31[ .+-]?(?:\(0\)[ .+-]?)?|\(?0)[1-9](?:[ .+)-]{0,2}\d){6,9})(?!\d)/gi,
    isDutchPhone,
    1,
  ],
  ['bsn', /(^|\D)(\d{4}\.\d\d\.\d{3}|\d{3}[ .+-]?\d{3}[ .+-]?\d{3}|\d{8})(?!\d)/g, isBsn, 1],
  // A postcode with a house number is an address; a postcode alone (`/locaties/5038VP`) names a
  // place, such as one of the organisation's locations, and stays. SA, SD and SS are not issued.
  [
    'postcode',
    /(^|\D)([1-9]\d{3}[ +]?(?!sa|sd|ss)[a-z]{2}[ ,.+-]{0,3}\d{1,5}[a-z]?)(?!\d)/gi,
    0,
    0,
  ],
  [
    'ip',
    /(^|[^\w:.])((?:[\da-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[\da-f]{1,4})?)(?![\w:]|\.\d)/gi,
    isIpv6,
    5,
  ],
  ['ip', /(^|[^\d.])(\d{1,3}(?:\.\d{1,3}){3})(?!\.?\d)/g, isIpv4, 0],
];
