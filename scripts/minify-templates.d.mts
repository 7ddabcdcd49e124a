import type { Plugin } from 'vite';

/** The module with its html`…`, svg`…` and css`…` literals minified, or undefined when nothing changed. */
export function minifyTemplates(code: string, fileName: string): string | undefined;
export function minifyHtmlPart(text: string): string;
export function minifyCssPart(text: string): string;
/** The library build's plugin: minifies the literals of the modules under `srcDir`. */
export function minifyTemplatesPlugin(srcDir: string): Plugin;
