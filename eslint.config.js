// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['probe*.ts', 'node_modules/**', 'reports/**', 'coverage/**', '.gst-store/**', 'src/engine/kernels/wasm/assembly/**', 'gpu-bundle/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // type-aware rules: a promise nobody awaits loses its error (and a run's result)
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
);
