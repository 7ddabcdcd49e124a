import type { Conversation } from '../model.js';
import type { SliceContext } from './shared.js';

/** The host's privacy notice (F17): one text, or one per language (`{ en: '…', pl: '…' }`). */
export type PrivacyNotice = string | Readonly<Record<string, string>>;

const sentKey = (conversationId: string): string => `privacy-sent:${conversationId}`;

/** The fixed client id of a conversation's notice: every tab and reload sends the same one. */
export const privacyClientId = (conversationId: string): string => `privacy-${conversationId}`;

/**
 * The privacy notice (F17): sent to the customer as an automated message when the agent starts the
 * conversation — once, even across reloads and tabs (a fixed client id the backend deduplicates,
 * and a mark in storage) — in the customer's language when the host gave one.
 */
export class PrivacySlice {
  readonly #ctx: SliceContext;
  readonly notice: PrivacyNotice | undefined;
  readonly #send: (conversationId: string, text: string, clientId: string) => Promise<unknown>;

  constructor(ctx: SliceContext, notice: PrivacyNotice | undefined, send: (conversationId: string, text: string, clientId: string) => Promise<unknown>) {
    this.#ctx = ctx;
    this.notice = notice;
    this.#send = send;
  }

  /** Whether the host configured a notice (the agent then sees the monitoring banner). */
  get configured(): boolean {
    return this.notice !== undefined && this.notice !== '';
  }

  /** The notice in the customer's language: `pl-PL` → `pl`, else English, else the first given. */
  textFor(conversation: Pick<Conversation, 'customer'>): string | undefined {
    const notice = this.notice;
    if (notice === undefined || typeof notice === 'string') return notice || undefined;
    const lang = (conversation.customer.locale ?? '').toLowerCase();
    return notice[lang] ?? notice[lang.split(/[-_]/u)[0] ?? ''] ?? notice['en'] ?? Object.values(notice)[0];
  }

  /** The agent took the conversation: send the notice unless it went already. */
  async started(conversation: Conversation): Promise<void> {
    const text = this.textFor(conversation);
    if (!text) return;
    const storage = await this.#ctx.storage;
    if (await storage.getValue<boolean>(sentKey(conversation.id)).catch(() => false)) return;
    await this.#ctx.track(storage.setValue(sentKey(conversation.id), true)).catch(() => undefined);
    await this.#send(conversation.id, text, privacyClientId(conversation.id)).catch(() => undefined);
  }
}
