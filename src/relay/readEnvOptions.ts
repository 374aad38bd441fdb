import type { RelayOptions, SinkOptions } from './types';

/** Environment variables as Node (`process.env`) and Workers (`env` bindings) give them. */
export type RelayEnvVars = Record<string, unknown>;

const fail = (message: string): never => {
  throw new Error(`zorgvuldig readEnvOptions(): ${message}`);
};

const str = (env: RelayEnvVars, name: string): string | undefined => {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const list = (env: RelayEnvVars, name: string): string[] | undefined =>
  str(env, name)
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const int = (env: RelayEnvVars, name: string): number | undefined => {
  const value = str(env, name);
  if (value === undefined) return undefined;
  return /^\d+$/.test(value)
    ? Number(value)
    : fail(`${name} must be a whole number (got "${value}")`);
};

/** A whole number of at least 1: a bound, where `0` would refuse every write. */
const count = (env: RelayEnvVars, name: string): number | undefined => {
  const value = str(env, name);
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) && Number(value) >= 1
    ? Number(value)
    : fail(`${name} must be a whole number of at least 1 (got "${value}")`);
};

/** `1`, `true`, `yes`, `on` (any case) are true. */
export const flag = (env: RelayEnvVars, name: string): boolean =>
  /^(1|true|yes|on)$/i.test(str(env, name) ?? '');

/**
 * Relay options from `ZV_*` variables, shared by the CLI and the Worker. Only what is set is
 * returned, so a JSON config file can supply the rest. The SQLite store is added by the Node
 * CLI (it needs `ZV_DATA_DIR`); the upstream sinks here work on both platforms.
 */
export const readEnvOptions = (env: RelayEnvVars): RelayOptions => {
  const options: RelayOptions = {};
  const basePath = str(env, 'ZV_BASE_PATH');
  if (basePath !== undefined) options.basePath = basePath;
  const origins = list(env, 'ZV_ALLOWED_ORIGINS');
  if (origins) options.allowedOrigins = origins;
  const proxies = list(env, 'ZV_TRUSTED_PROXIES');
  if (proxies) options.trustedProxies = proxies;
  const level = int(env, 'ZV_IP_LEVEL');
  if (level !== undefined) options.ipLevel = level as 1 | 2 | 3;
  const maxBody = int(env, 'ZV_MAX_BODY_BYTES');
  if (maxBody !== undefined) options.maxBodyBytes = maxBody;
  const allowParams = list(env, 'ZV_ALLOW_PARAMS');
  if (allowParams) options.allowParams = allowParams;
  const token = str(env, 'ZV_STATS_TOKEN');
  if (token) options.statsToken = token;
  if (flag(env, 'ZV_EXPOSE_RECORDS')) options.exposeRecords = true;
  const retention = int(env, 'ZV_RETENTION_DAYS');
  if (retention !== undefined) options.retentionDays = retention;
  const threshold = int(env, 'ZV_STATS_THRESHOLD');
  if (threshold !== undefined) options.statsThreshold = threshold;
  const maxBatch = count(env, 'ZV_STORE_MAX_BATCH');
  if (maxBatch !== undefined) options.storeMaxBatch = maxBatch;
  const maxQueue = count(env, 'ZV_STORE_MAX_QUEUE');
  if (maxQueue !== undefined) options.storeMaxQueue = maxQueue;
  const salt = str(env, 'ZV_GA_SALT');
  if (salt) options.gaSalt = salt;

  if (/^(0|false|no|off)$/i.test(str(env, 'ZV_RATE_LIMIT') ?? '')) options.rateLimit = false;
  else {
    const burst = int(env, 'ZV_RATE_BURST');
    const perSecond = int(env, 'ZV_RATE_PER_SECOND');
    if (burst !== undefined || perSecond !== undefined) options.rateLimit = { burst, perSecond };
  }

  const sinks: SinkOptions[] = [];
  const matomo = str(env, 'ZV_MATOMO_URL');
  if (matomo) {
    sinks.push({
      type: 'matomo',
      url: matomo,
      siteId:
        str(env, 'ZV_MATOMO_SITE_ID') ?? fail('ZV_MATOMO_SITE_ID is required with ZV_MATOMO_URL'),
      token: str(env, 'ZV_MATOMO_TOKEN') ?? fail('ZV_MATOMO_TOKEN is required with ZV_MATOMO_URL'),
    });
  }
  const plausible = str(env, 'ZV_PLAUSIBLE_DOMAIN');
  if (plausible)
    sinks.push({ type: 'plausible', domain: plausible, url: str(env, 'ZV_PLAUSIBLE_URL') });
  const ga4 = str(env, 'ZV_GA4_ENDPOINT');
  if (ga4 || flag(env, 'ZV_GA4'))
    sinks.push({ type: 'ga4', endpoint: ga4, allowParams: list(env, 'ZV_GA4_ALLOW_PARAMS') });
  if (sinks.length) options.sinks = sinks;
  return options;
};
