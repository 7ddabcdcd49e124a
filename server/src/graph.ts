import { TransportError } from '../../src/core/transport.js';
import type { BridgeConfig } from './config.js';

/** A Send API request body (the parts the bridge uses). */
export interface SendPayload {
  recipient: { id: string };
  messaging_type?: 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG';
  tag?: 'HUMAN_AGENT';
  message?: {
    text?: string;
    metadata?: string;
    attachment?: { type: 'image' | 'audio' | 'video' | 'file'; payload: { url: string; is_reusable?: boolean } };
  };
  sender_action?: 'typing_on' | 'typing_off' | 'mark_seen';
  /** The message this one answers (Graph API Page/messages: `reply_to`, beside `message`); Messenger shows it quoted. */
  reply_to?: { mid: string };
}

interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
}

const TEMPORARY = new Set([1, 2]);
const RATE_LIMITED = new Set([4, 17, 32, 613]);

/**
 * Meta's error → the TransportError the agent gets. Temporary errors (1, 2) are retried by the
 * caller first; `undefined` means "temporary".
 */
export function mapGraphError(error: GraphError, status: number): TransportError | undefined {
  const code = error.code;
  const text = error.message ?? `Graph API error ${String(code)} (HTTP ${status}).`;
  if (code !== undefined && TEMPORARY.has(code)) return undefined;
  if (code === 10 || error.error_subcode === 2018278) {
    return new TransportError('window-closed', `Messenger refused the message: outside the reply window. ${text}`, { retryable: false });
  }
  if (code !== undefined && RATE_LIMITED.has(code)) {
    return new TransportError('unavailable', `Messenger is limiting the page's sends; try again later. ${text}`, { retryable: true });
  }
  if (code === 190) {
    return new TransportError('unavailable', 'The page access token was refused by Messenger; the bridge needs a new PAGE_ACCESS_TOKEN.', { retryable: false });
  }
  if (code === 551) {
    return new TransportError('invalid', `This person is not available on Messenger right now. ${text}`, { retryable: false });
  }
  if (code === 100) return new TransportError('invalid', `Messenger refused the request. ${text}`, { retryable: false });
  if (status >= 500 && code === undefined) return undefined;
  return new TransportError('internal', `Messenger refused the request. ${text}`, { retryable: false });
}

/** The Send API and the user profile, with Meta's errors mapped and temporary ones retried. */
export class GraphClient {
  readonly #config: BridgeConfig;
  /** Until when (epoch ms by the config clock) sends are held back after a rate limit. */
  #limitedUntil = 0;
  /** Aborts the calls in flight when the bridge stops. */
  readonly #stopped = new AbortController();

  constructor(config: BridgeConfig) {
    this.#config = config;
  }

  stop(): void {
    this.#stopped.abort();
  }

  #url(path: string): string {
    const { graphApiUrl, graphApiVersion, pageAccessToken } = this.#config;
    return `${graphApiUrl}/${graphApiVersion}/${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(pageAccessToken)}`;
  }

  /** Calls the Send API; resolves with Meta's answer or rejects with a TransportError. */
  async send(payload: SendPayload): Promise<{ message_id?: string; recipient_id?: string }> {
    const now = this.#config.now();
    if (now < this.#limitedUntil) {
      throw new TransportError('unavailable', 'Messenger is limiting the page\'s sends; try again later.', { retryable: true });
    }
    const delays = this.#config.sendRetryDelaysMs;
    for (let attempt = 0; ; attempt++) {
      let failure: TransportError | undefined;
      try {
        const response = await fetch(this.#url('me/messages'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.any([AbortSignal.timeout(this.#config.graphTimeoutMs), this.#stopped.signal]),
        });
        const body = (await response.json().catch(() => ({}))) as { error?: GraphError; message_id?: string; recipient_id?: string };
        if (response.ok && !body.error) return body;
        const error = body.error ?? {};
        failure = mapGraphError(error, response.status);
        if (failure) {
          if (error.code !== undefined && RATE_LIMITED.has(error.code)) this.#limitedUntil = this.#config.now() + this.#config.rateLimitBackoffMs;
          if (error.code === 190) {
            this.#config.log.error('[bridge] PAGE ACCESS TOKEN REFUSED by Messenger (code 190): no message can be sent until PAGE_ACCESS_TOKEN is replaced.');
          }
          throw failure;
        }
      } catch (error) {
        if (error instanceof TransportError) throw error;
        if (this.#stopped.signal.aborted) throw new TransportError('unavailable', 'The bridge is stopping.', { retryable: true });
        // Network failure or timeout: temporary.
      }
      const delay = delays[attempt];
      if (delay === undefined) {
        throw new TransportError('unavailable', 'Messenger did not take the message (temporary error); try again.', { retryable: true });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** The customer's name and picture, when the page may read them; never throws. */
  async profile(psid: string): Promise<{ name?: string; avatarUrl?: string }> {
    try {
      const response = await fetch(this.#url(`${encodeURIComponent(psid)}?fields=first_name,last_name,profile_pic`), {
        signal: AbortSignal.any([AbortSignal.timeout(3000), this.#stopped.signal]),
      });
      if (!response.ok) return {};
      const body = (await response.json()) as { first_name?: unknown; last_name?: unknown; profile_pic?: unknown };
      const name = [body.first_name, body.last_name].filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
      const avatar = typeof body.profile_pic === 'string' && /^https?:\/\//i.test(body.profile_pic) ? body.profile_pic : undefined;
      return { ...(name ? { name } : {}), ...(avatar ? { avatarUrl: avatar } : {}) };
    } catch {
      return {};
    }
  }
}
