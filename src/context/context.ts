import type { Config } from '../config/config';
import type { ConsentController, ConsentState } from '../consent/types';
import type { SessionJar } from '../cookies/createSessionJar';
import type { Emitter } from '../lib/createEmitter';
import type { CollectBody } from '../protocol/types';

/** A request the network guard stopped. */
export interface BlockedRequest {
  /** Host name of the blocked URL. */
  host: string;
  /** The URL, scrubbed. */
  url: string;
  /** How the page tried to reach it. */
  mechanism: 'fetch' | 'xhr' | 'beacon' | 'script' | 'image' | 'iframe' | 'service-worker';
  /** Category whose consent is missing. */
  category: string;
  /** ISO 8601 time. */
  time: string;
}

/** Events on `zorgvuldig.on(event, fn)`; each is also a DOM event `zorgvuldig:<event>` on window. */
export interface SdkEvents {
  consent: ConsentState;
  beacon: CollectBody;
  blocked: BlockedRequest;
}

/**
 * What every feature module receives from `init()`. Features never reach into each other:
 * they talk through consent changes and events.
 */
export interface Context {
  config: Config;
  consent: ConsentController;
  events: Emitter<SdkEvents>;
  jar: SessionJar;
  /** Runs `fn` when the instance is torn down (tests; `forget()` does not tear down). */
  onTeardown(fn: () => void): void;
}

/** Pseudonymised visit statistics, as `init()` drives them. */
export interface Stats {
  /** Sends a custom `event` hit, scrubbed. A no-op while statistics are not allowed. */
  track(name: string, props?: Record<string, unknown>): void;
  /** Current pseudonym, or null while statistics are not allowed. */
  pseudonym(): string | null;
  /** Every CollectBody sent in this browser tab's session (across page loads), oldest first. */
  sent(): CollectBody[];
  /** Clears pseudonym cookie, queue and log; the next beacon uses a new pseudonym. */
  forget(): void;
}
