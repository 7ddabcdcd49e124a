// The calls slice's work (F20): WebRTC, the microphone and camera, the signalling through the
// transport. A chunk of its own, loaded on the first call command or call event.
import type { WritableAtom } from 'nanostores';
import { callLineEn, callLinePl } from '../../i18n/call-line.js';
import { DeskError } from '../errors.js';
import { createClientId } from '../random.js';
import type { CallCandidate, CallDescription, CallEndReason, CallMedia, Command } from '../transport.js';
import type { CallDevices, CallEvent, CallMediaProblem, CallsDeps, CallsOptions, CallState } from './calls.js';
import type { SliceContext } from './shared.js';

interface Live {
  callId: string;
  conversationId: string;
  media: CallMedia;
  from: 'agent' | 'customer';
  pc?: RTCPeerConnection;
  local?: MediaStream;
  /** Candidates that came before the remote description. */
  early: CallCandidate[];
  /** The backend knows of it (call.start sent, or it rang in). */
  known: boolean;
  ended: boolean;
}

// As calls.ts's: imported from there, the slice would become a chunk of its own in the package build.
const IDLE_CALL: CallState = { phase: 'idle', muted: false, camera: false };
const LIVE_PHASES = new Set(['ringing-in', 'ringing-out', 'connecting', 'connected', 'on-hold']);

/** What a getUserMedia failure means for the agent. */
export function mediaProblem(error: unknown): CallMediaProblem {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'permission-denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'no-device';
  return 'failed';
}

/**
 * The calls' commands. One call per conversation at a time; the desk always makes the WebRTC offer
 * once the callee accepted (`call.state` `connecting`), and answers an offer the other side makes.
 * When the transport's connection drops, every call ends with `connection-lost` (its signalling is
 * gone; media alone cannot be held or ended), and the backend hears `call.end` once back online.
 */
export class CallCommands {
  readonly #ctx: SliceContext;
  readonly #options: CallsOptions;
  readonly #deps: CallsDeps;
  readonly #state: (conversationId: string) => WritableAtom<CallState>;
  readonly #calls: WritableAtom<Readonly<Record<string, CallState>>>;
  readonly #live = new Map<string, Live>();
  /** Calls ended by a dropped connection: the backend hears `call.end` when it is back. */
  readonly #lost = new Set<string>();
  #devices: CallDevices = {};
  #chain: Promise<void> = Promise.resolve();
  readonly #unlisten: () => void;

