import { PSEUDONYM_COOKIE } from '../config/defaultCategories';
import type { RightsSources } from '../context/parts';
import { createTransparencyLog } from '../lib/createTransparencyLog';
import type { ForgetBody } from '../protocol/types';
import { isDelivered } from '../lib/isDelivered';
import { sendBody } from '../lib/sendBody';

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
export const forgetEverything = async (parts: RightsSources): Promise<boolean> => {
  const { stats } = parts;
  const body: ForgetBody = { v: 1, receipts: parts.receipts.all().map((receipt) => receipt.id) };
  // Where the statistics part does not run (yet), the stored log names the pseudonym it used.
  const sid = stats?.pseudonym() ?? (stats?.sent() ?? createTransparencyLog().all()).at(-1)?.sid;
  if (sid) body.sid = sid;

  stats?.forget();
  parts.receipts.clear();
  parts.consent.reset();
  for (const name of parts.jar.written()) parts.jar.remove(name);
  // Written on an earlier page, so not in this page's jar: it goes too.
  parts.jar.remove(PSEUDONYM_COOKIE);
  parts.sweep();
  clearStorage();

  if (parts.config.endpoint && (body.sid || body.receipts?.length)) {
    return isDelivered(await sendBody(`${parts.config.endpoint}/forget`, JSON.stringify(body)));
  }
  return true;
};
