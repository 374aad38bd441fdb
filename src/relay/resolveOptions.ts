import { parseIp } from '../privacy/parseIp';
import { createFunctionSink } from './sinks/createFunctionSink';
import { createGa4Sink } from './sinks/createGa4Sink';
import { createMatomoSink } from './sinks/createMatomoSink';
import { createMemorySink } from './sinks/createMemorySink';
import { createPlausibleSink } from './sinks/createPlausibleSink';
import { MAX_BATCH, MAX_QUEUE } from './store/createGroupCommit';
import type { RateLimitOptions, RelayOptions, Sink, SinkOptions } from './types';

/** What a platform's sink factory is given besides the sink's own options. */
export interface SinkEnv {
  now: () => number;
  log: (message: string) => void;
  /** The relay's `retentionDays`, for every store. */
  retentionDays: number;
  /** The relay's `statsThreshold`, for stores that answer `report()`. */
  statsThreshold: number;
  /** The relay's `storeMaxBatch`: records in one store transaction at most. */
  storeMaxBatch: number;
  /** The relay's `storeMaxQueue`: records waiting for a store transaction at most. */
  storeMaxQueue: number;
}

/** Builds a sink that only one platform has (SQLite and NDJSON need Node's file system). */
export type SinkFactory = (options: SinkOptions, env: SinkEnv) => Sink;

/** `RelayOptions` with every default filled in and the sinks built. */
export interface ResolvedOptions {
  basePath: string;
  allowedOrigins: string[];
  trustedProxies: string[];
  ipLevel: 1 | 2 | 3;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  rateLimit: RateLimitOptions | false;
  allowParams?: string[];
  sinks: Sink[];
  retentionDays: number;
  statsThreshold: number;
  storeMaxBatch: number;
  storeMaxQueue: number;
  statsToken?: string;
  exposeRecords: boolean;
  gaSalt?: string;
  /** Extra GA4 parameters kept, from the ga4 sinks' `allowParams`. */
  gaAllowParams: ReadonlySet<string>;
  log: (message: string) => void;
  now: () => number;
}

const fail = (message: string): never => {
  throw new Error(`zorgvuldig createRelay(): ${message}`);
};

const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;

const checkCidr = (cidr: unknown, index: number): string => {
  const [address, bits, extra] = typeof cidr === 'string' ? cidr.split('/') : [];
  const ip = address === undefined ? null : parseIp(address);
  const max = ip?.version === 4 ? 32 : 128;
  const ok =
    ip &&
    extra === undefined &&
    (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max));
  return ok
    ? (cidr as string)
    : fail(`trustedProxies[${index}] is not a CIDR (got ${JSON.stringify(cidr)})`);
};

const buildSink = (
  sink: SinkOptions | Sink,
  index: number,
  fetcher: typeof fetch | undefined,
  env: SinkEnv,
  platform: Record<string, SinkFactory>,
): Sink => {
  const { log } = env;
  if (typeof sink !== 'object' || sink === null) return fail(`sinks[${index}] must be an object`);
  if (!('type' in sink)) return sink as Sink;
  const needFetch = (): typeof fetch =>
    fetcher ?? globalThis.fetch ?? fail(`sinks[${index}] needs a fetch implementation`);
  const need = (field: string, value: unknown) => {
    if (value === undefined || value === '')
      fail(`sinks[${index}].${field} is required for the ${sink.type} sink`);
  };
  switch (sink.type) {
    case 'memory':
      return createMemorySink(sink);
    case 'function':
      if (typeof sink.fn !== 'function') fail(`sinks[${index}].fn must be a function`);
      return createFunctionSink(sink);
    case 'matomo':
      need('url', sink.url);
      need('siteId', sink.siteId);
      need('token', sink.token);
      return createMatomoSink(sink, needFetch(), log);
    case 'plausible':
      need('domain', sink.domain);
      return createPlausibleSink(sink, needFetch(), log);
    case 'ga4':
      return createGa4Sink(sink, needFetch(), log);
    default: {
      const factory = platform[(sink as SinkOptions).type];
      return factory
        ? factory(sink, env)
        : fail(
            `sinks[${index}].type ${JSON.stringify((sink as SinkOptions).type)} is not available here`,
          );
    }
  }
};

/** Checks options (programmer errors throw, naming the field) and fills in defaults. */
export const resolveOptions = (
  options: RelayOptions,
  platform: Record<string, SinkFactory>,
): ResolvedOptions => {
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  const basePath = (options.basePath ?? '/zv').replace(/\/+$/, '');
  if (basePath && !basePath.startsWith('/'))
    fail(`basePath must start with "/" (got "${basePath}")`);
  const ipLevel = options.ipLevel ?? 2;
  if (![1, 2, 3].includes(ipLevel))
    fail(`ipLevel must be 1, 2 or 3 (got ${JSON.stringify(ipLevel)})`);
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1)
    fail('maxBodyBytes must be a positive integer');
  const allowedOrigins = options.allowedOrigins ?? [];
  if (!Array.isArray(allowedOrigins) || allowedOrigins.some((o) => typeof o !== 'string')) {
    fail('allowedOrigins must be an array of origins');
  }
  const trustedProxies = (options.trustedProxies ?? []).map(checkCidr);
  const log = options.log ?? ((message: string) => console.warn(message));
  const now = options.now ?? Date.now;
  const retentionDays = options.retentionDays ?? 30;
  if (!(typeof retentionDays === 'number' && retentionDays > 0))
    fail(`retentionDays must be a positive number (got ${JSON.stringify(retentionDays)})`);
  const statsThreshold = options.statsThreshold ?? 5;
  if (!Number.isInteger(statsThreshold) || statsThreshold < 1)
    fail(
      `statsThreshold must be a whole number of at least 1 (got ${JSON.stringify(statsThreshold)})`,
    );
  const storeMaxBatch = options.storeMaxBatch ?? MAX_BATCH;
  if (!isCount(storeMaxBatch))
    fail(
      `storeMaxBatch must be a whole number of at least 1 (got ${JSON.stringify(storeMaxBatch)})`,
    );
  const storeMaxQueue = options.storeMaxQueue ?? MAX_QUEUE;
  if (!isCount(storeMaxQueue))
    fail(
      `storeMaxQueue must be a whole number of at least 1 (got ${JSON.stringify(storeMaxQueue)})`,
    );
  const env: SinkEnv = { now, log, retentionDays, statsThreshold, storeMaxBatch, storeMaxQueue };
  const sinks = (options.sinks ?? [{ type: 'memory' }]).map((sink, i) =>
    buildSink(sink, i, options.fetch, env, platform),
  );
  return {
    basePath,
    allowedOrigins: allowedOrigins.map((origin) => origin.replace(/\/+$/, '')),
    trustedProxies,
    ipLevel: ipLevel as 1 | 2 | 3,
    maxBodyBytes,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    rateLimit: options.rateLimit ?? {},
    allowParams: options.allowParams,
    sinks,
    retentionDays,
    statsThreshold,
    storeMaxBatch,
    storeMaxQueue,
    statsToken: options.statsToken || undefined,
    exposeRecords: options.exposeRecords === true,
    gaSalt: options.gaSalt,
    gaAllowParams: new Set(
      (options.sinks ?? []).flatMap((sink) =>
        'type' in sink && sink.type === 'ga4' ? (sink.allowParams ?? []) : [],
      ),
    ),
    log,
    now,
  };
};
