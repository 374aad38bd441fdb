import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolveConfig';

const HOSTILE = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  '\njavascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:https://example.nl/1',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
];
const SAFE = [
  'https://www.example.nl/privacy',
  'http://localhost:8080/zv',
  '/privacy',
  'zv',
  '//cdn.example.nl/sw.js',
];

const withField = (field: string, value: string) =>
  field === 'google.transportUrl' ? { google: { transportUrl: value } } : { [field]: value };
const valueOf = (config: Record<string, unknown>, field: string) =>
  field === 'google.transportUrl'
    ? (config.google as Record<string, unknown>).transportUrl
    : config[field];

describe('URL options', () => {
  for (const field of ['endpoint', 'privacyUrl', 'serviceWorker', 'google.transportUrl']) {
    it(`${field} refuses every scheme but https: and http:, with one problem naming it`, () => {
      for (const value of HOSTILE) {
        const { config, problems } = resolveConfig(withField(field, value));
        expect(valueOf(config as unknown as Record<string, unknown>, field)).toBeNull();
        expect(problems).toHaveLength(1);
        expect(problems[0]!.field).toBe(field);
        expect(problems[0]!.problem).toMatch(/https:, http: or relative URL/);
      }
    });

    it(`${field} accepts https:, http: and relative URLs`, () => {
      for (const value of SAFE) {
        const { config, problems } = resolveConfig(withField(field, value));
        expect(problems).toEqual([]);
        expect(valueOf(config as unknown as Record<string, unknown>, field)).toBe(value);
      }
    });
  }
});
