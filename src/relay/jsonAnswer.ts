import type { RelayHandler } from './types';
import type { RelayRequest } from './relayRequest';

/**
 * A JSON answer of the relay, as its parts. The relay's own paths answer with these and build a
 * Fetch `Response` only at its public edge (`toResponse`): the Node adapter writes the parts
 * straight to the socket, and a `Response` with a body costs a web stream that nothing reads
 * (with the Request, a sixth of the CPU of a beacon over HTTP, `bench/relay.bench.mjs`).
 */
export class JsonAnswer {
  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    /** The body; `null` for a 204. */
    readonly text: string | null,
  ) {}
}

/** What a route of the relay answers: JSON as parts, or a Response (dashboard pages, assets). */
export type RelayAnswer = JsonAnswer | Response;

/** The answer as a Fetch `Response`, for the relay's callers. */
export const toResponse = (answer: RelayAnswer): Response =>
  answer instanceof JsonAnswer
    ? new Response(answer.text, { status: answer.status, headers: answer.headers })
    : answer;

/** A JSON answer; every answer of the relay that is no page, errors included, is one. */
export const jsonAnswer = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): JsonAnswer =>
  new JsonAnswer(
    status,
    {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
    status === 204 ? null : JSON.stringify(body),
  );

/** The relay's routes before `toResponse`, for an adapter that writes answers itself. */
export type AnswerRequest = (
  request: RelayRequest,
  env?: unknown,
  ctx?: Parameters<RelayHandler>[2],
) => Promise<RelayAnswer>;

const answerers = new WeakMap<RelayHandler, AnswerRequest>();

/** Marks `answer` as what `relay` does before it makes a Response (`createRelayHandler`). */
export const setAnswerer = (relay: RelayHandler, answer: AnswerRequest): void => {
  answerers.set(relay, answer);
};

/**
 * The routes behind `relay` when it is the relay itself; `undefined` for any other handler (a
 * site's own wrapper around it), which is called with a real Request.
 */
export const answererOf = (relay: RelayHandler): AnswerRequest | undefined => answerers.get(relay);
