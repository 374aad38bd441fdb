// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchNavigation } from '../../../src/lib/watchNavigation';

const original = { pushState: history.pushState, replaceState: history.replaceState };
afterEach(() => Object.assign(history, original));

describe('watchNavigation', () => {
  it('reports pushState, replaceState and popstate after the URL changed', () => {
    const seen: string[] = [];
    const stop = watchNavigation(() => seen.push(location.pathname));
    history.pushState(null, '', '/a');
    history.replaceState(null, '', '/b');
    dispatchEvent(new PopStateEvent('popstate'));
    stop();
    history.pushState(null, '', '/c');
    expect(seen).toEqual(['/a', '/b', '/b']);
  });

  it("keeps the page's errors and return values, and hides its own", () => {
    watchNavigation(() => {
      throw new Error('statistics bug');
    });
    expect(() => history.pushState(null, '', '/ok')).not.toThrow();
    expect(location.pathname).toBe('/ok');
    expect(() => history.pushState(null, '', 'https://elsewhere.example/')).toThrow();
  });

  it('leaves a wrapper installed after it in place when stopped', () => {
    const stop = watchNavigation(() => {});
    const later = vi.fn(history.pushState);
    history.pushState = later;
    stop();
    expect(history.pushState).toBe(later);
  });

  it('does not throw where history is read-only', () => {
    const frozen = Object.create(History.prototype);
    vi.spyOn(window, 'history', 'get').mockReturnValue(Object.freeze(frozen));
    expect(() => watchNavigation(() => {})()).not.toThrow();
    vi.restoreAllMocks();
  });
});
