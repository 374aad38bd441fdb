/**
 * What the relay reads of a request. A Fetch `Request` is one (Workers, tests, a site's own
 * server); the Node adapter passes a lighter object, its body already read (`prereadBody`):
 * building a `Request` costs an AbortSignal and a header list the relay never uses.
 */
export interface RelayRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** The body as a stream, where it was not read already (a `Request`'s). */
  readonly body?: ReadableStream<Uint8Array> | null;
  arrayBuffer?(): Promise<ArrayBuffer>;
}
