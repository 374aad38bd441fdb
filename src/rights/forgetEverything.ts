import type { ReceiptLog } from './startReceipts';
import type { Config } from '../config/config';
import type { ConsentController } from '../consent/types';
import type { SessionJar } from '../cookies/createSessionJar';
import type { ForgetBody } from '../protocol/types';
import type { Stats } from '../context/context';
import { isDelivered } from '../lib/isDelivered';
import { sendBody } from '../lib/sendBody';

export interface ForgetParts {
  config: Config;
  consent: ConsentController;
  jar: SessionJar;
  stats: Stats;
  receipts: ReceiptLog;
  sweep: () => unknown;
}

/** Every key the SDK keeps in `sessionStorage` starts with this. */
const STORAGE_PREFIX = 'zv_';

const clearStorage = () => {
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(STORAGE_PREFIX)) sessionStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: there is nothing in it to forget.
  }
};

/**
 * The right to erasure, in the browser: the consent record (so the banner asks again), the
 * pseudonym, the transparency log, queued hits and receipts, every cookie the SDK set and every
 * cookie of a category without consent. Then the relay is asked to delete what it stored under
 * this pseudonym and these receipts. Resolves when the relay answered (or could not be reached):
 * `true` when it confirmed the deletion with a 2xx, or there was nothing to ask it.
 */
export const forgetEverything = async (parts: ForgetParts): Promise<boolean> => {
  const body: ForgetBody = { v: 1, receipts: parts.receipts.all().map((receipt) => receipt.id) };
  const sid = parts.stats.pseudonym() ?? parts.stats.sent().at(-1)?.sid;
  if (sid) body.sid = sid;

  parts.stats.forget();
  parts.receipts.clear();
  parts.consent.reset();
  for (const name of parts.jar.written()) parts.jar.remove(name);
  parts.sweep();
  clearStorage();

  if (parts.config.endpoint && (body.sid || body.receipts?.length)) {
    return isDelivered(await sendBody(`${parts.config.endpoint}/forget`, JSON.stringify(body)));
  }
  return true;
};
