import { createRelayHandler } from './createRelayHandler';
import type { SinkFactory } from './resolveOptions';
import { createNdjsonSink } from './sinks/createNdjsonSink';
import type { NdjsonSinkOptions, RelayHandler, RelayOptions } from './types';

const nodeSinks: Record<string, SinkFactory> = {
  ndjson: (options, now) => {
    const { dir } = options as NdjsonSinkOptions;
    if (typeof dir !== 'string' || !dir) {
      throw new Error('zorgvuldig createRelay(): the ndjson sink needs a dir');
    }
    return createNdjsonSink(options as NdjsonSinkOptions, now);
  },
};

/**
 * The relay for Node: a `(request, env?, ctx?) => Promise<Response>` handler with every sink,
 * the embedded ndjson store included. Mount it with `handleNodeRequest()` or run it with
 * `startRelayServer()`. On Workers, `zorgvuldig/relay` resolves to the Worker build instead.
 */
/* @__NO_SIDE_EFFECTS__ */
export const createRelay = (options: RelayOptions = {}): RelayHandler =>
  createRelayHandler(options, nodeSinks);
