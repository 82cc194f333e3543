// Figma's own lint rules for plugin code: they flag deprecated and synchronous APIs that break
// under `documentAccess: "dynamic-page"`. They need type information, so they read the main
// thread's tsconfig.
import * as figmaPlugin from '@figma/eslint-plugin-figma-plugins';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['figma-plugin/src/main/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './figma-plugin/tsconfig.main.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@figma/figma-plugins': figmaPlugin },
    rules: { ...figmaPlugin.flatConfigs.recommended.rules },
  },
];
