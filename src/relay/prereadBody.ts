import type { RelayRequest } from './relayRequest';

/**
 * Bodies the Node adapter has already read, by the request they belong to. Node hands the relay
 * the whole body as one buffer (read within the limit and the time-out while it streamed);
 * giving it to `new Request()` would wrap it in a web stream only for `readBody` to drain it
 * again, a sixth of the relay's CPU per beacon. The request goes without a body, and `readBody`
 * takes the bytes from here. A WeakMap: a body lives no longer than its request.
 */
const prereadBodies = new WeakMap<RelayRequest, Uint8Array>();

/** Marks `bytes` as the body of `request` (built without one). */
export const setPrereadBody = (request: RelayRequest, bytes: Uint8Array): void => {
  prereadBodies.set(request, bytes);
};

/** The body the Node adapter read for `request`, if it did. */
export const prereadBodyOf = (request: RelayRequest): Uint8Array | undefined =>
  prereadBodies.get(request);
