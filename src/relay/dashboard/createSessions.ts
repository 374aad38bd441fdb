import { randomBase64Url } from './base64Url';
import type { Signer } from './createSigner';

/** A signed-in dashboard session, as its cookie value says. */
export interface DashboardSession {
  /** Random id of this sign-in; the CSRF token is bound to it. */
  nonce: string;
  /** When the sign-in happened (ms). */
  started: number;
  /** When the session ends unless used before (ms). */
  expires: number;
}

const MINUTE = 60_000;
/** A session not used for this long is over. */
export const SESSION_IDLE_MS = 30 * MINUTE;
/** However busy, a session ends this long after the sign-in. */
export const SESSION_MAX_MS = 12 * 60 * MINUTE;
/** A session used again after this long gets a fresh cookie (a new idle deadline). */
const RENEW_AFTER_MS = MINUTE;
const NONCE_BYTES = 18;
/** Signed-out sessions remembered (until they would have expired anyway). */
const MAX_REVOKED = 10_000;
const VERSION = 's1';

const messageOf = ({ nonce, started, expires }: DashboardSession) =>
  `session|${started}|${expires}|${nonce}`;

/**
 * Dashboard sessions without server-side storage: the cookie value is the session's times and
 * a random id, signed with HMAC under the stats token, so every relay instance and Worker
 * isolate accepts it and nothing has to be shared. Sign-out clears the cookie and remembers the
 * id in this instance until it would have expired (other instances or isolates do not learn of
 * it; the idle deadline bounds that window).
 */
export const createSessions = (signer: Signer, now: () => number) => {
  const revoked = new Map<string, number>();

  const encode = async (session: DashboardSession) =>
    `${VERSION}.${session.started}.${session.expires}.${session.nonce}.${await signer.sign(messageOf(session))}`;

  const forgetExpired = (time: number) => {
    for (const [nonce, expires] of revoked) if (expires <= time) revoked.delete(nonce);
  };

  return {
    /** The cookie value of a new session. */
    issue: (): Promise<string> => {
      const started = now();
      return encode({
        nonce: randomBase64Url(NONCE_BYTES),
        started,
        expires: started + SESSION_IDLE_MS,
      });
    },

    /** The session a cookie value stands for, or `null` (forged, expired, signed out, garbled). */
    read: async (value: string | null | undefined): Promise<DashboardSession | null> => {
      const parts = (value ?? '').split('.');
      if (parts.length !== 5 || parts[0] !== VERSION) return null;
      const [, startedText, expiresText, nonce, mac] = parts;
      if (!/^\d{1,15}$/.test(startedText) || !/^\d{1,15}$/.test(expiresText)) return null;
      const session = { nonce, started: Number(startedText), expires: Number(expiresText) };
      if (!(await signer.verify(messageOf(session), mac))) return null;
      const time = now();
      if (time >= session.expires || time >= session.started + SESSION_MAX_MS) return null;
      return revoked.has(nonce) ? null : session;
    },

    /** A fresh cookie value with a new idle deadline, or `null` while the current one is new. */
    renew: async (session: DashboardSession): Promise<string | null> => {
      const time = now();
      if (session.expires - time > SESSION_IDLE_MS - RENEW_AFTER_MS) return null;
      const expires = Math.min(time + SESSION_IDLE_MS, session.started + SESSION_MAX_MS);
      return encode({ ...session, expires });
    },

    /** Ends a session in this instance even if its cookie is replayed. */
    revoke: (session: DashboardSession): void => {
      const time = now();
      if (revoked.size >= MAX_REVOKED) forgetExpired(time);
      if (revoked.size >= MAX_REVOKED) revoked.delete(revoked.keys().next().value as string);
      revoked.set(
        session.nonce,
        Math.min(session.started + SESSION_MAX_MS, time + SESSION_IDLE_MS),
      );
    },
  };
};

export type Sessions = ReturnType<typeof createSessions>;
