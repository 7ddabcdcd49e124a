import type { Plugin } from 'vite';

/** Vite library entries for the React bindings: `react` and `react/<folder>`, generated from custom-elements.json. */
export function reactEntries(root: string): Record<string, string>;
/** The package build's plugin: React entries as virtual modules; framework typings and IDE data after the build. */
export function frameworksPlugin(root: string): Plugin;
/** `cc-send` → `onCcSend`. */
export function eventProp(event: string): string;
