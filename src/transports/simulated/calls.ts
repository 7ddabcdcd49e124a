/**
 * The simulated customer's side of voice and video calls (F20). Loaded by the simulator on the first
 * `call.*` command or `customerCalls()`. Signalling is what a backend would relay: `call.state`,
 * `call.incoming` and `call.signal` events. The customer's media is synthetic — a canvas that draws
 * a moving picture (captureStream) and a quiet oscillator (WebAudio) — and goes over a real
 * RTCPeerConnection in the same page, so a call works without a backend or a camera.
 */
import {
  TransportError,
  type Call,
  type CallCandidate,
  type CallDescription,
  type CallIncomingEvent,
  type CallMedia,
  type CallSignalEvent,
  type CallStateEvent,
  type Capabilities,
  type Command,
} from '../../core/transport.js';

type CallCommand = Extract<Command, { type: `call.${string}` }>;
type Outgoing = CallIncomingEvent | CallSignalEvent | CallStateEvent;

/** What the simulator gives its call module. */
export interface SimulatedCallHost {
  readonly capabilities: Capabilities;
  /** Logs and dispatches an event (its cursor is stamped there). */
  emit(event: Outgoing): void;
  /** The conversation exists and is the agent's (a call needs one). */
  hasConversation(conversationId: string): boolean;
  customerName(conversationId: string): string;
}

/** How the simulated customer takes calls. */
export interface SimulatedCallOptions {
  /** How long the customer's phone rings before they answer the agent's call, ms. Default 1,500. */
  ringMs?: number;
  /** Whether the customer answers the agent's calls. Default true (false: declined after the ring). */
  answer?: boolean;
}

interface CustomerSide extends Call {
  state: 'ringing' | 'connecting' | 'connected' | 'on-hold' | 'ended';
  pc?: RTCPeerConnection;
  early: CallCandidate[];
  stopMedia?: () => void;
  timer?: ReturnType<typeof setTimeout>;
}

function invalid(message: string): TransportError {
  return new TransportError('invalid', message, { retryable: false });
}

/** A synthetic camera and microphone: a canvas with a moving band and the customer's initial, and a 440 Hz tone. */
export function syntheticMedia(media: CallMedia, label: string): { stream: MediaStream; stop(): void } {
  const tracks: MediaStreamTrack[] = [];
  const stops: (() => void)[] = [];
  if (typeof AudioContext === 'function') {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.02;
    const out = audio.createMediaStreamDestination();
    tone.frequency.value = 440;
    tone.connect(gain).connect(out);
    tone.start();
    tracks.push(...out.stream.getAudioTracks());
    stops.push(() => void audio.close().catch(() => undefined));
  }
  if (media === 'video' && typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const g = canvas.getContext('2d');
    let frame = 0;
    const draw = (): void => {
      if (!g) return;
      frame++;
      g.fillStyle = `hsl(${(frame * 2) % 360} 45% 35%)`;
      g.fillRect(0, 0, 320, 240);
      g.fillStyle = 'rgba(255,255,255,0.25)';
      g.fillRect((frame * 4) % 360 - 40, 0, 40, 240);
      g.fillStyle = '#fff';
      g.font = 'bold 96px sans-serif';
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.fillText(label.trim().charAt(0).toUpperCase() || '?', 160, 120);
    };
    draw();
    const timer = setInterval(draw, 100);
    stops.push(() => clearInterval(timer));
    tracks.push(...canvas.captureStream(10).getVideoTracks());
  }
  const stream = new MediaStream(tracks);
  return {
    stream,
    stop: () => {
      for (const track of tracks) track.stop();
      for (const stop of stops) stop();
    },
  };
}

let calls = 0;

/** The simulated customer's calls. */
export class SimulatedCalls {
  readonly #host: SimulatedCallHost;
  readonly #ringMs: number;
  readonly #answer: boolean;
  readonly #calls = new Map<string, CustomerSide>();

  constructor(host: SimulatedCallHost, options: SimulatedCallOptions = {}) {
    this.#host = host;
    this.#ringMs = Math.max(0, options.ringMs ?? 1500);
    this.#answer = options.answer ?? true;
  }

