import { isRecord } from '../lib/isRecord';
import type { ConsentMethod, ConsentRecord } from './types';

const METHODS: readonly ConsentMethod[] = ['accept-all', 'reject-all', 'custom', 'api', 'withdraw'];
const RECEIPT_ID = /^[A-Za-z0-9_-]{22}$/;
/** A real record is about 150 bytes; anything far larger is not ours. */
const MAX_LENGTH = 2048;

/**
 * Reads a consent cookie value. Anything that is not exactly a record this SDK wrote — invalid
 * JSON, another version, unknown or missing categories, odd keys, a huge value — is treated as no
 * consent: a tampered cookie can never grant anything.
 */
export const parseConsentRecord = (
  value: string | undefined,
  categoryKeys: readonly string[],
): ConsentRecord | null => {
  if (!value || value.length > MAX_LENGTH) return null;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  const { v, id, policy, time, choices, method } = data;
  if (
    v !== 1 ||
    typeof id !== 'string' ||
    !RECEIPT_ID.test(id) ||
    typeof policy !== 'string' ||
    policy.length > 64 ||
    typeof time !== 'string' ||
    Number.isNaN(Date.parse(time)) ||
    !METHODS.includes(method as ConsentMethod) ||
    !isRecord(choices)
  ) {
    return null;
  }
  const keys = Object.keys(choices);
  const values = choices;
  if (
    keys.length !== categoryKeys.length ||
    !keys.every((key) => categoryKeys.includes(key) && typeof values[key] === 'boolean') ||
    values.necessary !== true
  ) {
    return null;
  }
  const clean: Record<string, boolean> = {};
  for (const key of categoryKeys) clean[key] = values[key] as boolean;
  return { v: 1, id, policy, time, choices: clean, method: method as ConsentMethod };
};
