#!/usr/bin/env node
// Fills a statistics store with generated visits (see scripts/lib/generateVisits.mjs): for the
// dashboard's demo, the query benchmark and trying queries out. The data is invented, and the
// output says so.
//   npm run build && node scripts/generate-visits.mjs [--target sqlite:.data/demo/zorgvuldig.sqlite]
//     [--pageviews 100000] [--days 30] [--seed 1]
import { parseArgs } from 'node:util';
import { generateVisits } from './lib/generateVisits.mjs';
import { openStoreTarget } from './lib/storeTargets.mjs';

/** Writes `pageviews` page views of generated visits into `store`, bodies in flight at once. */
export const fillStore = async (
  store,
  { pageviews, days, seed, now = Date.now(), inFlight = 256 },
) => {
  const counts = { records: 0, pageviews: 0, receipts: 0 };
  let writing = [];
  for (const body of generateVisits({ pageviews, days, seed, now })) {
    for (const record of body) {
      counts.records++;
      if (record.type === 'pageview') counts.pageviews++;
      if (record.type === 'consent') counts.receipts++;
    }
    writing.push(store.append(body));
    if (writing.length >= inFlight) {
      await Promise.all(writing);
      writing = [];
    }
  }
  await Promise.all(writing);
  return counts;
};

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const { values: args } = parseArgs({
    options: {
      target: { type: 'string', default: 'sqlite:.data/demo/zorgvuldig.sqlite' },
      pageviews: { type: 'string', default: '100000' },
      days: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
    },
  });
  const started = Date.now();
  const { store } = await openStoreTarget(args.target, { retentionDays: Number(args.days) + 1 });
  const counts = await fillStore(store, {
    pageviews: Number(args.pageviews),
    days: Number(args.days),
    seed: Number(args.seed),
  });
  await store.close();
  console.log(
    `GENERATED DATA, not real visitors: ${counts.pageviews.toLocaleString('en')} page views ` +
      `(${counts.records.toLocaleString('en')} records, ${counts.receipts.toLocaleString('en')} consent receipts) ` +
      `over ${args.days} days into ${args.target} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
