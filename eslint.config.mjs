import tseslint from 'typescript-eslint';

const FEATURES = ['guard', 'google', 'gating', 'stats', 'rights', 'declaration', 'audit', 'ui'];
const RELAY_ONLY =
  'The relay imports only src/privacy/ and src/protocol/ outside src/relay/ (ARCHITECTURE.md).';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'reports/', 'test-results/', '.data/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Set text with textContent; config text is never HTML.' },
      ],
    },
  },
  {
    // Browser code must never reach for the relay (and vice versa): DESIGN.md, data flows one way.
    files: ['src/**/*.ts'],
    ignores: ['src/relay/**', 'src/privacy/**', 'src/dashboard/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/relay/**'] }] },
  },
  // Features talk through the Context (src/context/) and the shared foundations (config, consent,
  // cookies, lib, privacy, protocol), never to each other: only the composition root (src/core/)
  // and the entries know them all.
  ...FEATURES.map((feature) => ({
    files: [`src/${feature}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Repeated here: this block replaces the browser block's rule for these files.
            { group: ['**/relay/**'], message: 'Browser code never imports the relay.' },
            ...FEATURES.filter((other) => other !== feature).map((other) => ({
              group: [`**/${other}/*`],
              message: `${feature}/ must not import ${other}/: pass it through the Context or move it to lib/.`,
            })),
          ],
        },
      ],
    },
  })),
  // The relay is an allow-list: outside its own folder it may import only the scrubber
  // (`src/privacy/`) and the wire format (`src/protocol/`). A relative import that leaves
  // src/relay/ for anything else is refused, however deep the importing file sits.
  {
    files: ['src/relay/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!privacy/|protocol/)', message: RELAY_ONLY }] },
      ],
    },
  },
  {
    files: ['src/relay/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./\\.\\./(?!privacy/|protocol/)', message: RELAY_ONLY },
            { regex: '^\\.\\./\\.\\./\\.\\./', message: RELAY_ONLY },
          ],
        },
      ],
    },
  },
  {
    // The statistics dashboard's page is browser code too; it reads the relay's data contract
    // (`relay/store/types`) as types only, and never runs relay code. (The relay's allow-list
    // above keeps it from importing the page as code: it serves the built text, dashboardAssets.)
    files: ['src/dashboard/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)relay/(?!store/types$)',
              message: 'The dashboard page may use only the types of relay/store/types.',
            },
            { group: ['**/relay/store/types'], allowTypeImports: true },
          ],
        },
      ],
    },
  },
);
