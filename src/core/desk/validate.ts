/**
 * The desk's boundary: every event from a transport is checked here before any slice sees it.
 * What is safely coercible is coerced (an ISO date → epoch ms, a numeric id → string); what is
 * not is dropped with one `console.warn` naming the event type and id, and never stored. Slices and
 * elements may then assume well-formed data.
 */
import type {
  AttachmentKind,
  AttachmentRef,
  Conversation,
  ConversationState,
  ConversationSummary,
  Customer,
  Message,
  MessageAuthor,
  MessageKind,
  MessageStatus,
  Offer,
  Reaction,
} from '../model.js';
import type { ConversationLinks, RecordRef } from '../records.js';
import type { CallCandidate, CallDescription, TransportEvent } from '../transport.js';
import type { SentimentLevel } from '../../sentiment/index.js';

type Data = Record<string, unknown>;

const AUTHORS: readonly MessageAuthor[] = ['customer', 'agent', 'system', 'bot'];
const KINDS: readonly MessageKind[] = ['text', 'attachment', 'sticker', 'unsupported', 'system'];
const STATES: readonly ConversationState[] = ['open', 'active', 'waiting', 'wrap-up', 'closed'];
const STATUSES: readonly MessageStatus[] = ['sending', 'sent', 'delivered', 'read', 'failed'];
const FILE_KINDS: readonly AttachmentKind[] = ['image', 'audio', 'video', 'file', 'sticker'];
const LEVELS: readonly SentimentLevel[] = ['very-negative', 'negative', 'slightly-negative', 'neutral', 'slightly-positive', 'positive', 'very-positive'];
/** Largest time a Date can hold, ms. */
const MAX_TIME = 8.64e15;

class Invalid extends Error {}

const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON backends send `null` for "no value": for optional fields it means the same as leaving them out. */
function present(v: unknown): Data | unknown {
  if (!isData(v)) return v;
  const out: Data = Object.create(null) as Data;
  for (const [key, value] of Object.entries(v)) if (value !== null) out[key] = value;
  return out;
}
const fail = (what: string): never => {
  throw new Invalid(what);
};

/** A non-empty id: strings as they are, finite numbers as text. */
export function idOf(v: unknown, what = 'id'): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v !== '' ? v : fail(what);
}

/** Epoch ms from a number or a date string, or undefined when it is neither. */
export function timeOf(v: unknown): number | undefined {
  const t = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Date.parse(v) : NaN;
  return Number.isFinite(t) && Math.abs(t) <= MAX_TIME ? t : undefined;
}

const requiredTime = (v: unknown, what: string): number => timeOf(v) ?? fail(what);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list.includes(v as T) ? (v as T) : undefined);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined);

/** Adds `key: value` only when value is defined (optional fields stay absent). */
function opt<T extends object, K extends string, V>(target: T, key: K, value: V | undefined): T & { [P in K]?: V } {
  if (value !== undefined) (target as Data)[key] = value;
  return target as T & { [P in K]?: V };
}

function customerOf(raw: unknown): Customer {
  const v = present(raw);
  if (!isData(v)) return fail('customer');
  const customer: Customer = { id: idOf(v.id, 'customer.id'), name: textOf(v.name) ?? '' };
  opt(customer, 'avatarUrl', typeof v.avatarUrl === 'string' ? v.avatarUrl : undefined);
  opt(customer, 'locale', typeof v.locale === 'string' ? v.locale : undefined);
  opt(customer, 'facebookId', textOf(v.facebookId));
  return customer;
}

function attachmentOf(v: unknown): AttachmentRef | undefined {
  if (!isData(v) || typeof v.url !== 'string') return undefined;
  const id = textOf(v.id);
  if (!id) return undefined;
  const ref: AttachmentRef = { id, kind: oneOf(FILE_KINDS, v.kind) ?? 'file', name: textOf(v.name) ?? '', url: v.url };
  opt(ref, 'mimeType', typeof v.mimeType === 'string' ? v.mimeType : undefined);
  opt(ref, 'size', typeof v.size === 'number' && v.size >= 0 ? v.size : undefined);
  return ref;
}

function reactionsOf(v: unknown): Reaction[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.flatMap((r): Reaction[] => {
    const by = isData(r) ? oneOf(AUTHORS, r.by) : undefined;
    return isData(r) && typeof r.emoji === 'string' && by ? [{ emoji: r.emoji, by }] : [];
  });
}

