// Build step for dist/: drops the indentation inside Lit's html`…`, svg`…` and css`…` literals, which
// the minifier keeps as it keeps every string. Only whitespace goes, and only where it cannot show:
// - a run of spaces, tabs and line breaks that holds a line break keeps only its line breaks (they
//   render like spaces outside `white-space: pre`/`pre-wrap`, and `pre-line` keeps them anyway);
// - a template that holds `<pre`, `<textarea`, `<script` or `<style` is left alone;
// - css: outside strings, comments go, and so do spaces around `{`, `}`, `;`, `,` and after `:`
//   (never before `:`, nor around `+`, `-`, `*`, `/`, which selectors and `calc()` need);
// - whitespace after a backslash stays (a line continuation or a CSS escape).
// Line breaks stay, so lines keep their numbers and the source maps stay right.
import ts from 'typescript';

const HTML_TAGS = new Set(['html', 'svg']);
const CSS_TAGS = new Set(['css']);
const UNTOUCHABLE = /<(pre|textarea|script|style)\b/i;

/**
 * Spaces, tabs and line breaks around a line break, not after a backslash → the line breaks alone
 * (so every line keeps its number). Other white space (a no-break space) is content and stays.
 */
const collapseLines = (text) => text.replace(/(^|[^\\])([ \t\r\n]*\n[ \t\r\n]*)/g, (_, before, space) => before + space.replace(/[^\n]/g, ''));

/** @param {string} text raw text of one literal part (between `, ${ and }) */
export function minifyHtmlPart(text) {
  return collapseLines(text);
}

/** CSS strings ('…' or "…"), which keep every character. */
const CSS_STRING = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/;

/** @param {string} text raw text of one literal part */
export function minifyCssPart(text) {
  return text
    .split(CSS_STRING)
    .map((chunk, i) => {
      if (i % 2 === 1) return chunk;
      const stripped = chunk.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''));
      return collapseLines(stripped)
        .replace(/(^|[^\\])[ \t]+(?=[{};,])/g, '$1')
        .replace(/([{};,:])[ \t]+/g, '$1');
    })
    .join('');
}

/**
 * Rewrites the tagged templates of one TypeScript/JavaScript module. Returns the new code, or
 * undefined when nothing changed.
 * @param {string} code
 * @param {string} fileName
 */
export function minifyTemplates(code, fileName) {
  if (!/\b(html|svg|css)`/.test(code)) return undefined;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const minify = HTML_TAGS.has(tag) ? minifyHtmlPart : CSS_TAGS.has(tag) ? minifyCssPart : undefined;
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      const whole = parts.map((part) => part.rawText ?? '').join('');
      if (minify && !(HTML_TAGS.has(tag) && UNTOUCHABLE.test(whole))) {
        for (const part of parts) {
          // The part's text runs from after its opening delimiter (` or }) to before its closing one (` or ${).
          const start = part.getStart(source) + 1;
          const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
          const raw = code.slice(start, end);
          const text = minify(raw);
          if (text !== raw) edits.push({ start, end, text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return undefined;
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** A Vite plugin for the library build: runs `minifyTemplates` on the package's own sources. */
export function minifyTemplatesPlugin(srcDir) {
  return {
    name: 'cc-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !/\.[cm]?[jt]sx?$/.test(id)) return undefined;
      const out = minifyTemplates(code, id);
      // Only whitespace inside lines changed: the lines, and so the source maps, stay as they were.
      return out === undefined ? undefined : { code: out, map: null };
    },
  };
}
