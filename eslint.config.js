// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['probe*.ts', 'node_modules/**', 'reports/**', 'coverage/**', '.gst-store/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
);
