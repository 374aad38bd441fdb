import type * as v from 'valibot';
import { jsonAnswer, type RelayAnswer } from './jsonAnswer';
import { parseJsonBody } from './parseJsonText';
import { readBody } from './readBody';
import type { RelayState } from './relayState';
import { validate } from './schemas';
import type { RelayRequest } from './relayRequest';

/**
 * Reads, parses and validates a JSON body; any failure becomes the JSON error response that
 * names the problem (and the field, for schema errors).
 */
export const readJsonRequest = async <S extends v.GenericSchema>(
  request: RelayRequest,
  schema: S,
  state: RelayState,
  headers: Record<string, string>,
): Promise<{ ok: true; value: v.InferOutput<S> } | { ok: false; response: RelayAnswer }> => {
  const reject = (status: number, body: { error: string; field?: string }) => {
    state.counters.rejected++;
    return { ok: false as const, response: jsonAnswer(status, body, headers) };
  };
  const type = request.headers.get('content-type');
  const body = await readBody(request, state.options.maxBodyBytes, state.options.bodyTimeoutMs);
  if (!body.ok) {
    if (body.reason === 'too-large') {
      return reject(413, { error: `body larger than ${state.options.maxBodyBytes} bytes` });
    }
    return reject(body.reason === 'timeout' ? 408 : 400, {
      error: `body could not be read (${body.reason})`,
    });
  }
  const parsed = parseJsonBody(type, body.bytes);
  if (!parsed.ok) return reject(parsed.status, { error: parsed.error });
  const result = validate(schema, parsed.value);
  if (!result.ok)
    return reject(400, { error: result.error, ...(result.field ? { field: result.field } : {}) });
  return { ok: true, value: result.value };
};
