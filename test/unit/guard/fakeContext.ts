import type { Config } from '../../../src/config/config';
import type { ZorgvuldigOptions } from '../../../src/config/options';
import { resolveConfig } from '../../../src/config/resolveConfig';
import type { Choices, ConsentController, ConsentState } from '../../../src/consent/types';
import type { BlockedRequest, Context, SdkEvents } from '../../../src/context/context';
import { createSessionJar } from '../../../src/cookies/createSessionJar';
import { createEmitter } from '../../../src/lib/createEmitter';

/** A consent controller that keeps choices in memory, enough for the guard and the gate. */
export const fakeConsent = (initial: Choices = {}): ConsentController => {
  let choices: Choices = { necessary: true, ...initial };
  const listeners = new Set<(state: ConsentState) => void>();
  const get = (): ConsentState => ({
    decided: true,
    choices: { ...choices },
    id: null,
    policyVersion: '1',
    time: null,
    method: null,
    objection: null,
  });
  const notify = () => listeners.forEach((listener) => listener(get()));
  return {
    get,
    isGranted: (category) => !!choices[category],
    set(next) {
      choices = { ...choices, ...next };
      notify();
      return get();
    },
    reset() {
      choices = { necessary: true };
      notify();
    },
    refresh() {},
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
};

export interface FakeContext extends Context {
  /** Every `blocked` event emitted. */
  events$: BlockedRequest[];
  teardown(): void;
}

/** A Context as init() builds it, with a fake consent controller. */
export const fakeContext = (
  options: ZorgvuldigOptions = {},
  choices: Choices = {},
): FakeContext => {
  const { config, problems } = resolveConfig(options);
  if (problems.length) throw new Error(JSON.stringify(problems));
  const teardowns: (() => void)[] = [];
  const events = createEmitter<SdkEvents>();
  const seen: BlockedRequest[] = [];
  events.on('blocked', (request) => seen.push(request));
  return {
    config: config as Config,
    consent: fakeConsent(choices),
    events,
    jar: createSessionJar(false),
    onTeardown: (fn) => void teardowns.push(fn),
    events$: seen,
    teardown: () => teardowns.splice(0).forEach((fn) => fn()),
  };
};
