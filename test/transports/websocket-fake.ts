import { executeServerCommand } from '@web/test-runner-commands';

/** A frame as the fake server received it. */
export type Frame = { type: string } & Record<string, unknown>;

async function call<T>(action: string, payload: Record<string, unknown> = {}): Promise<T> {
  const answer = await executeServerCommand<{ value: T }, Record<string, unknown>>('websocket-fake', { action, ...payload });
  return answer.value;
}

/**
 * One room of the fake protocol server (test/support/websocket-fake-server.mjs): its own socket and
 * upload URLs, answers the test sets, and what the clients sent.
 */
export class FakeServer {
  readonly key: string;
  readonly url: string;
  readonly uploadUrl: string;

  private constructor(room: { key: string; url: string; uploadUrl: string }) {
    this.key = room.key;
    this.url = room.url;
    this.uploadUrl = room.uploadUrl;
  }

  static async open(): Promise<FakeServer> {
    return new FakeServer(await call('open'));
  }

  /**
   * `answer`: how the next hello is answered ('welcome', 'refuse', 'nothing'); `pong`: answer pings;
   * `welcome`: fields laid over the welcome frame; `upload`: how uploads are answered
   * (`{ status, body }`, 'hang', or null for a 200 with an attachment).
   */
  set(settings: { answer?: 'welcome' | 'refuse' | 'nothing'; pong?: boolean; welcome?: Record<string, unknown>; upload?: { status: number; body: unknown } | 'hang' | null }): Promise<void> {
    return call('set', { key: this.key, ...settings });
  }

  /** Sends a frame to the newest client socket: an object as JSON, a string as it is. */
  send(frame: Record<string, unknown> | string): Promise<void> {
    return call('send', { key: this.key, frame });
  }

  /** Closes the newest client socket with `code`. */
  close(code: number, reason = ''): Promise<void> {
    return call('close', { key: this.key, code, reason });
  }

  /** The `n`-th frame (from 0) of `type` a client sent, once it has arrived. */
  frame(type: string, n = 0): Promise<Frame> {
    return call('frame', { key: this.key, type, n });
  }

  /** The `n`-th close a client made, once it has. */
  closed(n = 0): Promise<{ code: number; reason: string }> {
    return call('closed', { key: this.key, n });
  }

  /** The `n`-th upload request, once it has arrived. */
  uploaded(n = 0): Promise<{ url: string; authorization?: string; type?: string; bytes: number }> {
    return call('uploaded', { key: this.key, n });
  }

  frames(): Promise<Frame[]> {
    return call('frames', { key: this.key });
  }

  dispose(): Promise<void> {
    return call('dispose', { key: this.key });
  }
}