  /** The customer's call in a conversation that is not over, if any. */
  callIn(conversationId: string): Readonly<Call> | undefined {
    return [...this.#calls.values()].find((c) => c.conversationId === conversationId && c.state !== 'ended');
  }

  execute(command: CallCommand): { ok: true } {
    if (command.type === 'call.start') {
      const allowed = this.#host.capabilities.calls?.[command.media];
      if (!allowed) throw new TransportError('unavailable', `This backend has no ${command.media} calls.`, { retryable: false });
      if (!this.#host.hasConversation(command.conversationId)) throw new TransportError('not-found', `No conversation "${command.conversationId}".`, { retryable: false });
      if (typeof command.callId !== 'string' || !command.callId) throw invalid('call.start needs a callId.');
      // The same call id again is the same call (a retried command).
      if (this.#calls.has(command.callId)) return { ok: true };
      if (this.callIn(command.conversationId)) throw new TransportError('conflict', 'This conversation already has a call.', { retryable: false });
      const call: CustomerSide = { callId: command.callId, conversationId: command.conversationId, media: command.media, from: 'agent', state: 'ringing', early: [] };
      this.#calls.set(call.callId, call);
      this.#state(call, 'ringing');
      call.timer = setTimeout(() => {
        if (call.state !== 'ringing') return;
        if (this.#answer) this.#state(call, 'connecting');
        else this.#end(call, 'declined');
      }, this.#ringMs);
      return { ok: true };
    }
    const call = this.#calls.get(command.callId);
    if (!call) throw new TransportError('not-found', `No call "${command.callId}".`, { retryable: false });
    if (call.state === 'ended') {
      // Ending an ended call is done already; anything else is too late.
      if (command.type === 'call.end' || command.type === 'call.decline' || command.type === 'call.signal') return { ok: true };
      throw new TransportError('conflict', 'The call has ended.', { retryable: false });
    }
    switch (command.type) {
      case 'call.accept':
        if (call.from !== 'customer' || call.state !== 'ringing') throw new TransportError('conflict', 'Only a ringing call from the customer can be accepted.', { retryable: false });
        this.#state(call, 'connecting');
        break;
      case 'call.decline':
        this.#end(call, 'declined');
        break;
      case 'call.end':
        this.#end(call, 'hung-up');
        break;
      case 'call.hold':
        // The agent's side may see the media connect a moment before this side does.
        if (call.state === 'ringing') throw new TransportError('conflict', 'Only an answered call can be held.', { retryable: false });
        this.#state(call, command.on ? 'on-hold' : 'connected');
        break;
      case 'call.signal':
        if (!command.description && !command.candidate) throw invalid('call.signal needs a description or a candidate.');
        void this.#signal(call, command.description, command.candidate);
        break;
    }
    return { ok: true };
  }

  /** The customer calls the agent: `call.incoming`, then (unanswered) `ended` with `no-answer` after `noAnswerMs`. Returns the call id. */
  customerCalls(conversationId: string, media: CallMedia, noAnswerMs = 30_000): string {
    if (!this.#host.hasConversation(conversationId)) throw new TransportError('not-found', `No conversation "${conversationId}".`, { retryable: false });
    const call: CustomerSide = { callId: `sim-call-${++calls}`, conversationId, media, from: 'customer', state: 'ringing', early: [] };
    this.#calls.set(call.callId, call);
    const { state: _state, early: _early, ...plain } = call;
    this.#host.emit({ type: 'call.incoming', call: plain, cursor: '' });
    call.timer = setTimeout(() => call.state === 'ringing' && this.#end(call, 'no-answer'), noAnswerMs);
    return call.callId;
  }

  /** The customer hangs up (or stops ringing): `ended` with `customer-hung-up`. */
  customerHangsUp(conversationId: string): void {
    const call = this.callIn(conversationId);
    if (call) this.#end(this.#calls.get(call.callId)!, 'customer-hung-up');
  }

  /** Ends every call (the simulator is disposed of). */
  dispose(): void {
    for (const call of this.#calls.values()) this.#close(call);
  }

  #state(call: CustomerSide, state: Exclude<CustomerSide['state'], 'ended'>): void {
    call.state = state;
    this.#host.emit({ type: 'call.state', callId: call.callId, state, cursor: '' });
  }

  #end(call: CustomerSide, reason: string): void {
    if (call.state === 'ended') return;
    this.#close(call);
    call.state = 'ended';
    this.#host.emit({ type: 'call.state', callId: call.callId, state: 'ended', reason, cursor: '' });
  }

  #close(call: CustomerSide): void {
    clearTimeout(call.timer);
    call.pc?.close();
    call.stopMedia?.();
  }

  /** The customer's side answers the agent's offer and trades candidates; bad signalling is ignored, as a real client would drop it. */
  async #signal(call: CustomerSide, description?: CallDescription, candidate?: CallCandidate): Promise<void> {
    try {
      if (description) {
        const pc = call.pc ?? this.#peer(call);
        await pc.setRemoteDescription(description);
        if (description.type === 'offer') {
          await pc.setLocalDescription(await pc.createAnswer());
          const { type, sdp } = pc.localDescription!;
          if (call.state !== 'ended') this.#host.emit({ type: 'call.signal', callId: call.callId, description: { type, sdp }, cursor: '' });
        }
        for (const early of call.early.splice(0)) await pc.addIceCandidate(early);
      } else if (candidate) {
        if (call.pc?.remoteDescription) await call.pc.addIceCandidate(candidate);
        else call.early.push(candidate);
      }
    } catch {
      // Not an SDP this side can use (e.g. a conformance probe): nothing goes back.
    }
  }

  #peer(call: CustomerSide): RTCPeerConnection {
    const pc = (call.pc = new RTCPeerConnection());
    const { stream, stop } = syntheticMedia(call.media, this.#host.customerName(call.conversationId));
    call.stopMedia = stop;
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
    pc.addEventListener('icecandidate', (event) => {
      if (!event.candidate || call.state === 'ended') return;
      const { candidate, sdpMid, sdpMLineIndex } = event.candidate;
      this.#host.emit({ type: 'call.signal', callId: call.callId, candidate: { candidate, sdpMid, sdpMLineIndex }, cursor: '' });
    });
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'connected' && call.state === 'connecting') this.#state(call, 'connected');
      else if (pc.connectionState === 'failed') this.#end(call, 'failed');
    });
    return pc;
  }
}
