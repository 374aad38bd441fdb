import type { ResolvedOptions } from '../resolveOptions';
import { createCsrf } from './createCsrf';
import { createSessions } from './createSessions';
import { createSignInGuard } from './createSignInGuard';
import { createSigner } from './createSigner';

/** What the dashboard's routes share in one relay instance; `null` without a stats token. */
export const createDashboard = (options: ResolvedOptions) => {
  const token = options.statsToken;
  if (!token) return null;
  const signer = createSigner(token);
  return {
    token,
    sessions: createSessions(signer, options.now),
    csrf: createCsrf(signer, options.now),
    guard: createSignInGuard(options.now),
  };
};

export type Dashboard = NonNullable<ReturnType<typeof createDashboard>>;
