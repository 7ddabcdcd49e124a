import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AttachmentKind, AttachmentRef, MessageKind } from '../../src/core/model.js';

/** Whether `header` is `sha256=` + HMAC-SHA256(raw body, app secret), compared in constant time. */
export function verifySignature(raw: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!appSecret || typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signBody(raw: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

/** What a customer's message carries, in the model's terms. */
export interface Content {
  kind: MessageKind;
  text?: string;
  attachments?: AttachmentRef[];
}

/** One webhook messaging item, normalised. `psid` is always the customer's id. */
export type Inbound =
  | { type: 'message'; psid: string; mid: string; at: number; content: Content; replyTo?: string }
  | { type: 'echo'; psid: string; mid: string; at: number; content: Content; metadata?: string }
  | { type: 'postback'; psid: string; mid?: string; at: number; title?: string; payload?: string }
  | { type: 'receipt'; psid: string; status: 'delivered' | 'read'; watermark: number; at: number }
  | { type: 'reaction'; psid: string; mid: string; at: number; emoji?: string; action: 'react' | 'unreact' }
  | { type: 'edit'; psid: string; mid: string; at: number; text: string; edits: number };

const REACTIONS: Record<string, string> = { love: '❤', like: '👍', smile: '😆', wow: '😮', sad: '😢', angry: '😠' };
const ATTACHMENT_KINDS: readonly string[] = ['image', 'audio', 'video', 'file'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const httpUrl = (v: unknown): string | undefined => (typeof v === 'string' && /^https?:\/\//i.test(v) ? v : undefined);

function fileName(url: string, kind: string): string {
  try {
    const last = new URL(url).pathname.split('/').pop();
    if (last) return decodeURIComponent(last);
  } catch {
    // fall through
  }
  return kind;
}

/**
 * A Messenger message → the model's content. Text, attachments (image/audio/video/file), stickers
 * (`sticker_id`) are kept; anything else (fallback, template, location, a URL that is not http(s))
 * makes the message `unsupported`, with no text, as the simulator shows such messages.
 */
export function contentOf(message: Obj, mid: string): Content {
  const text = str(message.text);
  const raw = Array.isArray(message.attachments) ? message.attachments.filter(isObj) : [];
  if (message.sticker_id !== undefined) {
    const url = raw.map((a) => (isObj(a.payload) ? httpUrl(a.payload.url) : undefined)).find(Boolean);
    if (url) return { kind: 'sticker', attachments: [{ id: `${mid}-0`, kind: 'sticker', name: 'sticker', url }] };
    return { kind: 'unsupported' };
  }
  const attachments: AttachmentRef[] = [];
  let unknown = false;
  raw.forEach((a, i) => {
    const url = isObj(a.payload) ? httpUrl(a.payload.url) : undefined;
    const kind = str(a.type);
    if (kind && ATTACHMENT_KINDS.includes(kind) && url) {
      attachments.push({ id: `${mid}-${i}`, kind: kind as AttachmentKind, name: fileName(url, kind), url });
    } else {
      unknown = true;
    }
  });
  if (attachments.length > 0) return { kind: 'attachment', attachments, ...(text ? { text } : {}) };
  if (text !== undefined && text !== '' && !unknown) return { kind: 'text', text };
  return { kind: 'unsupported' };
}

/** Every messaging item of a `page` webhook, normalised; items the bridge does not know are skipped. */
export function parseWebhook(body: unknown): Inbound[] {
  if (!isObj(body) || body.object !== 'page' || !Array.isArray(body.entry)) return [];
  const out: Inbound[] = [];
  for (const entry of body.entry) {
    if (!isObj(entry) || !Array.isArray(entry.messaging)) continue;
    for (const item of entry.messaging) {
      if (!isObj(item)) continue;
      const sender = isObj(item.sender) ? str(item.sender.id) : undefined;
      const recipient = isObj(item.recipient) ? str(item.recipient.id) : undefined;
      const at = typeof item.timestamp === 'number' ? item.timestamp : Date.now();
      if (!sender || !recipient) continue;
      if (isObj(item.message)) {
        const m = item.message;
        const mid = str(m.mid);
        if (!mid) continue;
        if (m.is_echo === true) {
          const metadata = str(m.metadata);
          out.push({ type: 'echo', psid: recipient, mid, at, content: contentOf(m, mid), ...(metadata ? { metadata } : {}) });
        } else {
          const replyTo = isObj(m.reply_to) ? str(m.reply_to.mid) : undefined;
          out.push({ type: 'message', psid: sender, mid, at, content: contentOf(m, mid), ...(replyTo ? { replyTo } : {}) });
        }
      } else if (isObj(item.postback)) {
        const p = item.postback;
        const mid = str(p.mid);
        const title = str(p.title);
        const payload = str(p.payload);
        out.push({ type: 'postback', psid: sender, at, ...(mid ? { mid } : {}), ...(title ? { title } : {}), ...(payload ? { payload } : {}) });
      } else if (isObj(item.read) && typeof item.read.watermark === 'number') {
        out.push({ type: 'receipt', psid: sender, status: 'read', watermark: item.read.watermark, at });
      } else if (isObj(item.delivery) && typeof item.delivery.watermark === 'number') {
        out.push({ type: 'receipt', psid: sender, status: 'delivered', watermark: item.delivery.watermark, at });
      } else if (isObj(item.reaction)) {
        const r = item.reaction;
        const mid = str(r.mid);
        if (!mid) continue;
        const emoji = str(r.emoji) ?? REACTIONS[str(r.reaction) ?? ''];
        out.push({ type: 'reaction', psid: sender, mid, at, action: r.action === 'unreact' ? 'unreact' : 'react', ...(emoji ? { emoji } : {}) });
      } else if (isObj(item.message_edit)) {
        const e = item.message_edit;
        const mid = str(e.mid);
        const text = str(e.text);
        if (!mid || text === undefined) continue;
        out.push({ type: 'edit', psid: sender, mid, at, text, edits: typeof e.num_edit === 'number' ? e.num_edit : 0 });
      }
    }
  }
  return out;
}
