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
    ignores: ['src/relay/**', 'src/privacy/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/relay/**'] }] },
  },
  {
    files: ['src/relay/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/consent/**', '**/ui/**', '**/stats/**', '**/guard/**', '**/google/**'] },
      ],
    },
  },
);
