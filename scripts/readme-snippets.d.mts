export interface SizeSnippet {
  lang: string;
  code: string;
  /** The README line where the code starts. */
  line: number;
}
/** Every code block of `markdown` marked `<!-- size: <name> -->`, by name. */
export function parseSizeSnippets(markdown: string): Map<string, SizeSnippet>;
/** The marked code blocks of the project's README.md, by name. */
export function sizeSnippets(): Map<string, SizeSnippet>;
/** The host script of a snippet: an html block's `<script type="module">`, or a js block. */
export function hostScript(snippet: Pick<SizeSnippet, 'lang' | 'code'>): string;
/** The host's own modules a script imports by a relative path, as stubs: relative path → source. */
export function hostModules(script: string): Map<string, string>;
/** Writes the snippet `name` as a host entry in `dir` with the stubs beside it; returns the entry's path. */
export function writeSnippet(name: string, dir: string, snippets?: Map<string, SizeSnippet>): string;