export function messageOf(raw: unknown): Message {
  const v = present(raw);
  if (!isData(v)) return fail('message');
  const author = oneOf(AUTHORS, v.author) ?? fail('author');
  if (v.attachments !== undefined && !Array.isArray(v.attachments)) fail('attachments');
  const attachments = Array.isArray(v.attachments) ? v.attachments.map(attachmentOf) : undefined;
  if (attachments?.some((a) => a === undefined)) fail('attachments');
  const text = textOf(v.text);
  if (v.text !== undefined && text === undefined) fail('text');
  const message: Message = {
    id: idOf(v.id),
    conversationId: idOf(v.conversationId, 'conversationId'),
    author,
    kind: oneOf(KINDS, v.kind) ?? 'unsupported',
    at: requiredTime(v.at, 'at'),
  };
  opt(message, 'text', text);
  opt(message, 'attachments', attachments as AttachmentRef[] | undefined);
  opt(message, 'clientId', textOf(v.clientId) || undefined);
  opt(message, 'cursor', textOf(v.cursor) || undefined);
  if (isData(v.error) && typeof v.error.code === 'string') {
    message.error = { code: v.error.code, message: textOf(v.error.message) ?? '', retryable: v.error.retryable === true };
  }
  opt(message, 'status', oneOf(STATUSES, v.status));
  opt(message, 'reactions', reactionsOf(v.reactions));
  opt(message, 'editedAt', timeOf(v.editedAt));
  opt(message, 'replyTo', textOf(v.replyTo));
  return message;
}

function refOf(v: unknown, kinds: readonly RecordRef['kind'][]): RecordRef | undefined {
  if (!isData(v) || !kinds.includes(v.kind as RecordRef['kind'])) return undefined;
  const id = textOf(v.id);
  return id ? { kind: v.kind as RecordRef['kind'], id, title: textOf(v.title) ?? '' } : undefined;
}

export function conversationOf(raw: unknown): Conversation {
  const v = present(raw);
  if (!isData(v)) return fail('conversation');
  const conversation: Conversation = {
    id: idOf(v.id),
    customer: customerOf(v.customer),
    channel: 'facebook',
    queue: textOf(v.queue) ?? '',
    state: oneOf(STATES, v.state) ?? fail('state'),
    requestedAt: requiredTime(v.requestedAt, 'requestedAt'),
  };
  opt(conversation, 'acceptedAt', timeOf(v.acceptedAt));
  opt(conversation, 'lastCustomerMessageAt', timeOf(v.lastCustomerMessageAt));
  opt(conversation, 'closedAt', timeOf(v.closedAt));
  opt(conversation, 'humanAgent', typeof v.humanAgent === 'boolean' ? v.humanAgent : undefined);
  opt(conversation, 'skills', strings(v.skills));
  if (isData(v.links)) {
    const links: ConversationLinks = {};
    opt(links, 'customer', refOf(v.links.customer, ['contact', 'account']) as ConversationLinks['customer']);
    opt(links, 'case', refOf(v.links.case, ['case']) as ConversationLinks['case']);
    conversation.links = links;
  }
  if (Array.isArray(v.preChat)) {
    conversation.preChat = v.preChat.flatMap((p) =>
      isData(p) && textOf(p.question) !== undefined && textOf(p.answer) !== undefined ? [{ question: textOf(p.question)!, answer: textOf(p.answer)! }] : [],
    );
  }
  if (isData(v.visitor)) {
    const visitor: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(v.visitor)) if (textOf(value) !== undefined) visitor[key] = textOf(value)!;
    conversation.visitor = visitor;
  }
  return conversation;
}

function summaryOf(v: unknown): ConversationSummary[] {
  if (!isData(v)) return [];
  const state = oneOf(STATES, v.state);
  const id = textOf(v.id);
  if (!id || !state) return [];
  // A bad date shows as unknown rather than hiding the offer.
  return [opt({ id, channel: 'facebook', queue: textOf(v.queue) ?? '', state } as ConversationSummary, 'startedAt', timeOf(v.startedAt))];
}

export function offerOf(raw: unknown, now: number): Offer {
  const v = present(raw);
  if (!isData(v)) return fail('offer');
  const offer: Offer = {
    id: idOf(v.id),
    conversationId: idOf(v.conversationId, 'conversationId'),
    customer: customerOf(v.customer),
    channel: 'facebook',
    queue: textOf(v.queue) ?? '',
    // Unknown: counted from when it arrived.
    requestedAt: timeOf(v.requestedAt) ?? now,
    firstMessage: textOf(v.firstMessage) ?? '',
  };
  // A bad expiry is left out: the desk's own offerTimeout applies.
  opt(offer, 'expiresAt', timeOf(v.expiresAt));
  if (Array.isArray(v.otherConversations)) offer.otherConversations = v.otherConversations.flatMap(summaryOf);
  return offer;
}

/** A call signal's description or candidate (exactly one), as plain data. */
function signalOf(e: Data): { description: CallDescription } | { candidate: CallCandidate } {
  const d = present(e.description);
  if (isData(d)) {
    const type = oneOf(['offer', 'answer', 'pranswer', 'rollback'] as const, d.type) ?? fail('description');
    return { description: { type, sdp: typeof d.sdp === 'string' ? d.sdp : fail('sdp') } };
  }
  const c = present(e.candidate);
  if (!isData(c) || typeof c.candidate !== 'string') return fail('description or candidate');
  const mid = textOf(c.sdpMid);
  const index = typeof c.sdpMLineIndex === 'number' && Number.isInteger(c.sdpMLineIndex) ? c.sdpMLineIndex : undefined;
  return { candidate: { candidate: c.candidate, ...(mid !== undefined ? { sdpMid: mid } : {}), ...(index !== undefined ? { sdpMLineIndex: index } : {}) } };
}

