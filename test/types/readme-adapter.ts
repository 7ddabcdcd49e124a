// The README's "Writing a Transport adapter" snippet, type-checked by `npm run typecheck` (never
// run). Below these comments it is the README's block word for word, except that the package
// specifier 'contact-center-elements' is written as a path into src/.
// test/node/readme-snippets.test.mjs fails when the two drift apart: change both together.

import {
  TransportError,
  type AgentRef,
  type AttachmentRef,
  type Capabilities,
  type Command,
  type ConnectOptions,
  type ResultOf,
  type Transport,
  type TransportErrorCode,
  type TransportEvent,
  type UploadMeta,
} from '../../src/index.js';

/** Your server closes the event socket with this code when it refuses the agent's token. */
const TOKEN_REFUSED = 4001;

/** Events over a WebSocket, commands and uploads over HTTP. */
export class MyTransport implements Transport {
  readonly capabilities: Capabilities = { reject: true, upload: true, typing: true, maxAttachmentBytes: 25 * 1024 * 1024 };
  readonly #base: string;
  readonly #listeners = new Set<(event: TransportEvent) => void>();
  #socket: WebSocket | undefined;
  #opening: Promise<void> | undefined;

  constructor(base = `${location.origin}/cc`) {
    this.#base = base;
  }

  connect(agent: AgentRef, { cursor, signal }: ConnectOptions = {}): Promise<void> {
    // Idempotent: while connected (or connecting) a second call opens nothing new.
    this.#opening ??= new Promise<void>((resolve, reject) => {
      // No cursor: the server sends a `snapshot` first. A cursor: it replays every event after it.
      const query = new URLSearchParams({ agent: agent.id, ...(cursor === undefined ? {} : { cursor }) });
      const socket = new WebSocket(`${this.#base.replace(/^http/, 'ws')}/events?${query}`);
      let open = false;
      socket.onopen = () => {
        open = true;
        resolve();
      };
      socket.onmessage = (message) => this.#emit(JSON.parse(String(message.data)) as TransportEvent);
      socket.onclose = (close) => {
        const code: TransportErrorCode | undefined = close.code === TOKEN_REFUSED ? 'auth-expired' : undefined;
        if (!open) reject(new TransportError(code ?? 'network', close.reason || 'Could not connect.'));
        if (this.#socket !== socket) return; // disconnect() closed it on purpose
        this.#socket = undefined;
        this.#opening = undefined;
        // Without this event the desk never reconnects.
        if (open) this.#emit({ type: 'transport.disconnected', cursor: '', reason: close.reason || 'The connection closed.', code });
      };
      this.#socket = socket;
      // The desk gives up on a connect that hangs: close the socket, so its retry opens a new one.
      signal?.addEventListener('abort', () => socket.close(), { once: true });
    });
    return this.#opening;
  }

  async disconnect(): Promise<void> {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#opening = undefined;
    socket?.close();
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async execute<C extends Command>(command: C, { signal }: { signal?: AbortSignal } = {}): Promise<ResultOf<C>> {
    // Plain data, e.g. { type: 'message.send', conversationId, clientId, text }. The server acts
    // once per clientId (message.send, records.create, notes.add) and answers a repeat the same.
    const response = await fetch(`${this.#base}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(command),
      signal,
    }).catch((error: unknown) => {
      throw signal?.aborted ? aborted() : new TransportError('network', String(error));
    });
    if (!response.ok) throw new TransportError(codeOf(response.status), await response.text());
    return (await response.json()) as ResultOf<C>;
  }

  upload(
    file: Blob,
    meta: UploadMeta,
    { signal, onProgress }: { signal?: AbortSignal; onProgress?(sent: number): void },
  ): Promise<AttachmentRef> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(aborted());
        return;
      }
      const query = new URLSearchParams({ conversationId: meta.conversationId, clientId: meta.clientId, name: meta.name });
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.#base}/uploads?${query}`);
      xhr.setRequestHeader('content-type', meta.mimeType);
      xhr.upload.onprogress = (progress) => onProgress?.(progress.loaded);
      // The server answers { id, kind, name, mimeType, size, url } with an https: url.
      xhr.onload = () => {
        if (xhr.status < 300) resolve(JSON.parse(xhr.responseText) as AttachmentRef);
        else reject(new TransportError(codeOf(xhr.status), xhr.responseText));
      };
      xhr.onerror = () => reject(new TransportError('network', 'The upload failed.'));
      xhr.onabort = () => reject(aborted());
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(file);
    });
  }

  #emit(event: TransportEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}

const aborted = () => new TransportError('aborted', 'Cancelled.', { retryable: false });

/** 'network', 'timeout' and 'unavailable' are retried; the rest are shown to the agent. */
function codeOf(status: number): TransportErrorCode {
  if (status === 401) return 'auth-expired';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'policy';
  if (status === 408 || status === 504) return 'timeout';
  return status >= 500 ? 'unavailable' : 'invalid';
}