  constructor(
    ctx: SliceContext,
    options: CallsOptions,
    deps: CallsDeps,
    state: (conversationId: string) => WritableAtom<CallState>,
    calls: WritableAtom<Readonly<Record<string, CallState>>>,
  ) {
    this.#ctx = ctx;
    this.#options = options;
    this.#deps = deps;
    this.#state = state;
    this.#calls = calls;
    this.#unlisten = ctx.$connection.listen((status) => {
      if (status === 'online') {
        for (const callId of this.#lost) void this.#send({ type: 'call.end', callId }).catch(() => undefined);
        this.#lost.clear();
      } else if (status !== 'connecting') {
        for (const live of this.#live.values()) {
          if (live.ended) continue;
          if (live.known) this.#lost.add(live.callId);
          this.#finish(live, 'connection-lost');
        }
      }
    });
  }

  // ---- commands ----

  async start(conversationId: string, media: CallMedia): Promise<void> {
    if (!this.#ctx.transport.capabilities.calls?.[media]) throw new DeskError('unsupported', `This backend has no ${media} calls.`);
    // The rule of `canStart`: a call belongs to an Active conversation.
    if (this.#ctx.conversation(conversationId).state !== 'active') throw new DeskError('invalid', 'A call needs an active conversation.');
    if (this.#current(conversationId)) throw new DeskError('invalid', 'A call is already in progress in this conversation.');
    const live: Live = { callId: createClientId(), conversationId, media, from: 'agent', early: [], known: false, ended: false };
    this.#live.set(live.callId, live);
    this.#set(conversationId, { ...IDLE_CALL, phase: 'ringing-out', callId: live.callId, media, from: 'agent', camera: media === 'video', devices: this.#devices });
    if (!(await this.#getMedia(live))) return;
    live.known = true;
    try {
      await this.#send({ type: 'call.start', conversationId, media, callId: live.callId });
    } catch (error) {
      live.known = false;
      this.#finish(live, 'failed');
      throw error;
    }
  }

  async accept(conversationId: string): Promise<void> {
    const live = this.#current(conversationId, 'ringing-in');
    this.#set(conversationId, { phase: 'connecting' });
    if (!(await this.#getMedia(live))) {
      await this.#send({ type: 'call.decline', callId: live.callId }).catch(() => undefined);
      return;
    }
    try {
      await this.#send({ type: 'call.accept', callId: live.callId });
    } catch (error) {
      // Refused or lost: the microphone and camera go off and the call ends, as a failed start does.
      this.#finish(live, 'failed');
      throw error;
    }
  }

  async decline(conversationId: string): Promise<void> {
    const live = this.#current(conversationId, 'ringing-in');
    this.#finish(live, 'declined');
    await this.#send({ type: 'call.decline', callId: live.callId });
  }

  async end(conversationId: string): Promise<void> {
    const live = this.#current(conversationId);
    if (!live) return;
    if (this.#state(conversationId).get().phase === 'ringing-in') return this.decline(conversationId);
    this.#finish(live, 'hung-up');
    if (live.known) await this.#send({ type: 'call.end', callId: live.callId });
  }

  async mute(conversationId: string, on: boolean): Promise<void> {
    this.#set(conversationId, { muted: on });
    this.#applyTracks(this.#current(conversationId));
    return Promise.resolve();
  }

  async camera(conversationId: string, on: boolean): Promise<void> {
    this.#set(conversationId, { camera: on });
    this.#applyTracks(this.#current(conversationId));
    return Promise.resolve();
  }

  async hold(conversationId: string, on: boolean): Promise<void> {
    const live = this.#current(conversationId);
    const phase = this.#state(conversationId).get().phase;
    if (!live || (phase !== 'connected' && phase !== 'on-hold')) throw new DeskError('invalid', 'Only a connected call can be held.');
    await this.#send({ type: 'call.hold', callId: live.callId, on });
    if (!live.ended) this.#set(conversationId, { phase: on ? 'on-hold' : 'connected' });
    this.#applyTracks(live);
  }

  async setDevices(conversationId: string, devices: CallDevices): Promise<void> {
    this.#devices = { ...this.#devices, ...devices };
    this.#set(conversationId, { devices: this.#devices });
    const live = this.#current(conversationId);
    const local = live?.local;
    if (!live || !local) return;
    for (const [kind, id] of [['audio', devices.audioInput], ['video', devices.videoInput]] as const) {
      const old = kind === 'audio' ? local.getAudioTracks()[0] : local.getVideoTracks()[0];
      if (!id || !old) continue;
      const stream = await this.#getUserMedia({ [kind]: { deviceId: { exact: id } } });
      const track = stream.getTracks()[0]!;
      // The call ended while the device was opening: it must not stay on.
      if (live.ended) {
        for (const opened of stream.getTracks()) opened.stop();
        return;
      }
      await live.pc?.getSenders().find((s) => s.track === old)?.replaceTrack(track);
      local.removeTrack(old);
      old.stop();
      local.addTrack(track);
    }
    this.#applyTracks(live);
    this.#set(conversationId, { local });
  }

  devices(): Promise<MediaDeviceInfo[]> {
    const list = this.#options.enumerateDevices ?? (() => globalThis.navigator?.mediaDevices?.enumerateDevices() ?? Promise.resolve([]));
    return list();
  }

  async dismiss(conversationId: string): Promise<void> {
    if (this.#state(conversationId).get().phase === 'ended') this.#set(conversationId, IDLE_CALL, true);
    return Promise.resolve();
  }

  /** The desk is disposed: every call stops here (microphone and camera off), without telling the backend. */
  dispose(): void {
    this.#unlisten();
    for (const live of this.#live.values()) {
      if (live.ended) continue;
      live.ended = true;
      live.pc?.close();
      for (const track of live.local?.getTracks() ?? []) track.stop();
    }
  }

  // ---- events ----

  received(event: CallEvent): Promise<void> {
    // One at a time, in order: a candidate must not overtake the description before it.
    const next = this.#chain
      .then(() => this.#receive(event))
      .catch(() => {
        // A description or candidate the connection refused: the call cannot connect, so it ends.
        const live = 'callId' in event ? this.#live.get(event.callId) : undefined;
        if (live && !live.ended) {
          this.#finish(live, 'failed');
          if (live.known) void this.#send({ type: 'call.end', callId: live.callId }).catch(() => undefined);
        }
      });
    this.#chain = next;
    return next;
  }

  async #receive(event: CallEvent): Promise<void> {
    if (event.type === 'call.incoming') {
      const { callId, conversationId, media } = event.call;
      if (this.#live.has(callId) || this.#current(conversationId)) return;
      const live: Live = { callId, conversationId, media, from: 'customer', early: [], known: true, ended: false };
      this.#live.set(callId, live);
      this.#set(conversationId, { ...IDLE_CALL, phase: 'ringing-in', callId, media, from: 'customer', camera: media === 'video', devices: this.#devices });
      return;
    }
    const live = this.#live.get(event.callId);
    if (!live || live.ended) return;
    if (event.type === 'call.signal') return this.#signal(live, event.description, event.candidate);
    switch (event.state) {
      case 'ringing':
        return;
      case 'connecting':
        if (this.#state(live.conversationId).get().phase !== 'connected') this.#set(live.conversationId, { phase: 'connecting' });
        return this.#offer(live);
      case 'connected':
      case 'on-hold':
        this.#connected(live, event.state);
        return this.#applyTracks(live);
      case 'ended':
        return this.#finish(live, event.reason ?? 'hung-up');
    }
  }

  async #offer(live: Live): Promise<void> {
    if (live.pc || !live.local) return;
    const pc = this.#peer(live);
    await pc.setLocalDescription(await pc.createOffer());
    await this.#describe(live, pc);
  }

  async #signal(live: Live, description: CallDescription | undefined, candidate: CallCandidate | undefined): Promise<void> {
    if (description) {
      const pc = live.pc ?? this.#peer(live);
      await pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        await pc.setLocalDescription(await pc.createAnswer());
        await this.#describe(live, pc);
      }
      for (const early of live.early.splice(0)) await pc.addIceCandidate(early);
    } else if (candidate) {
      if (live.pc?.remoteDescription) await live.pc.addIceCandidate(candidate);
      else live.early.push(candidate);
    }
  }

  #describe(live: Live, pc: RTCPeerConnection): Promise<unknown> {
    const { type, sdp } = pc.localDescription!;
    return this.#send({ type: 'call.signal', callId: live.callId, description: { type, sdp } });
  }

  #peer(live: Live): RTCPeerConnection {
    const make = this.#options.peerConnection ?? ((config: RTCConfiguration) => new RTCPeerConnection(config));
    const pc = (live.pc = make({ iceServers: this.#options.iceServers ?? [] }));
    const local = live.local;
    if (local) for (const track of local.getTracks()) pc.addTrack(track, local);
    if (live.media === 'video' && !local?.getVideoTracks().length) pc.addTransceiver('video', { direction: 'recvonly' });
    if (!local?.getAudioTracks().length) pc.addTransceiver('audio', { direction: 'recvonly' });
    pc.addEventListener('track', (event) => {
      if (live.ended) return;
      this.#set(live.conversationId, { remote: event.streams[0] ?? new MediaStream([event.track]) });
    });
    pc.addEventListener('icecandidate', (event) => {
      if (!event.candidate || live.ended) return;
      const { candidate, sdpMid, sdpMLineIndex } = event.candidate;
      void this.#send({ type: 'call.signal', callId: live.callId, candidate: { candidate, sdpMid, sdpMLineIndex } }).catch(() => undefined);
    });
    pc.addEventListener('connectionstatechange', () => {
      if (live.ended) return;
      if (pc.connectionState === 'connected') this.#connected(live, 'connected', true);
      else if (pc.connectionState === 'failed') {
        this.#finish(live, 'failed');
        void this.#send({ type: 'call.end', callId: live.callId }).catch(() => undefined);
      }
    });
    return pc;
  }

  #connected(live: Live, phase: 'connected' | 'on-hold', fromPeer = false): void {
    const state = this.#state(live.conversationId).get();
    // The peer connection may say "connected" again during a hold: the hold stands until it is lifted.
    if (fromPeer && state.phase === 'on-hold') return;
    this.#set(live.conversationId, { phase, startedAt: state.startedAt ?? this.#ctx.now() });
  }

  /** Gets the microphone (and camera); on failure the call ends with the problem. Resolves whether it got them. */
  async #getMedia(live: Live): Promise<boolean> {
    const video = live.media === 'video';
    const { audioInput, videoInput } = this.#devices;
    try {
      const local = await this.#getUserMedia({
        audio: audioInput ? { deviceId: audioInput } : true,
        video: video ? (videoInput ? { deviceId: videoInput } : true) : false,
      });
      if (live.ended) {
        for (const track of local.getTracks()) track.stop();
        return false;
      }
      live.local = local;
      this.#set(live.conversationId, { local });
      this.#applyTracks(live);
      return true;
    } catch (error) {
      const problem = mediaProblem(error);
      this.#set(live.conversationId, { problem });
      this.#finish(live, problem);
      return false;
    }
  }

  #getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    if (this.#options.getUserMedia) return this.#options.getUserMedia(constraints);
    const devices = globalThis.navigator?.mediaDevices;
    return devices ? devices.getUserMedia(constraints) : Promise.reject(new DOMException('No media devices.', 'NotFoundError'));
  }

  /** The tracks follow mute, camera and hold: a disabled track sends silence (or black). */
  #applyTracks(live: Live | undefined): void {
    if (!live?.local) return;
    const { muted, camera, phase } = this.#state(live.conversationId).get();
    const held = phase === 'on-hold';
    for (const track of live.local.getAudioTracks()) track.enabled = !muted && !held;
    for (const track of live.local.getVideoTracks()) track.enabled = camera && !held;
  }

  #finish(live: Live, reason: CallEndReason): void {
    if (live.ended) return;
    live.ended = true;
    live.pc?.close();
    for (const track of live.local?.getTracks() ?? []) track.stop();
    // Only the id stays (a replayed event of this call is ignored); the connection and streams go.
    live.pc = undefined;
    live.local = undefined;
    live.early = [];
    const state = this.#state(live.conversationId).get();
    const now = this.#ctx.now();
    this.#set(live.conversationId, { phase: 'ended', reason, endedAt: now, local: undefined, remote: undefined });
    const line = /^pl\b/i.test(this.#deps.locale() ?? '') ? callLinePl : callLineEn;
    const seconds = state.startedAt === undefined ? undefined : Math.max(0, Math.round((now - state.startedAt) / 1000));
    // A call the agent cancelled before it rang anyone leaves no line.
    if (live.known) this.#deps.messages.received({ id: `call-${live.callId}`, conversationId: live.conversationId, author: 'system', kind: 'system', text: line(live.media, seconds), at: now });
  }

  /** The conversation's call that is not over; with `phase`, it must be in it (else DeskError('invalid')). */
  #current(conversationId: string): Live | undefined;
  #current(conversationId: string, phase: CallState['phase']): Live;
  #current(conversationId: string, phase?: CallState['phase']): Live | undefined {
    const state = this.#state(conversationId).get();
    const live = state.callId ? this.#live.get(state.callId) : undefined;
    const current = live && !live.ended && LIVE_PHASES.has(state.phase) ? live : undefined;
    if (phase && (!current || state.phase !== phase)) throw new DeskError('invalid', `No call in the "${phase}" state.`);
    return current;
  }

  #set(conversationId: string, patch: Partial<CallState>, replace = false): void {
    const store = this.#state(conversationId);
    const next = replace ? (patch as CallState) : { ...store.get(), ...patch };
    store.set(next);
    const { [conversationId]: _, ...others } = this.#calls.get();
    this.#calls.set(next.phase === 'idle' ? others : { ...others, [conversationId]: next });
  }

  #send(command: Command): Promise<unknown> {
    return this.#ctx.track(this.#ctx.transport.execute(command));
  }
}
