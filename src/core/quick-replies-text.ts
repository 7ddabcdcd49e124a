/**
 * Quick replies (F15): filling placeholders (searching is in quick-replies-search.ts). Pure functions, loaded with the desk's
 * quick-reply commands and `<cc-quick-replies>` on first use.
 */
import type { AgentRef, Conversation } from './model.js';
import type { FilledReply } from './quick-replies.js';
import { PLACEHOLDERS, type PlaceholderName } from './rules.js';

/** What each placeholder becomes in `conversation`, for `agent`; a missing value is left out. */
export function placeholderValues(
  conversation: Pick<Conversation, 'customer' | 'links' | 'queue'> | undefined,
  agent: AgentRef | undefined,
): Partial<Record<PlaceholderName, string>> {
  const values: Partial<Record<PlaceholderName, string>> = {};
  const name = conversation?.customer?.name?.trim();
  if (name) {
    values.customerName = name;
    values.customerFirstName = name.split(/\s+/u)[0]!;
  }
  const agentName = agent?.name?.trim();
  if (agentName) values.agentName = agentName;
  const kase = conversation?.links?.case?.title?.trim();
  if (kase) values.caseNumber = kase;
  const queue = conversation?.queue?.trim();
  if (queue) values.queue = queue;
  return values;
}

/**
 * Fills the known placeholders of `text` in one pass: a value is inserted as plain text and never
 * read again, so a customer named `{agentName}` stays `{agentName}`. Placeholders without a value
 * stay as they are and are listed in `unfilled`.
 */
export function fillPlaceholders(text: string, values: Partial<Record<PlaceholderName, string>>): FilledReply {
  const unfilled = new Set<PlaceholderName>();
  const filled = text.replace(/\{([A-Za-z]+)\}/g, (token, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return token;
    const value = values[name as PlaceholderName];
    if (value === undefined || value === '') {
      unfilled.add(name as PlaceholderName);
      return token;
    }
    return value;
  });
  return { text: filled, unfilled: [...unfilled] };
}
