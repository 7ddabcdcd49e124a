// The code of `<cc-call-controls>` (F20). The panel and the session tabs load it as a lazy chunk when
// the desk has calls (slots.ts); define.ts builds the documented class from it up front. It imports
// nothing the page has already loaded (Lit, the base element, the controllers, the shared styles):
// those come in as `deps`, so a host's bundler keeps the first load in one chunk. Its English strings
// come with it.
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { CallState, Desk } from '../../core/desk/desk.js';
import type { CallMedia } from '../../core/transport.js';
import { callMenuStrings } from '../../i18n/en/call-menu.js';
import { callsStrings } from '../../i18n/en/calls.js';
import type { LazyDeskElement, PageDeps } from '../lazy-element.js';
import { callControlsCss } from './call-controls.styles.js';
import { CcCallEvent, CcCallStartEvent } from './events.js';

/** The element's public face (the class is made by `callControlsElement`; it is a DeskElement). */
export interface CallControlsElement extends LazyDeskElement {
  compact: boolean;
  sound: boolean;
  /** Shows this state instead of the desk's (stories, tests). */
  call: CallState | undefined;
  readonly shownCall: CallState;
  start(media: CallMedia): Promise<void>;
  accept(): Promise<void>;
  decline(): Promise<void>;
  end(): Promise<void>;
}

const IDLE: CallState = { phase: 'idle', muted: false, camera: false };
const LIVE = new Set(['ringing-in', 'ringing-out', 'connecting', 'connected', 'on-hold']);
const REASONS = new Set(['hung-up', 'customer-hung-up', 'declined', 'no-answer', 'connection-lost', 'permission-denied', 'no-device', 'failed']);
/** Seconds between rings of an incoming call (with `sound`). */
const RING_EVERY_MS = 2500;

let audio: AudioContext | undefined;

/**
 * One ring: two short tones, synthesised (no audio file ships). Silent unless the page may play sound.
 * Its own, not the offer alerts' chunk: a dynamic import here would split the loader out of the page's first chunk.
 */
async function ringOnce(): Promise<void> {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  if ((activation && !activation.hasBeenActive) || typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') await audio.resume();
  if (audio.state !== 'running') return;
  for (const at of [0, 0.4]) {
    const start = audio.currentTime + at;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.setValueAtTime(660, start);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.15, start + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.32);
  }
}

