import { vi } from 'vitest';
import { defineRelaySuite } from './support/defineRelaySuite';
import { startWorkerRelay, SUITE_BINDINGS } from './support/startWorkerRelay';

// Each case reads back up to 1,000 records through workerd, from D1 in the second run; on a
// busy machine that takes longer than vitest's default 5 s, which says nothing about the relay.
vi.setConfig({ testTimeout: 30_000 });

/**
 * The same request-level suite through workerd, against the built Worker bundle configured by
 * env vars, as on Cloudflare: once with the in-memory ring as its store, once with D1.
 */
defineRelaySuite('relay on workerd (dist/relay-worker.mjs via miniflare)', () =>
  startWorkerRelay({ bindings: { ...SUITE_BINDINGS, ZV_MEMORY_SINK: '1' } }),
);
defineRelaySuite('relay on workerd with the D1 store (ZV_D1 binding)', () =>
  startWorkerRelay({ bindings: SUITE_BINDINGS, d1: true }),
);
