// Where the generator and the store benchmark write: `kind:where`, e.g. `sqlite:.data/demo/zorgvuldig.sqlite`.
// A backend adds itself here with a function that opens its `SqlDriver` (the relay's build
// must exist: `npm run build`).
import { fileURLToPath } from 'node:url';

const relayEntry = fileURLToPath(new URL('../../dist/relay.mjs', import.meta.url));

/** kind → opens a driver on `where`. */
export const TARGETS = {
  sqlite: async (where, relay) => relay.openSqliteDriver(where),
};

/** Opens the store of `spec` with the relay's `createSqlStore` and runs its migrations. */
export const openStoreTarget = async (spec, options = {}) => {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const where = colon < 0 ? '' : spec.slice(colon + 1);
  const open = TARGETS[kind];
  if (!open || !where) {
    throw new Error(
      `unknown store target "${spec}": use ${Object.keys(TARGETS)
        .map((k) => `${k}:<where>`)
        .join(' or ')}`,
    );
  }
  const relay = await import(relayEntry).catch(() => {
    throw new Error('dist/relay.mjs is missing: run `npm run build` first');
  });
  const driver = await open(where, relay);
  const store = relay.createSqlStore(driver, options);
  await store.migrate();
  return { kind, where, driver, store };
};
