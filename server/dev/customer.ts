import { randomUUID } from 'node:crypto';
import { signBody } from '../src/webhook.js';

/** Where the scripted customers' webhooks go. */
export interface WebhookTarget {
  webhookUrl: string;
  appSecret: string;
  pageId: string;
}

export interface AttachmentSpec {
  type: 'image' | 'audio' | 'video' | 'file' | 'fallback' | 'template' | 'location';
  url?: string;
}

/** Posts one signed `page` webhook with the given messaging items; resolves with the HTTP status. */
export async function postWebhook(target: WebhookTarget, messaging: object[]): Promise<number> {
  const body = JSON.stringify({ object: 'page', entry: [{ id: target.pageId, time: Date.now(), messaging }] });
  const response = await fetch(target.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, target.appSecret) },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

export const newMid = (): string => `m_${randomUUID().replaceAll('-', '')}`;
export const newPsid = (): string => String(Math.floor(1e15 + Math.random() * 9e15));

/**
 * A customer writing to the page through signed webhooks, as Meta would deliver them. Every method
 * resolves once the bridge answered the webhook (it processes it right after).
 */
export class ScriptedCustomer {
  constructor(
    readonly target: () => WebhookTarget,
    readonly psid: string = newPsid(),
  ) {}

  #item(extra: object): object {
    return { sender: { id: this.psid }, recipient: { id: this.target().pageId }, timestamp: Date.now(), ...extra };
  }

  /** Sends raw messaging items from this customer (e.g. the same one twice, as Meta's retries do). */
  async post(...items: object[]): Promise<number> {
    return postWebhook(this.target(), items);
  }

  /** A message item, not yet posted. */
  messageItem(message: { text?: string; attachments?: AttachmentSpec[]; replyTo?: string; stickerId?: number; mid?: string }): { item: object; mid: string } {
    const mid = message.mid ?? newMid();
    const body: Record<string, unknown> = { mid };
    if (message.text !== undefined) body.text = message.text;
    if (message.replyTo) body.reply_to = { mid: message.replyTo };
    if (message.stickerId !== undefined) body.sticker_id = message.stickerId;
    if (message.attachments) body.attachments = message.attachments.map((a) => ({ type: a.type, payload: a.url ? { url: a.url, ...(message.stickerId !== undefined ? { sticker_id: message.stickerId } : {}) } : null }));
    return { item: this.#item({ message: body }), mid };
  }

  async says(text: string, opts: { replyTo?: string; mid?: string } = {}): Promise<string> {
    const { item, mid } = this.messageItem({ text, ...opts });
    await this.post(item);
    return mid;
  }

  async sends(attachments: AttachmentSpec[], text?: string): Promise<string> {
    const { item, mid } = this.messageItem({ attachments, ...(text !== undefined ? { text } : {}) });
    await this.post(item);
    return mid;
  }

  async sticker(url = 'https://scontent.example/sticker.png', stickerId = 369239263222822): Promise<string> {
    const { item, mid } = this.messageItem({ stickerId, attachments: [{ type: 'image', url }] });
    await this.post(item);
    return mid;
  }

  async postback(title: string, payload: string): Promise<string> {
    const mid = newMid();
    await this.post(this.#item({ postback: { mid, title, payload } }));
    return mid;
  }

  async reads(watermark: number): Promise<void> {
    await this.post(this.#item({ read: { watermark } }));
  }

  async delivered(watermark: number, mids: string[] = []): Promise<void> {
    await this.post(this.#item({ delivery: { watermark, mids } }));
  }

  async reacts(mid: string, emoji: string, action: 'react' | 'unreact' = 'react'): Promise<void> {
    await this.post(this.#item({ reaction: { mid, action, emoji, reaction: 'other' } }));
  }

  async edits(mid: string, text: string, numEdit = 1): Promise<void> {
    await this.post(this.#item({ message_edit: { mid, text, num_edit: numEdit } }));
  }

  /** The page wrote to this customer from elsewhere (the Page inbox, another app): an echo. */
  async pageWrites(text: string, opts: { mid?: string; metadata?: string; appId?: number } = {}): Promise<string> {
    const mid = opts.mid ?? newMid();
    const target = this.target();
    await postWebhook(target, [
      {
        sender: { id: target.pageId },
        recipient: { id: this.psid },
        timestamp: Date.now(),
        message: { mid, text, is_echo: true, app_id: opts.appId ?? 1, ...(opts.metadata ? { metadata: opts.metadata } : {}) },
      },
    ]);
    return mid;
  }
}
