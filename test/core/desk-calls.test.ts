import { expect, waitUntil } from '@open-wc/testing';
import type { Desk } from '../../src/core/desk/desk.js';
import { validateEvent } from '../../src/core/desk/validate.js';
import { DeskError } from '../../src/core/errors.js';
import { conformanceChecks, runConformance } from '../../src/transports/conformance/index.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { simDesk, testDesk, TestTransport } from '../harness.js';

/** A connected desk on a simulator with calls, and an accepted conversation. */
async function callDesk(options: { ringMs?: number; answer?: boolean } = {}, deskOptions: Parameters<typeof simDesk>[1] = {}) {
  const { desk, transport } = await simDesk({ calls: { ringMs: options.ringMs ?? 20, answer: options.answer ?? true } }, deskOptions);
  const offer = transport.offer({ locale: 'en' });
  await waitUntil(() => desk.$offers.get().length === 1, 'no offer');
  await desk.accept(offer.id);
  return { desk, transport, id: offer.conversationId };
}

const phase = (desk: Desk, id: string) => desk.calls.state(id).get().phase;
const systemLines = (desk: Desk, id: string) => desk.messages(id).get().filter((m) => m.author === 'system').map((m) => m.text);

describe('desk.calls (F20)', () => {
  it('has no calls without the capability: available is undefined and start is refused', async () => {
    const { desk, transport } = await simDesk();
    const offer = transport.offer();
    await waitUntil(() => desk.$offers.get().length === 1);
    await desk.accept(offer.id);
    expect(desk.calls.available).to.equal(undefined);
    expect(desk.calls.canStart(offer.conversationId)).to.deep.equal([]);
    const error = await desk.calls.start(offer.conversationId, 'video').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DeskError);
    expect((error as DeskError).code).to.equal('unsupported');
  });

  it('connects a real RTCPeerConnection pair through the simulated signalling', async () => {
    const { desk, id } = await callDesk();
    expect(desk.calls.available).to.deep.equal({ voice: true, video: true });
    expect(desk.calls.canStart(id)).to.deep.equal(['voice', 'video']);
    expect(desk.calls.canStart('no-such-conversation')).to.deep.equal([]);
    await desk.calls.start(id, 'video');
    // One call at a time.
    expect(desk.calls.canStart(id)).to.deep.equal([]);
    expect(['ringing-out', 'connecting', 'connected']).to.include(phase(desk, id));
    await waitUntil(() => phase(desk, id) === 'connected', 'the call never connected', { timeout: 8000 });
    const state = desk.calls.state(id).get();
    expect(state.startedAt).to.be.a('number');
    expect(state.local?.getAudioTracks()).to.have.length(1);
    expect(state.local?.getVideoTracks()).to.have.length(1);
    await waitUntil(() => (desk.calls.state(id).get().remote?.getTracks().length ?? 0) >= 2, 'the remote stream has no tracks');
    expect(desk.calls.state(id).get().remote!.getVideoTracks()).to.have.length(1);
    expect(desk.calls.$calls.get()[id]?.phase).to.equal('connected');
    await desk.calls.end(id);
    expect(desk.calls.state(id).get()).to.deep.include({ phase: 'ended', reason: 'hung-up' });
    expect(desk.calls.canStart(id)).to.deep.equal(['voice', 'video']);
    expect(state.local!.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    await desk.settled();
    expect(systemLines(desk, id)).to.have.length(1);
    expect(systemLines(desk, id)[0]).to.match(/^Video call, \d+ s$/);
  });

  it('mute disables the audio track; camera off disables the video track; both come back', async () => {
    const { desk, id } = await callDesk();
    await desk.calls.start(id, 'video');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    const local = desk.calls.state(id).get().local!;
    await desk.calls.mute(id, true);
    expect(desk.calls.state(id).get().muted).to.equal(true);
    expect(local.getAudioTracks()[0]!.enabled).to.equal(false);
    expect(local.getVideoTracks()[0]!.enabled).to.equal(true);
    await desk.calls.camera(id, false);
    expect(local.getVideoTracks()[0]!.enabled).to.equal(false);
    await desk.calls.mute(id, false);
    await desk.calls.camera(id, true);
    expect(local.getAudioTracks()[0]!.enabled).to.equal(true);
    expect(local.getVideoTracks()[0]!.enabled).to.equal(true);
  });

  it('holds and resumes: no media while on hold, the mute choice kept', async () => {
    const { desk, transport, id } = await callDesk();
    await desk.calls.start(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    const audio = desk.calls.state(id).get().local!.getAudioTracks()[0]!;
    await desk.calls.hold(id, true);
    await desk.settled();
    expect(phase(desk, id)).to.equal('on-hold');
    expect(audio.enabled).to.equal(false);
    await desk.calls.hold(id, false);
    await desk.settled();
    expect(phase(desk, id)).to.equal('connected');
    expect(audio.enabled).to.equal(true);
    // A hold the backend lifts on its own (the customer's side) is lifted here too.
    await desk.calls.hold(id, true);
    await desk.settled();
    const callId = desk.calls.state(id).get().callId!;
    await transport.execute({ type: 'call.hold', callId, on: false });
    await waitUntil(() => phase(desk, id) === 'connected', 'the lifted hold did not show');
    expect(audio.enabled).to.equal(true);
    // The state events the backend sent agree.
    const states = transport.events.flatMap((e) => (e.type === 'call.state' ? [e.state] : []));
    expect(states.slice(-2)).to.deep.equal(['on-hold', 'connected']);
  });

  it('the customer hangs up: ended with the reason, and the transcript says how long the call took', async () => {
    let now = Date.now();
    const { desk, transport, id } = await callDesk({}, { now: () => now });
    await desk.calls.start(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    now += 252_000;
    await transport.customerHangsUp(id);
    await waitUntil(() => phase(desk, id) === 'ended', 'the call did not end');
    expect(desk.calls.state(id).get().reason).to.equal('customer-hung-up');
    await desk.settled();
    expect(systemLines(desk, id)).to.deep.equal(['Voice call, 4 min 12 s']);
  });

  it('writes the call line in Polish for a Polish desk', async () => {
    let now = Date.now();
    const { desk, transport, id } = await callDesk({}, { now: () => now, locale: 'pl' });
    await desk.calls.start(id, 'video');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    now += 61_000;
    await transport.customerHangsUp(id);
    await waitUntil(() => phase(desk, id) === 'ended');
    await desk.settled();
    expect(systemLines(desk, id)).to.deep.equal(['Rozmowa wideo, 1 min 1 s']);
  });

  it('takes a call the customer starts: rings in, accept connects', async () => {
    const { desk, transport, id } = await callDesk();
    await transport.customerCalls(id, 'video');
    await waitUntil(() => phase(desk, id) === 'ringing-in', 'no ringing');
    expect(desk.calls.state(id).get()).to.deep.include({ from: 'customer', media: 'video' });
    await desk.calls.accept(id);
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    await desk.calls.end(id);
  });

  it('declines a call the customer starts; the backend hears it', async () => {
    const { desk, transport, id } = await callDesk();
    await transport.customerCalls(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'ringing-in', 'no ringing');
    await desk.calls.decline(id);
    expect(desk.calls.state(id).get()).to.deep.include({ phase: 'ended', reason: 'declined' });
    await desk.settled();
    expect(transport.events.some((e) => e.type === 'call.state' && e.state === 'ended' && e.reason === 'declined')).to.equal(true);
    await desk.calls.dismiss(id);
    expect(phase(desk, id)).to.equal('idle');
    expect(desk.calls.$calls.get()).to.deep.equal({});
  });

  it('permission denied: the call ends with the problem, nothing rings, the chat goes on', async () => {
    const denied = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    const { desk, transport, id } = await callDesk({}, { calls: { getUserMedia: denied } });
    await desk.calls.start(id, 'video');
    expect(desk.calls.state(id).get()).to.deep.include({ phase: 'ended', problem: 'permission-denied', reason: 'permission-denied' });
    expect(transport.events.some((e) => e.type === 'call.state')).to.equal(false);
    await desk.send(id, 'Shall we keep writing?');
    expect(desk.messages(id).get().at(-1)?.text).to.equal('Shall we keep writing?');
    // No microphone at all.
    const none = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    const other = await callDesk({}, { calls: { getUserMedia: none } });
    await other.transport.customerCalls(other.id, 'voice');
    await waitUntil(() => phase(other.desk, other.id) === 'ringing-in');
    await other.desk.calls.accept(other.id);
    expect(other.desk.calls.state(other.id).get()).to.deep.include({ phase: 'ended', problem: 'no-device' });
    await other.desk.settled();
    expect(other.transport.events.some((e) => e.type === 'call.state' && e.reason === 'declined')).to.equal(true);
  });

  it('a dropped connection ends the call with connection-lost; the backend hears call.end after the reconnect', async () => {
    const { desk, transport, id } = await callDesk({}, { random: () => 0 });
    await desk.calls.start(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    const local = desk.calls.state(id).get().local!;
    transport.dropConnection();
    await waitUntil(() => phase(desk, id) === 'ended', 'the call outlived the connection');
    expect(desk.calls.state(id).get().reason).to.equal('connection-lost');
    expect(local.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    await waitUntil(() => desk.$connection.get() === 'online', 'no reconnect', { timeout: 8000 });
    await waitUntil(
      () => transport.events.some((e) => e.type === 'call.state' && e.state === 'ended'),
      'the backend never heard the call end',
    );
    // Replayed signalling for the old call changes nothing.
    expect(phase(desk, id)).to.equal('ended');
  });

  it('ends an unanswered customer call with no-answer', async () => {
    const { desk, transport, id } = await callDesk();
    const seen: string[] = [];
    desk.calls.state(id).subscribe((s) => seen.push(s.phase));
    await transport.customerCalls(id, 'voice', 100);
    await waitUntil(() => phase(desk, id) === 'ended', 'still ringing');
    expect(desk.calls.state(id).get().reason).to.equal('no-answer');
    expect(seen).to.deep.equal(['idle', 'ringing-in', 'ended']);
    await desk.settled();
    expect(systemLines(desk, id)).to.deep.equal(['Voice call, not connected']);
  });

  it('refuses a second call and commands in the wrong state', async () => {
    const { desk, id } = await callDesk({ ringMs: 60_000 });
    await desk.calls.start(id, 'voice');
    expect(phase(desk, id)).to.equal('ringing-out');
    expect(((await desk.calls.start(id, 'voice').catch((e: unknown) => e)) as DeskError).code).to.equal('invalid');
    expect(((await desk.calls.accept(id).catch((e: unknown) => e)) as DeskError).code).to.equal('invalid');
    expect(((await desk.calls.hold(id, true).catch((e: unknown) => e)) as DeskError).code).to.equal('invalid');
    await desk.calls.end(id);
    expect(desk.calls.state(id).get().reason).to.equal('hung-up');
  });

  it('refuses to start a call in a conversation that is not Active, as canStart says', async () => {
    const { desk, id } = await callDesk();
    await desk.end(id);
    expect(desk.calls.canStart(id)).to.deep.equal([]);
    expect(((await desk.calls.start(id, 'voice').catch((e: unknown) => e)) as DeskError).code).to.equal('invalid');
    expect(phase(desk, id)).to.equal('idle');
  });

  it('uses the injected peer connection factory and routes the signals both ways', async () => {
    const made: RTCPeerConnection[] = [];
    const { desk, id } = await callDesk({}, { calls: { peerConnection: (config) => (made.push(new RTCPeerConnection(config)), made.at(-1)!) } });
    await desk.calls.start(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    expect(made).to.have.length(1);
    expect(made[0]!.remoteDescription?.type).to.equal('answer');
    await desk.calls.end(id);
    expect(made[0]!.connectionState).to.equal('closed');
  });

  it('keeps ICE candidates that come before the session description, and adds them after it', async () => {
    const transport = new TestTransport({ capabilities: { calls: { voice: true, video: true } } });
    transport.on('call.accept', () => ({ ok: true }));
    transport.on('call.signal', () => ({ ok: true }));
    const added: (RTCIceCandidateInit | null | undefined)[] = [];
    const peerConnection = (config: RTCConfiguration): RTCPeerConnection => {
      const pc = new RTCPeerConnection(config);
      pc.addIceCandidate = (candidate?: RTCIceCandidateInit | null) => (added.push(candidate), Promise.resolve());
      return pc;
    };
    const desk = testDesk({ transport, calls: { peerConnection } });
    await desk.connect();
    transport.emit({
      type: 'conversation.updated',
      conversation: { id: 'c1', customer: { id: 'u1', name: 'Anna Nowak' }, channel: 'facebook', queue: 'Sales', state: 'active', requestedAt: Date.now() },
    });
    transport.emit({ type: 'call.incoming', call: { callId: 'call-1', conversationId: 'c1', media: 'voice', from: 'customer' } });
    await waitUntil(() => phase(desk, 'c1') === 'ringing-in', 'no ringing');
    await desk.calls.accept('c1');
    const candidate = { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    transport.emit({ type: 'call.signal', callId: 'call-1', candidate });
    await desk.settled();
    expect(added).to.deep.equal([]);
    const customer = new RTCPeerConnection();
    customer.addTransceiver('audio');
    const offer = await customer.createOffer();
    transport.emit({ type: 'call.signal', callId: 'call-1', description: { type: 'offer', sdp: offer.sdp! } });
    await waitUntil(() => added.length === 1, 'the early candidate was never added');
    expect(added).to.deep.equal([candidate]);
    customer.close();
  });

  it('disposing the desk stops the microphone and camera', async () => {
    const { desk, id } = await callDesk();
    await desk.calls.start(id, 'video');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    const local = desk.calls.state(id).get().local!;
    desk.dispose();
    expect(local.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('a refused accept ends the call as failed, with the microphone off', async () => {
    const { desk, transport, id } = await callDesk();
    const execute = transport.execute.bind(transport);
    transport.execute = ((command, opts) =>
      command.type === 'call.accept' ? Promise.reject(new Error('refused')) : execute(command, opts)) as typeof transport.execute;
    await transport.customerCalls(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'ringing-in', 'no ringing');
    const opened: MediaStreamTrack[] = [];
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      opened.push(...stream.getTracks());
      return stream;
    };
    try {
      const error = await desk.calls.accept(id).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(Error);
    } finally {
      navigator.mediaDevices.getUserMedia = original;
    }
    expect(desk.calls.state(id).get()).to.deep.include({ phase: 'ended', reason: 'failed' });
    expect(opened.length).to.be.greaterThan(0);
    expect(opened.every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('a device that opens after the call ended is closed at once', async () => {
    let hold: ((stream: MediaStream) => void) | undefined;
    let holding = false;
    const getUserMedia = (constraints: MediaStreamConstraints): Promise<MediaStream> =>
      holding ? new Promise((resolve) => (hold = resolve)) : navigator.mediaDevices.getUserMedia(constraints);
    const { desk, id } = await callDesk({}, { calls: { getUserMedia } });
    await desk.calls.start(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    holding = true;
    const switching = desk.calls.setDevices(id, { audioInput: 'another-microphone' });
    await waitUntil(() => hold !== undefined, 'the device was never asked for');
    await desk.calls.end(id);
    const late = await navigator.mediaDevices.getUserMedia({ audio: true });
    hold!(late);
    await switching;
    expect(late.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('a session description the connection refuses ends the call as failed', async () => {
    const peerConnection = (config: RTCConfiguration): RTCPeerConnection => {
      const pc = new RTCPeerConnection(config);
      pc.setRemoteDescription = () => Promise.reject(new DOMException('Refused', 'InvalidAccessError'));
      return pc;
    };
    const { desk, id } = await callDesk({}, { calls: { peerConnection } });
    await desk.calls.start(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'ended', 'the call did not end', { timeout: 8000 });
    expect(desk.calls.state(id).get().reason).to.equal('failed');
  });

  it('hangs up when the conversation leaves Active (End → wrap-up): the backend hears call.end', async () => {
    const { desk, transport, id } = await callDesk();
    const sent: string[] = [];
    const execute = transport.execute.bind(transport);
    transport.execute = ((command, opts) => (sent.push(command.type), execute(command, opts))) as typeof transport.execute;
    await desk.calls.start(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    const local = desk.calls.state(id).get().local!;
    await desk.end(id);
    await waitUntil(() => phase(desk, id) === 'ended', 'the call went on after the conversation ended');
    expect(desk.calls.state(id).get().reason).to.equal('hung-up');
    expect(local.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    await waitUntil(() => sent.includes('call.end'), 'the backend never heard call.end');
  });

  it('lists devices and switches the microphone', async () => {
    const { desk, id } = await callDesk();
    await desk.calls.start(id, 'voice');
    await waitUntil(() => phase(desk, id) === 'connected', 'not connected', { timeout: 8000 });
    const mics = (await desk.calls.devices()).filter((d) => d.kind === 'audioinput' && d.deviceId);
    expect(mics.length).to.be.greaterThan(0);
    const before = desk.calls.state(id).get().local!.getAudioTracks()[0]!;
    await desk.calls.setDevices(id, { audioInput: mics[0]!.deviceId });
    const after = desk.calls.state(id).get().local!.getAudioTracks()[0]!;
    expect(after).to.not.equal(before);
    expect(before.readyState).to.equal('ended');
    expect(desk.calls.state(id).get().devices?.audioInput).to.equal(mics[0]!.deviceId);
  });
});

describe('call events at the boundary', () => {
  it('keeps well-formed call events and drops broken ones', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      expect(validateEvent({ type: 'call.incoming', cursor: '1', call: { callId: 7, conversationId: 'c', media: 'video' } }, 0)).to.deep.equal({
        type: 'call.incoming',
        cursor: '1',
        call: { callId: '7', conversationId: 'c', media: 'video', from: 'customer' },
      });
      expect(validateEvent({ type: 'call.state', cursor: '2', callId: 'x', state: 'ended', reason: 'declined' }, 0)).to.deep.equal({ type: 'call.state', cursor: '2', callId: 'x', state: 'ended', reason: 'declined' });
      expect(validateEvent({ type: 'call.signal', cursor: '3', callId: 'x', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } }, 0)).to.deep.equal({
        type: 'call.signal',
        cursor: '3',
        callId: 'x',
        candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 },
      });
      expect(validateEvent({ type: 'call.signal', cursor: '4', callId: 'x', description: { type: 'answer', sdp: 'v=0' } }, 0)).to.deep.include({ description: { type: 'answer', sdp: 'v=0' } });
      expect(validateEvent({ type: 'call.state', cursor: '5', callId: 'x', state: 'exploded' }, 0)).to.equal(undefined);
      expect(validateEvent({ type: 'call.signal', cursor: '6', callId: 'x' }, 0)).to.equal(undefined);
      expect(validateEvent({ type: 'call.incoming', cursor: '7', call: { callId: 'x', conversationId: 'c', media: 'fax' } }, 0)).to.equal(undefined);
      expect(warnings).to.have.length(3);
    } finally {
      console.warn = warn;
    }
  });

  it('ignores call events for calls it does not know', async () => {
    const transport = new TestTransport({ capabilities: { calls: { voice: true, video: false } } });
    const desk = testDesk({ transport });
    await desk.connect();
    transport.emit({ type: 'call.state', callId: 'nope', state: 'connected' });
    await desk.settled();
    expect(desk.calls.$calls.get()).to.deep.equal({});
  });
});

describe('conformance: calls', () => {
  it('the simulator passes the call checks when the capability is on', async () => {
    const names = conformanceChecks.filter((c) => c.name.includes('capabilities.calls')).map((c) => c.name);
    expect(names.length).to.be.greaterThan(0);
    const results = await runConformance(
      {
        createTransport: () => new SimulatedTransport({ calls: { ringMs: 10 } }),
        requestConversation: (t) => void (t as SimulatedTransport).offer(),
        customerSays: (t, id, text) => void (t as SimulatedTransport).customerSays(id, text),
        callsAnswer: true,
      },
      names,
    );
    expect(results.map((r) => r.status), JSON.stringify(results)).to.deep.equal(names.map(() => 'passed'));
  });

  it('skips them without the capability', async () => {
    const names = conformanceChecks.filter((c) => c.name.includes('capabilities.calls')).map((c) => c.name);
    const results = await runConformance({ createTransport: () => new SimulatedTransport() }, names);
    expect(results.every((r) => r.status === 'skipped')).to.equal(true);
  });
});
