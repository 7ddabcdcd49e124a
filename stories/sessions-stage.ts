import { html, nothing, type TemplateResult } from 'lit';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import { loadCatalog } from '../src/i18n/index.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

/** A desk whose conversations the agent accepted from offers, each one a session. */
export interface SessionsStage {
  desk: Desk;
  transport: SimulatedTransport;
  /** Conversation ids, in the order the sessions opened (the last is in front). */
  ids: string[];
}

export interface SessionsStageOptions {
  locale?: 'en' | 'pl';
  /** Customers whose offers the agent accepts, in order. */
  customers?: readonly string[];
  /** Customer messages that arrive in a background session, by the session's index. */
  unread?: Readonly<Record<number, number>>;
}

export const ENGLISH_CUSTOMERS = ['Megan Oduya', 'Tomás Ferreira', 'Priya Raman', 'Jonas Berg', 'Aiko Tanaka', 'Lena Vogel', 'Samuel Adeyemi', 'Chloé Martin', 'Omar Haddad', 'Grace Liu'];
export const POLISH_CUSTOMERS = ['Agnieszka Wróblewska', 'Łukasz Żmuda', 'Małgorzata Kępa'];

/** Resolves once the desk shows the offer (the simulator delivers it as an event). */
export function offered(desk: Desk, offerId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = desk.$offers.subscribe((offers) => {
      if (!offers.some((o) => o.id === offerId)) return;
      queueMicrotask(() => stop());
      resolve();
    });
  });
}

/** A connected desk on the simulator with a session per customer, accepted the way the agent would. */
export async function sessionsStage(options: SessionsStageOptions = {}): Promise<SessionsStage> {
  // Polish loads on first use: load it first so the story never shows a moment of English.
  if (options.locale) await loadCatalog(options.locale);
  const locale = options.locale ?? 'en';
  const transport = new SimulatedTransport({ seed: 6 });
  const desk = createDesk({ transport, storage: 'memory', agent: { id: 'agent-1', name: 'Ewa' } });
  await desk.connect();
  const ids: string[] = [];
  for (const name of options.customers ?? []) {
    const offer = transport.offer({ locale, customer: { name } });
    await offered(desk, offer.id);
    ids.push((await desk.accept(offer.id)).id);
  }
  // Distinct times: the desk counts a message as unread only when it is newer than the last it knew.
  let at = Date.now();
  for (const [index, count] of Object.entries(options.unread ?? {})) {
    const id = ids[Number(index)];
    if (id === undefined) continue;
    for (let i = 0; i < count; i++) {
      transport.customerSays(id, locale === 'pl' ? `Halo? (${i + 1})` : `Are you still there? (${i + 1})`, { at: ++at });
    }
  }
  await desk.settled();
  return { desk, transport, ids };
}

export interface Frame {
  lang?: 'en' | 'pl';
  dark?: boolean;
  rtl?: boolean;
  /** Width in px; default 48rem. */
  width?: number;
}

/**
 * The page around a story. Dark, Polish and right-to-left are set here too, so the stories-a11y
 * test (which has no toolbar) checks them.
 */
export function frame(content: TemplateResult, options: Frame = {}): TemplateResult {
  const width = options.width ? `${options.width}px` : '48rem';
  const style = `max-width: ${width}; padding: 1rem;${options.dark ? ' color-scheme: dark; background: #121418; color: #e8eaed;' : ''}`;
  return html`<div style=${style} lang=${options.lang ?? nothing} dir=${options.rtl ? 'rtl' : nothing}>${content}</div>`;
}

export const stageOf = (loaded: Record<string, unknown>): SessionsStage => loaded['stage'] as SessionsStage;
