import { afterEach, describe, expect, it, vi } from 'vitest';
import { guarded } from '../../../src/lib/guarded';

afterEach(() => vi.restoreAllMocks());

describe('guarded', () => {
  it('passes arguments and the result through', () => {
    expect(guarded('adding', (a: number, b: number) => a + b)(2, 3)).toBe(5);
  });

  it('reports a throw on the console, naming the step, and returns undefined', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const run = guarded('saving', () => {
      throw new Error('broken built-in');
    });
    expect(run()).toBeUndefined();
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]![0])).toContain('zorgvuldig: saving failed');
  });

  it('catches a rejected promise, so no unhandled rejection reaches the page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(
      guarded('sending', () => Promise.reject(new Error('x')))(),
    ).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledOnce();
  });

  it('survives a console that throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {
      throw new Error('console broken too');
    });
    expect(() => guarded('x', () => JSON.parse('{'))()).not.toThrow();
  });
});
