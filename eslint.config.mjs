import tseslint from 'typescript-eslint';

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
  {
    // The statistics dashboard's page is browser code too; it reads the relay's data contract
    // (`relay/store/types`) as types only, and never runs relay code.
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
  ...[
    // The relay serves the dashboard page's built text (dashboardAssets), never its code.
    ['src/relay/*.ts', '^\\.\\./dashboard(/|$)'],
    ['src/relay/*/**/*.ts', '^\\.\\./\\.\\./dashboard(/|$)'],
  ].map(([files, dashboardPage]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/consent/**', '**/ui/**', '**/stats/**', '**/guard/**', '**/google/**'] },
            {
              regex: dashboardPage,
              message: 'The relay serves the dashboard page as built text (dashboardAssets).',
            },
          ],
        },
      ],
    },
  })),
);
