import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { englishFor, loadCatalog, needsCatalog, onCatalogsChange, registeredCatalog, type Catalog, type Strings } from '../i18n/index.js';

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
 * so `lang` on `<cc-agent-desk>` works), else the desk's locale, else English. The element names the
 * English parts it shows (`strings`); a registered catalog replaces them, and any namespace such a
 * catalog lacks is shown in English rather than as nothing.
 */
export class LocalizeController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #fallback: () => string | undefined;
  #english: Catalog;
  #source: Catalog;
  #lang = 'en';
  #own: MutationObserver | undefined;
  t: Catalog;

  /** `strings`: the English parts the element shows; without them, every part the page has loaded. */
  constructor(host: ReactiveControllerHost & HTMLElement, fallback: () => string | undefined = () => undefined, strings?: Strings) {
    this.#host = host;
    this.#fallback = fallback;
    this.#english = this.#source = this.t = englishFor(strings);
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
    // A host's catalog wins over the built-in English, whenever either arrives.
    const source = registeredCatalog(lang) ?? this.#english;
    if (lang === this.#lang && source === this.#source) return false;
    this.#lang = lang;
    this.#source = source;
    const english = this.#english;
    this.t = Object.keys(english).every((key) => key in source) ? source : { ...english, ...source };
    return true;
  }
}
