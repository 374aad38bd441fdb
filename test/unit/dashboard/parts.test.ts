import { describe, expect, it } from 'vitest';
import { customRange, presetRange } from '../../../src/dashboard/dateRange';
import { createFormat } from '../../../src/dashboard/format';
import { rateVital } from '../../../src/dashboard/rateVital';
import { toCsv } from '../../../src/dashboard/toCsv';

describe('dashboard parts', () => {
  it('counts the presets back from today, as UTC days', () => {
    const now = Date.parse('2026-03-01T23:30:00Z');
    expect(presetRange('today', now)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetRange('7d', now)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(presetRange('30d', now)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('accepts only real, ordered custom days', () => {
    expect(customRange('2026-01-01', '2026-01-31')).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(customRange('2026-02-30', '2026-03-01')).toBeNull();
    expect(customRange('2026-03-02', '2026-03-01')).toBeNull();
    expect(customRange('', '2026-03-01')).toBeNull();
  });

  it('shows hidden counts as "< 5" and withheld figures as a dash', () => {
    const f = createFormat('nl-NL');
    expect(f.count('<5')).toBe('< 5');
    expect(f.count('<10')).toBe('< 10');
    expect(f.count(12345)).toBe('12.345');
    expect(f.share(null)).toBe('–');
    expect(f.share(0.607)).toBe('60,7%');
    expect(f.ms(null)).toBe('–');
    expect(f.bytes(5320)).toBe('5,2 kB');
  });

  it('rates p75 values with the web.dev thresholds', () => {
    expect(rateVital('lcp', 2500)).toBe('good');
    expect(rateVital('lcp', 2501)).toBe('needsImprovement');
    expect(rateVital('lcp', 4001)).toBe('poor');
    expect(rateVital('cls', 0.1)).toBe('good');
    expect(rateVital('cls', 0.26)).toBe('poor');
    expect(rateVital('inp', null)).toBeNull();
  });

  it('writes CSV a spreadsheet cannot run as formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['=HYPERLINK("x")', 'x,y'],
          ['+1', 'ok'],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")","x,y"\r\n\'+1,ok\r\n');
  });
});
