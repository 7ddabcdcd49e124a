import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { CallEndReason, CallMedia, CallSignalEvent, CallIncomingEvent, CallStateEvent } from '../transport.js';
import { forward, lazyCommands } from './knowledge.js';
import { StoreMap, type SliceContext } from './shared.js';
import type { Conversation, Message } from '../model.js';
import type { CallCommands } from './calls-media.js';

/** Where a conversation's call is, as the agent sees it (F20). */
export type CallPhase = 'idle' | 'ringing-in' | 'ringing-out' | 'connecting' | 'connected' | 'on-hold' | 'ended';

/** Why media could not be had: the agent refused the browser's permission, or there is no microphone/camera. */
export type CallMediaProblem = 'permission-denied' | 'no-device' | 'failed';

/** A conversation's call. `local` and `remote` are live MediaStreams (not serializable; never stored). */
export interface CallState {
  phase: CallPhase;
  callId?: string;
  media?: CallMedia;
  /** Who started it. */
  from?: 'agent' | 'customer';
  /** Why it ended (with `phase: 'ended'`). */
  reason?: CallEndReason;
  /** The microphone is off (its track disabled). */
  muted: boolean;
  /** The camera is on (video calls). */
  camera: boolean;
  /** When it connected, epoch ms: the call timer counts from here. */
  startedAt?: number;
  endedAt?: number;
  /** Media could not be had: the call did not start (or was declined); the chat goes on. */
  problem?: CallMediaProblem;
  local?: MediaStream;
  remote?: MediaStream;
  /** The chosen devices (`deviceId`s); output only where the browser can route audio (`setSinkId`). */
  devices?: CallDevices;
}

export interface CallDevices {
  audioInput?: string;
  videoInput?: string;
  audioOutput?: string;
}

/** The seams to the browser's WebRTC and media (tests inject their own), and ICE servers. */
export interface CallsOptions {
  /** Makes a peer connection. Default: `new RTCPeerConnection(config)`. */
  peerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  /** Default: `navigator.mediaDevices.getUserMedia`. */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Default: `navigator.mediaDevices.enumerateDevices`. */
  enumerateDevices?: () => Promise<MediaDeviceInfo[]>;
  iceServers?: RTCIceServer[];
}

/**
 * Voice and video calls (F20): `desk.calls`. Media is WebRTC (in a chunk of its own, loaded on first
 * use); signalling goes through the transport (`capabilities.calls`). Commands reject with
 * DeskError('unsupported') without the capability, DeskError('invalid') when the call is not in a
 * state that allows them. Getting the microphone or camera can fail: the call ends with
 * `problem` (`permission-denied`, `no-device`) and the chat goes on.
 */
export interface Calls {
  /** What the transport can carry; undefined: no calls (no call buttons anywhere). */
  readonly available: { voice: boolean; video: boolean } | undefined;
  /** A conversation's call. */
  state(conversationId: string): ReadableAtom<CallState>;
  /** Every conversation's call that is not idle, by conversation id (a ringing call in another tab shows). */
  readonly $calls: ReadableAtom<Readonly<Record<string, CallState>>>;
  /** The calls the agent may start now in a conversation: what the transport carries, in an Active conversation without a call. */
  canStart(conversationId: string): readonly CallMedia[];
  /** Gets the microphone (and camera) and rings the customer. */
  start(conversationId: string, media: CallMedia): Promise<void>;
  /** Takes the customer's call: gets the microphone (and camera), then connects. */
  accept(conversationId: string): Promise<void>;
  decline(conversationId: string): Promise<void>;
  /** Turns the microphone off (`on: true`) or back on: the audio track is disabled, nothing is sent. */
  mute(conversationId: string, on: boolean): Promise<void>;
  /** Turns the camera on or off (video calls). */
  camera(conversationId: string, on: boolean): Promise<void>;
  /** Puts the call on hold (no media either way) or resumes it. */
  hold(conversationId: string, on: boolean): Promise<void>;
  /** Hangs up (or cancels the ringing): ended with reason `hung-up`. */
  end(conversationId: string): Promise<void>;
  /** Switches the microphone, camera or speaker; the choice holds for later calls too. */
  setDevices(conversationId: string, devices: CallDevices): Promise<void>;
  /** The microphones, cameras and speakers the browser lists (labels once permission was given). */
  devices(): Promise<MediaDeviceInfo[]>;
  /** Forgets an ended call (the controls hide). */
  dismiss(conversationId: string): Promise<void>;
}

export type CallEvent = CallIncomingEvent | CallSignalEvent | CallStateEvent;

/** What the call commands need besides the context: where a call's system line goes when it ends, and the desk's language. */
export interface CallsDeps {
  messages: { received(message: Message): void };
  locale(): string | undefined;
}

const IDLE_CALL: CallState = { phase: 'idle', muted: false, camera: false };

/** The calls slice: stores here, the work (calls-media.ts) in a chunk of its own. */
export function callsSlice(
  ctx: SliceContext,
  options: CallsOptions,
  deps: CallsDeps,
): Calls & { received(event: CallEvent): Promise<void>; conversationChanged(conversation: Conversation): void; dispose(): void } {
  const stores = new StoreMap<CallState>(IDLE_CALL);
  const $calls = atom<Readonly<Record<string, CallState>>>({});
  const state = (id: string): WritableAtom<CallState> => stores.get(id);
  let loaded: CallCommands | undefined;
  const commands = lazyCommands(ctx, () => import('./calls-media.js').then((m) => (loaded = new m.CallCommands(ctx, options, deps, state, $calls))));
  return {
    get available() {
      return ctx.transport.capabilities.calls;
    },
    state,
    $calls,
    canStart: (id) => {
      const can = ctx.transport.capabilities.calls;
      const phase = stores.has(id) ? stores.get(id).get().phase : 'idle';
      if (!can || (phase !== 'idle' && phase !== 'ended')) return [];
      try {
        if (ctx.conversation(id).state !== 'active') return [];
      } catch {
        return []; // a conversation the desk does not hold
      }
      return (['voice', 'video'] as const).filter((m) => can[m]);
    },
    ...forward(ctx, commands, 'start accept decline mute camera hold end setDevices devices dismiss received'.split(' ') as (keyof CallCommands)[]),
    // A call belongs to an active conversation: one that leaves Active (transfer, wrap-up, waiting, closed) hangs up.
    conversationChanged: (conversation) => {
      const phase = stores.has(conversation.id) ? stores.get(conversation.id).get().phase : undefined;
      if (conversation.state !== 'active' && phase && phase !== 'idle' && phase !== 'ended') void loaded?.end(conversation.id).catch(() => undefined);
    },
    dispose: () => loaded?.dispose(),
  };
}
