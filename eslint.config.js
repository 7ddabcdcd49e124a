import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// Customer-controlled text must never become markup (QUALITY.md, Security).
const htmlSinkMessage = 'Render customer-controlled content as text: HTML sinks are banned in src.';

export default defineConfig(
  {
    ignores: ['dist/', 'storybook-static/', '.size/', '.csp-demo/', 'node_modules/', 'custom-elements.json', 'bench/out/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Benchmarks and page scripts hand functions to the browser (playwright `page.evaluate`).
    files: ['bench/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The peers' pages the bundle bench builds (bench/sections/bundles.mjs) run in the browser.
    files: ['bench/peers/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Chai assertions are property reads: `expect(x).to.be.true`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: htmlSinkMessage },
            { name: 'lit/directives/unsafe-svg.js', message: htmlSinkMessage },
            { name: 'lit-html/directives/unsafe-html.js', message: htmlSinkMessage },
            { name: 'lit-html/directives/unsafe-svg.js', message: htmlSinkMessage },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: htmlSinkMessage },
        { object: 'document', property: 'writeln', message: htmlSinkMessage },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]",
          message: htmlSinkMessage,
        },
        {
          selector: "MemberExpression[computed=true][property.value=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]",
          message: htmlSinkMessage,
        },
        { selector: 'CallExpression[callee.name=/^(unsafeHTML|unsafeSVG)$/]', message: htmlSinkMessage },
      ],
    },
  },
);
