import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogFor, loadCatalog, needsCatalog, onCatalogsChange, type Catalog } from '../i18n/index.js';

const hosts = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  onCatalogsChange(() => {
    for (const controller of hosts) controller.refresh();
  });
  // One observer for the page: a `lang` change anywhere re-renders every localized element.
  observer = new MutationObserver(() => {
    for (const controller of hosts) controller.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** Nearest `lang` up the tree, crossing shadow roots. */
function langOf(node: Node): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang') && current.getAttribute('lang')) {
      return current.getAttribute('lang') ?? undefined;
    }
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}

/**
 * Gives an element its catalog: its own or nearest ancestor's `lang` (also across shadow roots,
 * so `lang` on `<cc-agent-desk>` works), else the desk's locale, else English.
 */
export class LocalizeController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #fallback: () => string | undefined;
  #lang = 'en';
  #own: MutationObserver | undefined;
  t: Catalog = catalogFor('en');

  constructor(host: ReactiveControllerHost & HTMLElement, fallback: () => string | undefined = () => undefined) {
    this.#host = host;
    this.#fallback = fallback;
    host.addController(this);
  }

  get lang(): string {
    return this.#lang;
  }

  hostConnected(): void {
    hosts.add(this);
    watchLang();
    // The page-wide observer cannot see into shadow roots, where a parent element sets `lang` on its children.
    this.#own ??= new MutationObserver(() => this.refresh());
    this.#own.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    this.refresh();
  }

  hostDisconnected(): void {
    hosts.delete(this);
    this.#own?.disconnect();
  }

  hostUpdate(): void {
    this.#resolve();
  }

  refresh(): void {
    if (this.#resolve()) this.#host.requestUpdate();
  }

  #resolve(): boolean {
    const lang = langOf(this.#host) ?? this.#fallback() ?? 'en';
    // English meanwhile; the catalog's arrival re-renders every localized element.
    if (needsCatalog(lang)) void loadCatalog(lang).catch(() => undefined);
    if (lang === this.#lang && this.t.lang === catalogFor(lang).lang) return false;
    this.#lang = lang;
    this.t = catalogFor(lang);
    return true;
  }
}