/** The id the warning names: the event's own, or its payload's. */
function nameOf(e: Data): string {
  for (const v of [e.offerId, e.callId, (e.call as Data)?.callId, e.messageId, e.conversationId, (e.offer as Data)?.id, (e.message as Data)?.id, (e.conversation as Data)?.id]) {
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return '?';
}

/**
 * Checks one event from the transport. Returns the event, coerced where needed, or undefined when
 * it cannot be used (after one console.warn naming its type and id).
 */
export function validateEvent(raw: unknown, now: number): TransportEvent | undefined {
  const e = isData(raw) ? raw : {};
  const type = typeof e.type === 'string' ? e.type : String(e.type);
  try {
    const cursor = e.cursor === undefined ? '' : textOf(e.cursor) ?? fail('cursor');
    const base = { cursor };
    const conversationId = (): string => idOf(e.conversationId, 'conversationId');
    switch (type) {
      case 'transport.disconnected':
        return { ...base, type, reason: textOf(e.reason) ?? '', ...(typeof e.code === 'string' ? { code: e.code as never } : {}) };
      case 'snapshot': {
        // A list left out (or null) is empty; anything else that is not a list is refused.
        const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : fail('snapshot lists'));
        // One bad item is dropped (with its own warning); the rest of the snapshot stands.
        const keep = <T>(items: unknown[], check: (v: unknown) => T, what: string): T[] =>
          items.flatMap((item) => {
            try {
              return [check(item)];
            } catch (error) {
              warn(`snapshot ${what}`, isData(item) ? nameOf({ [what]: item }) : '?', error);
              return [];
            }
          });
        return {
          ...base,
          type,
          offers: keep(list(e.offers), (v) => offerOf(v, now), 'offer'),
          conversations: keep(list(e.conversations), conversationOf, 'conversation'),
          messages: keep(list(e.messages), messageOf, 'message'),
        };
      }
      case 'offer.created':
        return { ...base, type, offer: offerOf(e.offer, now) };
      case 'offer.withdrawn':
        return { ...base, type, offerId: idOf(e.offerId, 'offerId'), reason: oneOf(['taken', 'abandoned', 'timeout'] as const, e.reason) ?? 'abandoned' };
      case 'conversation.updated':
        return { ...base, type, conversation: conversationOf(e.conversation) };
      case 'message.received':
        return { ...base, type, message: messageOf(e.message) };
      case 'message.status': {
        const status = oneOf(STATUSES, e.status) ?? fail('status');
        const clientId = textOf(e.clientId);
        const messageId = textOf(e.messageId);
        if (!clientId && !messageId) fail('clientId or messageId');
        return { ...base, type, conversationId: conversationId(), status, ...(clientId ? { clientId } : {}), ...(messageId ? { messageId } : {}) };
      }
      case 'receipt': {
        const status = e.status === 'delivered' || e.status === 'read' ? e.status : fail('status');
        return { ...base, type, conversationId: conversationId(), status, watermark: requiredTime(e.watermark, 'watermark') };
      }
      case 'typing':
        return { ...base, type, conversationId: conversationId(), on: e.on === true };
      case 'message.reaction': {
        const [reaction] = reactionsOf([e.reaction]) ?? [];
        if (!reaction || (e.action !== 'react' && e.action !== 'unreact')) fail('reaction');
        return { ...base, type, conversationId: conversationId(), messageId: idOf(e.messageId, 'messageId'), reaction: reaction!, action: e.action as 'react' };
      }
      case 'message.edited': {
        const text = typeof e.text === 'string' ? e.text : fail('text');
        return { ...base, type, conversationId: conversationId(), messageId: idOf(e.messageId, 'messageId'), text, at: timeOf(e.at) ?? now };
      }
      case 'sentiment':
        return { ...base, type, conversationId: conversationId(), level: oneOf(LEVELS, e.level) ?? fail('level') };
      case 'call.incoming': {
        const call = isData(e.call) ? e.call : fail('call');
        const media = oneOf(['voice', 'video'] as const, call.media) ?? fail('media');
        return { ...base, type, call: { callId: idOf(call.callId, 'callId'), conversationId: idOf(call.conversationId, 'conversationId'), media, from: call.from === 'agent' ? 'agent' : 'customer' } };
      }
      case 'call.signal':
        return { ...base, type, callId: idOf(e.callId, 'callId'), ...signalOf(e) };
      case 'call.state': {
        const state = oneOf(['ringing', 'connecting', 'connected', 'on-hold', 'ended'] as const, e.state) ?? fail('state');
        const reason = textOf(e.reason);
        return { ...base, type, callId: idOf(e.callId, 'callId'), state, ...(reason ? { reason } : {}) };
      }
      default:
        return fail('unknown type');
    }
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    warn(type, nameOf(e), error);
    return undefined;
  }
}

function warn(type: string, id: string, error: unknown): void {
  console.warn(`contact-center-elements: dropped a "${type}" event (id ${id}): invalid ${(error as Error).message}.`);
}