/** "02:31", or "1:02:31" past an hour. */
function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(total / 3600);
  return `${h > 0 ? `${h}:` : ''}${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}

/** Makes the `<cc-call-controls>` class (define.ts, or slots.ts on first use). */
export function callControlsElement({ DeskElement, ConversationController, StoreController, html, nothing, hostStyles, unsafeCSS }: PageDeps): new () => CallControlsElement {
  // Documented (tag, attributes, events, styling) on CcCallControls in define.ts, which the manifest reads.
  class CcCallControlsElement extends DeskElement implements CallControlsElement {
    /** @internal */
    static override styles = [hostStyles, unsafeCSS(callControlsCss)];
    /** @internal */
    static override properties: PropertyDeclarations = {
      conversationId: { attribute: 'conversation-id' },
      compact: { type: Boolean, reflect: true },
      sound: { type: Boolean },
      call: { attribute: false },
    };
    /** @internal */
    protected static override strings = [callsStrings, callMenuStrings];

    conversationId: string | undefined;
    compact = false;
    sound = false;
    call: CallState | undefined;

    /** @internal */
    protected readonly shown = new ConversationController(this, (id, desk) => this.state.set(desk && id !== undefined ? desk.calls.state(id) : undefined));
    /** @internal */
    protected readonly state = new StoreController<CallState>(this, IDLE);
    /** @internal */
    protected readonly clockStore = new StoreController<number>(this, 0);
    /** @internal */
    protected readonly internals = this.attachInternals();

    #announce = '';
    #devices: MediaDeviceInfo[] = [];
    #ringing: (() => void) | undefined;

    /** @internal */
    protected override deskChanged(_desk: Desk | undefined): void {
      // The conversation controller follows the desk.
    }

    get shownCall(): CallState {
      return this.call ?? this.state.value;
    }

    override connectedCallback(): void {
      super.connectedCallback();
      // Back in the page (moved while a call rings): willUpdate starts the ring again.
      if (this.hasUpdated) this.requestUpdate();
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      this.#stopRinging();
    }

    /** Starts a call, after a `cc-call-start` nobody cancelled. */
    async start(media: CallMedia): Promise<void> {
      const desk = this.activeDesk;
      const id = this.shown.id;
      if (!desk || id === undefined) return;
      const intent = new CcCallStartEvent(id, media);
      this.dispatchEvent(intent);
      if (!intent.defaultPrevented) await desk.calls.start(id, media);
    }

    accept(): Promise<void> {
      return this.#act('cc-call-accept', (desk, id) => desk.calls.accept(id));
    }

    decline(): Promise<void> {
      return this.#act('cc-call-decline', (desk, id) => desk.calls.decline(id));
    }

    end(): Promise<void> {
      return this.#act('cc-call-end', (desk, id) => desk.calls.end(id));
    }

    async #act(type: 'cc-call-accept' | 'cc-call-decline' | 'cc-call-end', run: (desk: Desk, id: string) => Promise<void>): Promise<void> {
      const desk = this.activeDesk;
      const id = this.shown.id;
      const callId = this.shownCall.callId;
      if (!desk || id === undefined || !callId) return;
      const intent = new CcCallEvent(type, id, callId);
      this.dispatchEvent(intent);
      if (intent.defaultPrevented) return;
      await run(desk, id).catch(() => undefined);
    }

    #command(run: (desk: Desk, id: string) => Promise<void>, announce?: string): void {
      const desk = this.activeDesk;
      const id = this.shown.id;
      if (!desk || id === undefined) return;
      if (announce) this.#announce = announce;
      void run(desk, id).catch(() => undefined);
    }

    protected override willUpdate(changed: PropertyValues<this>): void {
      super.willUpdate(changed);
      const { phase } = this.shownCall;
      for (const name of ['idle', 'ringing', 'live', 'ended']) this.internals.states.delete(name);
      this.internals.states.add(phase === 'ringing-in' || phase === 'ringing-out' ? 'ringing' : LIVE.has(phase) ? 'live' : phase);
      const desk = this.activeDesk;
      this.clockStore.set(desk && (phase === 'connected' || phase === 'on-hold') ? desk.$now : undefined);
      if (phase === 'ringing-in' && this.sound && !this.compact) this.#ring();
      else this.#stopRinging();
    }

    protected override updated(changed: PropertyValues<this>): void {
      super.updated(changed);
      const { local, remote, devices } = this.shownCall;
      const play = (selector: string, stream: MediaStream | undefined): void => {
        const media = this.renderRoot.querySelector<HTMLMediaElement>(selector);
        if (!media || media.srcObject === (stream ?? null)) return;
        media.srcObject = stream ?? null;
        if (stream) void media.play().catch(() => undefined);
      };
      play('.remote', remote);
      play('.self', local);
      const out = this.renderRoot.querySelector<HTMLMediaElement & { setSinkId?(id: string): Promise<void>; sinkId?: string }>('.remote');
      if (out?.setSinkId && devices?.audioOutput !== undefined && out.sinkId !== devices.audioOutput) void out.setSinkId(devices.audioOutput).catch(() => undefined);
    }

    /** The ring of an incoming call: one tab per call plays it (the tab that holds the lock), as offers do. */
    #ring(): void {
      if (this.#ringing) return;
      let stopped = false;
      let release: (() => void) | undefined;
      this.#ringing = () => {
        stopped = true;
        release?.();
      };
      const callId = this.shownCall.callId ?? '';
      const play = async (): Promise<void> => {
        while (!stopped) {
          await ringOnce().catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, RING_EVERY_MS));
        }
      };
      const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
      if (!locks) return void play().catch(() => undefined);
      const agent = this.activeDesk?.agent.id ?? '';
      locks
        .request(`cc-call-ring:${agent}:${callId}`, { ifAvailable: true }, (lock) => {
          if (!lock || stopped) return undefined;
          void play().catch(() => undefined);
          return new Promise<void>((resolve) => (release = resolve));
        })
        .catch(() => undefined);
    }

    #stopRinging(): void {
      this.#ringing?.();
      this.#ringing = undefined;
    }

    async #loadDevices(event: Event): Promise<void> {
      if (!(event.target as HTMLDetailsElement).open) return;
      this.#devices = ((await this.activeDesk?.calls.devices().catch(() => [])) ?? []).filter((d) => d.deviceId);
      this.requestUpdate();
    }

    #name(): string {
      const desk = this.activeDesk;
      const id = this.shown.id;
      return (id !== undefined ? desk?.$conversations.get()[id]?.customer.name?.trim() : undefined) || this.localize.t.calls.customer;
    }

    protected override render(): TemplateResult | symbol {
      const call = this.shownCall;
      const t = this.localize.t.calls;
      if (this.compact) return this.#renderBadge(call);
      if (call.phase === 'idle') return nothing;
      const media: CallMedia = call.media ?? 'voice';
      const status = html`<p class="visually-hidden" role="status">${this.#announce}</p>`;
      this.#announce = '';
      if (call.phase === 'ringing-in') {
        return html`<section class="call ringing" part="call" aria-label=${t.label}>
          <p class="title" role="alert">${t.incoming(media, this.#name())}</p>
          <div class="actions">
            <button type="button" class="primary" part="accept" @click=${() => void this.accept()}>${t.accept}</button>
            <button type="button" class="danger" part="decline" @click=${() => void this.decline()}>${t.decline}</button>
          </div>
        </section>`;
      }
      if (call.phase === 'ended') {
        const reason = call.reason && REASONS.has(call.reason) ? t.reasons[call.reason as keyof typeof t.reasons] : t.reasons.other;
        return html`<section class="call ${call.problem ? 'problem' : ''}" part="call" aria-label=${t.label}>
          ${call.problem
            ? html`<p class="problem-text" part="problem" role="alert">${t.problems[call.problem]}</p>`
            : html`<p class="title" role="status">${t.ended(reason)}</p>`}
          <div class="actions">
            <button type="button" part="dismiss" @click=${() => this.#command((desk, id) => desk.calls.dismiss(id))}>${t.dismiss}</button>
          </div>
        </section>`;
      }
      const live = call.phase === 'connected' || call.phase === 'on-hold';
      const title =
        call.phase === 'ringing-out' ? t.calling(media, this.#name()) : call.phase === 'connecting' ? t.connecting : call.phase === 'on-hold' ? t.onHold : t.connected(media);
      const elapsed = clock((this.clockStore.value || Date.now()) - (call.startedAt ?? Date.now()));
      const video = media === 'video';
      return html`<section class="call" part="call" aria-label=${t.label}>
        <div class="head">
          <p class="title" role="status">${title}</p>
          ${live && call.startedAt !== undefined
            ? html`<span class="timer" part="timer" role="timer" aria-label=${t.timer(elapsed)}>${elapsed}</span>`
            : nothing}
        </div>
        ${video
          ? html`<div class="media" part="media">
              <video class="remote" part="remote-video" autoplay playsinline aria-label=${t.remoteVideo(this.#name())}></video>
              ${call.camera ? html`<video class="self" part="self-view" autoplay playsinline muted aria-label=${t.selfView}></video>` : nothing}
            </div>`
          : html`<audio class="remote" autoplay></audio>`}
        <div class="actions" part="actions">
          ${live
            ? html`<button
                  type="button"
                  part="mute"
                  aria-pressed=${call.muted ? 'true' : 'false'}
                  @click=${() => this.#command((desk, id) => desk.calls.mute(id, !call.muted), call.muted ? t.unmutedNow : t.mutedNow)}
                >
                  ${t.mute}
                </button>
                ${video
                  ? html`<button type="button" part="camera" @click=${() => this.#command((desk, id) => desk.calls.camera(id, !call.camera))}>
                      ${call.camera ? t.cameraOff : t.cameraOn}
                    </button>`
                  : nothing}
                <button
                  type="button"
                  part="hold"
                  @click=${() => this.#command((desk, id) => desk.calls.hold(id, call.phase !== 'on-hold'), call.phase === 'on-hold' ? t.connected(media) : t.onHold)}
                >
                  ${call.phase === 'on-hold' ? t.resume : t.hold}
                </button>`
            : nothing}
          <button type="button" class="danger" part="end" @click=${() => void this.end()}>${live ? t.end : t.cancel}</button>
        </div>
        ${live ? this.#renderDevices(call, video) : nothing} ${status}
      </section>`;
    }

    #renderDevices(call: CallState, video: boolean): TemplateResult {
      const t = this.localize.t.calls;
      const canRoute = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
      const select = (label: string, kind: MediaDeviceKind, key: 'audioInput' | 'videoInput' | 'audioOutput'): TemplateResult => {
        const options = this.#devices.filter((d) => d.kind === kind);
        return html`<label
          >${label}
          <select
            @change=${(e: Event) => this.#command((desk, id) => desk.calls.setDevices(id, { [key]: (e.target as HTMLSelectElement).value }))}
          >
            <option value="" ?selected=${!call.devices?.[key]}>${t.defaultDevice}</option>
            ${options.map((d, i) => html`<option value=${d.deviceId} ?selected=${call.devices?.[key] === d.deviceId}>${d.label || `${label} ${i + 1}`}</option>`)}
          </select></label
        >`;
      };
      return html`<details part="devices" @toggle=${(e: Event) => void this.#loadDevices(e)}>
        <summary>${t.devices}</summary>
        <div class="devices">
          ${select(t.microphone, 'audioinput', 'audioInput')} ${video ? select(t.camera, 'videoinput', 'videoInput') : nothing}
          ${canRoute ? select(t.speaker, 'audiooutput', 'audioOutput') : nothing}
        </div>
      </details>`;
    }

    #renderBadge(call: CallState): TemplateResult | symbol {
      if (!LIVE.has(call.phase)) return nothing;
      const t = this.localize.t.calls;
      const media: CallMedia = call.media ?? 'voice';
      const ringing = call.phase === 'ringing-in' || call.phase === 'ringing-out';
      const live = (call.phase === 'connected' || call.phase === 'on-hold') && call.startedAt !== undefined;
      const label = call.phase === 'ringing-in' ? t.incoming(media, this.#name()) : call.phase === 'on-hold' ? t.onHold : this.localize.t.callMenu.active;
      return html`<span class="badge ${ringing ? 'ringing' : call.phase}" part="badge"
        ><span aria-hidden="true">●</span
        >${live ? html`<span aria-hidden="true">${clock((this.clockStore.value || Date.now()) - call.startedAt!)}</span>` : nothing}<span
          class="visually-hidden"
          >${label}</span
        ></span
      >`;
    }
  }
  return CcCallControlsElement;
}
