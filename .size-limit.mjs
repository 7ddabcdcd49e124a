// Size budgets (minified + gzip -9, every dependency bundled) for what a host page really loads.
// `npm run size:build` (scripts/size-build.mjs) builds the package, then one Vite production build
// per size entry — a README snippet marked `<!-- size: … -->` or a script in size/ —
// (vite.size.config.ts); this file reads each build's Vite manifest.
// "First load" is the entry chunk plus every chunk it imports statically: what the page downloads
// before the script runs. Lazy chunks load on first use and are budgeted on their own, as they come
// out of the build of the README snippet.
import { existsSync, readFileSync } from 'node:fs';
import { firstLoadKeys } from './scripts/vite-first-load.mjs';

/** @typedef {{ file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[] }} ManifestChunk */

/** @returns {Record<string, ManifestChunk>} */
function manifest(entry) {
  const path = `.size/${entry}/.vite/manifest.json`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run size:build first.`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The files a page loads before running the size entry `entry`: its chunk and, transitively, its static imports. */
function firstLoad(entry) {
  const chunks = manifest(entry);
  return [...firstLoadKeys(chunks)].map((key) => `.size/${entry}/${chunks[key].file}`);
}

/** The one lazy chunk of the size entry `entry`'s build whose source matches `source`; fails if it is gone or loads up front. */
function lazy(entry, source, what) {
  const chunks = Object.values(manifest(entry)).filter((chunk) => chunk.isDynamicEntry && source.test(chunk.src ?? ''));
  const file = chunks.length === 1 ? `.size/${entry}/${chunks[0].file}` : undefined;
  if (!file || firstLoad(entry).includes(file)) {
    throw new Error(`${what} is not a lazy chunk of the ${entry} size build (${chunks.length} found): it must load on first use.`);
  }
  return file;
}

export default [
  {
    name: 'core only: `import { createDesk } from "contact-center-elements"` (no Lit), first load',
    path: firstLoad('core'),
    // Raised from 18.1 kB by `desk.knowledge` (F9): only the loader of its commands, which load on first use;
    // then the productivity slices' facades and per-conversation stores (F14, F15) and calls (F20). Lowered
    // to QUALITY's bar (createDesk alone ≤ 20 kB) once a search page is put together in the lazy search
    // commands and the workday facades are the slices themselves (no copy of their names at run time).
    limit: '20.0 kB',
    gzip: true,
  },
  {
    name: 'one element: `…/define/communication-panel` + createDesk, first load',
    path: firstLoad('one-element'),
    // Lowered from 50.7 kB once the panel's transcript and attachment picker became a chunk loaded after it.
    limit: '42.0 kB',
    gzip: true,
  },
  {
    name: 'golden path: `…/define/` agent-desk, conversation-notification, communication-panel (its transcript and attachment picker load after it) + createDesk, first load',
    path: firstLoad('golden-path'),
    // A fixed bar for the golden path; the other limits are the measured figure plus a small margin.
    // Raised from 40 kB to the measured figure plus at most 0.5 kB: boundary validation (its checks load lazily),
    // the storage fault fallback, the two-tab send protocol, render guards, show-more and announcements
    // all ship with the first load; then the agent's workday (sessions, presence and capacity, wrap-up with
    // disposition codes, transfer, the privacy notice) grew the core and the panel by about 5 kB.
    // QUALITY's bar (35 kB) is still the target. Lowered from 56.3 kB to the measured 54.5 kB plus 0.3 kB once the
    // panel's wrap-up and transfer, and the storage fault fallback, became lazy chunks and unused event classes
    // were no longer bundled; every first-load limit below was lowered the same way (measured plus at most 0.4 kB).
    // Lowered from 54.8 kB to 48.4 kB once the panel's transcript and attachment picker became a chunk of
    // their own, loaded right after the page is first idle (or at once for the first conversation shown):
    // back under the 49.2 kB that held before the agent's productivity features (F9, F14, F15) came in.
    limit: '48.4 kB',
    gzip: true,
  },
  {
    name: 'README snippet: `import "contact-center-elements/define"` + createDesk (every element), first load',
    path: firstLoad('snippet'),
    // Raised from 75.8 kB by the knowledge search element (F9), which every-element pages register;
    // from 91.3 kB by the transcript search's every-match count and Show more; from 90.5 kB by the panel's
    // handling of its parts loading late (the Loading… status, the failure notice with Try again, Attach
    // and pasted files while they load), which every panel carries.
    limit: '91.1 kB',
    gzip: true,
  },
  {
    name: 'everything: define + every export of "." and "./elements", first load',
    path: firstLoad('everything'),
    // Raised from 92.7 kB by the transcript search's every-match count and Show more; from 92.0 kB as the
    // README snippet above.
    limit: '92.5 kB',
    gzip: true,
  },
  {
    name: 'smart assist: `…/define/smart-assist` + createDesk, first load',
    path: firstLoad('smart-assist'),
    limit: '31.7 kB',
    gzip: true,
  },
  {
    name: 'agent script: `…/define/agent-script` + createDesk, first load',
    path: firstLoad('agent-script'),
    limit: '31.5 kB',
    gzip: true,
  },
  {
    name: 'call controls: `…/define/call-controls` + createDesk, first load',
    path: firstLoad('call-controls'),
    // Measured 34.1 kB (F20): the element up front; the WebRTC and media commands stay a lazy chunk.
    limit: '34.4 kB',
    gzip: true,
  },
  {
    name: 'React golden path: `…/react/` agent-desk, conversation-notification, communication-panel + useStore + createDesk (React not counted), first load',
    path: firstLoad('react'),
    // The golden path's budget plus what the React entry adds: @lit/react's createComponent, three
    // wrappers and useStore (measured +0.8 kB over the golden path).
    limit: '49.2 kB',
    gzip: true,
  },
  {
    name: 'React, every wrapper: `contact-center-elements/react` + createDesk (React not counted), first load',
    path: firstLoad('react-all'),
    // The README snippet's budget plus every wrapper, useStore, and <cc-quick-replies> in the first load
    // (the panel loads it lazily; its wrapper registers it up front): measured +5.6 kB over the snippet.
    // Raised from 97.5 kB by the transcript search's every-match count and Show more. Raised from 96.4 kB
    // when the panel's transcript and attachment picker became a lazy chunk: this build registers them up
    // front anyway, but Vite 8's chunking then moves its preload helper and the panel's strings out of
    // the entry into a chunk of their own (1.5 kB more gzip, the same code).
    limit: '98.6 kB',
    gzip: true,
  },
  {
    name: 'sentiment analyzer: `import { createLexiconAnalyzer } from "contact-center-elements/sentiment"`, first load',
    path: firstLoad('sentiment'),
    limit: '3.5 kB',
    gzip: true,
  },
  {
    name: 'WebSocket transport: `import { WebSocketTransport } from "contact-center-elements/transports/websocket"`, first load',
    path: firstLoad('websocket'),
    limit: '3.5 kB',
    gzip: true,
  },
  {
    name: 'lazy: Polish catalog (first lang="pl")',
    path: lazy('snippet', /(^|\/)pl-[\w-]+\.js$/, 'The Polish catalog'),
    limit: '9.1 kB',
    gzip: true,
  },
  {
    name: 'lazy: transcript search engine (first search)',
    path: lazy('snippet', /(^|\/)service-[\w-]+\.js$/, 'The transcript search engine'),
    // Raised from 8.2 kB: every match counted and paged (shared result buffer, bitset union of a
    // prefix's tokens, conversation count, membership for the server's hits) and removals (9.35 kB), and the reload that reads only what changed since the snapshot (measured together 9.62 kB).
    limit: '9.9 kB',
    gzip: true,
  },
  {
    name: 'lazy: image lightbox (first image opened)',
    path: lazy('snippet', /(^|\/)lightbox-[\w-]+\.js$/, 'The image lightbox'),
    limit: '2.0 kB',
    gzip: true,
  },
  {
    name: 'lazy: transport event checks (first connect)',
    path: lazy('snippet', /(^|\/)validate-[\w-]+\.js$/, 'The transport event checks'),
    limit: '3.1 kB',
    gzip: true,
  },
  {
    name: 'lazy: CRM commands (first CRM lookup or record command)',
    path: lazy('snippet', /(^|\/)crm-commands-[\w-]+\.js$/, 'The CRM commands'),
    limit: '1.8 kB',
    gzip: true,
  },
  {
    name: 'lazy: file type sniffing (first attachment)',
    path: lazy('snippet', /(^|\/)sniff-[\w-]+\.js$/, 'File type sniffing'),
    limit: '1.5 kB',
    gzip: true,
  },
  {
    name: 'lazy: search commands (first transcript search)',
    path: lazy('snippet', /(^|\/)search-commands-[\w-]+\.js$/, 'The search commands'),
    // Raised from 0.8 kB: a search page is put together here (names from stored conversations), not in the desk's
    // first load; and the server's hits of the agent's own messages are matched to the local ones by client id.
    limit: '1.3 kB',
    gzip: true,
  },
  {
    name: 'lazy: knowledge commands (first article search)',
    path: lazy('snippet', /(^|\/)knowledge-commands-[\w-]+\.js$/, 'The knowledge commands'),
    limit: '0.8 kB',
    gzip: true,
  },
  {
    name: 'lazy: smart assist commands (first suggestions watched)',
    path: lazy('snippet', /(^|\/)assist-commands-[\w-]+\.js$/, 'The smart assist commands'),
    limit: '2.8 kB',
    gzip: true,
  },
  {
    name: 'lazy: agent script commands (first script watched, on a desk with scripts)',
    path: lazy('snippet', /(^|\/)scripts-commands-[\w-]+\.js$/, 'The agent script commands'),
    limit: '1.6 kB',
    gzip: true,
  },
  {
    name: "lazy: quick-reply list and the composer's quick replies (first `/`, placeholder or Save as quick reply in the composer), with the search helpers it shares with the commands",
    path: [
      lazy('snippet', /(^|\/)quick-replies-(?!commands|text)[\w-]+\.js$/, 'The quick-reply list'),
      ...Object.values(manifest('snippet'))
        .filter((chunk) => /(^|\/)quick-replies-text-[\w-]+\.js$/.test(chunk.file))
        .map((chunk) => `.size/snippet/${chunk.file}`),
    ],
    limit: '3.6 kB',
    gzip: true,
  },
  {
    name: 'lazy: quick-reply commands (first `/`, or any desk.quickReplies command)',
    path: lazy('snippet', /(^|\/)quick-replies-commands-[\w-]+\.js$/, 'The quick-reply commands'),
    limit: '2.0 kB',
    gzip: true,
  },
  {
    name: 'lazy: emoji picker with its bundled emoji and their English and Polish names (first press of the composer’s emoji button)',
    path: lazy('snippet', /(^|\/)emoji-part-[\w-]+\.js$/, 'The emoji picker'),
    limit: '5.0 kB',
    gzip: true,
  },
  {
    name: 'lazy: sentiment analyzer (first customer message the desk analyzes)',
    path: lazy('snippet', /(^|\/)sentiment\.js$/, 'The sentiment analyzer'),
    limit: '3.5 kB',
    gzip: true,
  },
  {
    name: 'lazy: sentiment analysis (window of six, batching; first customer message, on a desk with sentiment)',
    path: lazy('golden-path', /(^|\/)sentiment-engine-[\w-]+\.js$/, 'The sentiment analysis'),
    limit: '0.8 kB',
    gzip: true,
  },
  {
    name: 'lazy: sentiment badge and alert with their English (`<cc-sentiment-badge>`, `<cc-sentiment-alert>`; the panel and tabs load them when they first show a sentiment)',
    path: lazy('golden-path', /(^|\/)on-first-use-[\w-]+\.js$/, 'The sentiment badge and alert'),
    limit: '2.2 kB',
    gzip: true,
  },
  {
    name: 'lazy: call commands, WebRTC and media (first call command or call event, on a desk with capabilities.calls)',
    path: lazy('snippet', /(^|\/)calls-media-[\w-]+\.js$/, 'The call commands'),
    limit: '3.1 kB',
    gzip: true,
  },
  {
    name: 'lazy: call controls with their English (`<cc-call-controls>` and the menu items; the panel loads it when the desk has calls)',
    path: lazy('golden-path', /(^|\/)call-controls-part-[\w-]+\.js$/, 'The call controls'),
    limit: '4.8 kB',
    gzip: true,
  },
  {
    name: "lazy: the panel's transcript and attachment picker with their styles (when the page is first idle, or at the first conversation shown)",
    path: lazy('golden-path', /(^|\/)parts-[\w-]+\.js$/, "The panel's transcript and attachment picker"),
    limit: '10.2 kB',
    gzip: true,
  },
  {
    name: "lazy: the panel's wrap-up area and transfer dialog with their styles and English (the conversation shown goes to wrap-up, or \"…\" → Transfer)",
    path: lazy('golden-path', /(^|\/)workday-part-[\w-]+\.js$/, "The panel's wrap-up area and transfer dialog"),
    limit: '2.7 kB',
    gzip: true,
  },
  {
    name: 'lazy: offer alerts (once `sound` or `desktop-notification` is set on the notification)',
    path: lazy('snippet', /(^|\/)alerts-[\w-]+\.js$/, 'The offer alerts'),
    limit: '0.8 kB',
    gzip: true,
  },
  {
    name: 'lazy: IndexedDB storage with idb (when the desk opens its storage)',
    path: lazy('snippet', /(^|\/)storage-idb-[\w-]+\.js$/, 'The IndexedDB storage'),
    limit: '2.5 kB',
    gzip: true,
  },
  {
    name: 'lazy: the storage fault fallback (once the IndexedDB storage has opened)',
    path: lazy('snippet', /(^|\/)storage-fallback-wrap-[\w-]+\.js$/, 'The storage fault fallback'),
    limit: '1.1 kB',
    gzip: true,
  },
];
