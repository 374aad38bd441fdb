import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PartModules } from '../../../src/context/parts';
import { createParts } from '../../../src/core/createParts';

const ui = { mountUi: vi.fn() } as unknown as PartModules['ui'];

afterEach(() => vi.restoreAllMocks());

describe('createParts', () => {
  it('fetches a part once, however often it is asked for, and reports its status', async () => {
    const load = vi.fn(() => Promise.resolve(ui));
    const parts = createParts(load as never);
    expect(parts.status()).toEqual({
      shell: 'not-needed',
      ui: 'not-needed',
      stats: 'not-needed',
      rights: 'not-needed',
      receipts: 'not-needed',
    });
    const first = parts.get('ui');
    expect(parts.status().ui).toBe('loading');
    expect(parts.peek('ui')).toBeUndefined();
    const [a, b] = await Promise.all([first, parts.get('ui')]);
    expect(a).toBe(ui);
    expect(b).toBe(ui);
    expect(load).toHaveBeenCalledTimes(1);
    expect(parts.status().ui).toBe('loaded');
    expect(parts.peek('ui')).toBe(ui);
  });

  it('fails closed: rejects every caller, warns once naming the part, and says "failed"', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = vi.fn(() => Promise.reject(new Error('404 at /dist/zorgvuldig.stats.js')));
    const parts = createParts(load as never);
    await expect(parts.get('stats')).rejects.toThrow('404');
    await expect(parts.get('stats')).rejects.toThrow('404');
    expect(load).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^zorgvuldig: part "stats" could not load \(404/);
    expect(parts.status()).toEqual({
      shell: 'not-needed',
      ui: 'not-needed',
      stats: 'failed',
      rights: 'not-needed',
      receipts: 'not-needed',
    });
    expect(parts.peek('stats')).toBeUndefined();
  });

  it('uses inlined parts in the same task and never fetches', async () => {
    const load = vi.fn();
    const inlined = { ui, stats: {}, rights: {} } as unknown as PartModules;
    const parts = createParts(load as never, inlined);
    expect(parts.peek('ui')).toBe(ui);
    expect(await parts.get('ui')).toBe(ui);
    expect(load).not.toHaveBeenCalled();
    expect(parts.status()).toEqual({
      shell: 'loaded',
      ui: 'loaded',
      stats: 'loaded',
      rights: 'loaded',
      receipts: 'loaded',
    });
  });
});
