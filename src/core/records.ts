/** CRM records, links and notes (F5–F8, F10). Plain, serializable data. */

export type RecordKind = 'contact' | 'account' | 'case';

/** Enough to show and link a record. */
export interface RecordRef {
  kind: RecordKind;
  id: string;
  /** Contact or account name, or case subject. Host-controlled text: rendered as text. */
  title: string;
}

export interface CrmRecord extends RecordRef {
  /** Second line: e-mail, account number, case number… */
  subtitle?: string;
  /** Case status (`open`, `closed`…), shown as a badge. */
  status?: string;
  /** Id of the customer (Conversation.customer.id) this record belongs to, when known. */
  customerId?: string;
  /** Epoch ms. */
  updatedAt?: number;
  /** Extra fields shown in details views, label → value. */
  fields?: Record<string, string>;
}

/** What a conversation is linked to: one contact or account, and one case (F8). */
export interface ConversationLinks {
  customer?: RecordRef & { kind: 'contact' | 'account' };
  case?: RecordRef & { kind: 'case' };
}

export type LinkSlot = keyof ConversationLinks;

export function slotOf(kind: RecordKind): LinkSlot {
  return kind === 'case' ? 'case' : 'customer';
}

export interface Note {
  id: string;
  /** The record the note is saved to: the linked case, else the linked contact or account. */
  target: RecordRef;
  conversationId?: string;
  text: string;
  /** Display name of the author. */
  author: string;
  /** Epoch ms. */
  at: number;
}

/** Fields of a quick-created record, prefilled from the conversation. */
export interface CaseFields {
  subject: string;
  description?: string;
  priority?: 'low' | 'normal' | 'high';
}
export interface ContactFields {
  firstName?: string;
  lastName: string;
  email?: string;
  phone?: string;
}
export type NewRecord = { kind: 'case'; fields: CaseFields } | { kind: 'contact'; fields: ContactFields };

export type FieldError = 'required' | 'too-long' | 'email' | 'phone' | 'choice';
export type FieldErrors = Partial<Record<string, FieldError>>;

/** Longest allowed value of each quick-create field (characters). */
export const RECORD_FIELD_LIMITS = { subject: 200, description: 4000, firstName: 100, lastName: 100 } as const;

/** Longest note (characters). */
export const MAX_NOTE_LENGTH = 4000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const PHONE = /^\+?[0-9 ()-]{6,20}$/u;

/** Checks quick-create fields; an empty result means valid. The same rules run before any command is sent. */
export function validateNewRecord(record: NewRecord): FieldErrors {
  const errors: FieldErrors = {};
  const text = (value: string | undefined) => (value ?? '').trim();
  if (record.kind === 'case') {
    const f = record.fields;
    if (!text(f.subject)) errors['subject'] = 'required';
    else if (text(f.subject).length > RECORD_FIELD_LIMITS.subject) errors['subject'] = 'too-long';
    if (text(f.description).length > RECORD_FIELD_LIMITS.description) errors['description'] = 'too-long';
    if (f.priority !== undefined && !['low', 'normal', 'high'].includes(f.priority)) errors['priority'] = 'choice';
  } else {
    const f = record.fields;
    if (!text(f.lastName)) errors['lastName'] = 'required';
    else if (text(f.lastName).length > RECORD_FIELD_LIMITS.lastName) errors['lastName'] = 'too-long';
    if (text(f.firstName).length > RECORD_FIELD_LIMITS.firstName) errors['firstName'] = 'too-long';
    if (text(f.email) && !EMAIL.test(text(f.email))) errors['email'] = 'email';
    if (text(f.phone) && !PHONE.test(text(f.phone))) errors['phone'] = 'phone';
  }
  return errors;
}

/** F16 search filters: conversation-level. */
export interface SearchFilters {
  /** Customer id, or part of the customer's name (diacritic-insensitive). */
  customer?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, inclusive. */
  to?: number;
  states?: readonly import('./model.js').ConversationState[];
}

/** One matching message. */
export interface SearchHit {
  conversationId: string;
  /** The message's storage key (client id or server id). */
  messageKey: string;
  at: number;
  /** Message text, for the snippet (customer-controlled: render as text). */
  text: string;
  author: import('./model.js').MessageAuthor;
  /** Where the hit came from. */
  source: 'local' | 'server';
}

/** How much of a transcript search to return: `desk.searchTranscripts(query, filters, options)`. */
export interface SearchPageOptions {
  /** Hits per page (100 by default). */
  limit?: number;
  /** Local matches to skip (a later page). */
  offset?: number;
  /**
   * The results shown so far, of the same query: the next page of their local matches (the server's
   * search has no pages) comes back appended to them, counted as one result set.
   */
  after?: SearchResults;
}

export interface SearchResults {
  query: string;
  /** Folded query terms, for highlighting. */
  terms: string[];
  hits: SearchHit[];
  /**
   * Number of matches: every match when they were all counted (the desk's searches count them),
   * else the hits found, at most `limit` (see `more`).
   */
  total: number;
  /** More matches exist beyond these hits. */
  more: boolean;
  /** Conversations with a match, when every match was counted (local matches only). */
  conversationCount?: number;
  /** Matches skipped before the first hit (a later page). */
  offset?: number;
  /** Stored conversations of hits the desk does not hold in memory (earlier sessions), for their customers' names. */
  conversations?: Readonly<Record<string, import('./model.js').Conversation>>;
}
