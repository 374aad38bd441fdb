import type { FunctionSinkOptions, Sink } from '../types';

/**
 * Hands records to the site's own code, after truncation and scrubbing. A function that throws
 * counts as a failed store: the beacon gets a 503 and the browser retries it.
 */
export const createFunctionSink = ({ fn }: FunctionSinkOptions): Sink => ({
  name: 'function',
  async write(records) {
    await fn(records.map((record) => structuredClone(record)));
  },
});
