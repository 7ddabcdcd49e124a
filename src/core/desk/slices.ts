import { atom, type ReadableAtom } from 'nanostores';
import type { TransportEvent } from '../transport.js';
import { AttachmentsSlice } from './attachments.js';
import { ComposerSlice, type Composer } from './composer.js';
import { ConnectionSlice } from './connection.js';
import { ConversationsSlice } from './conversations.js';
import { CrmSlice } from './crm.js';
import { knowledgeSlice, type Knowledge } from './knowledge.js';
import { assistSlice, type Assist } from './assist.js';
import { scriptsSlice, type Scripts } from './scripts.js';
import { quickRepliesSlice, type QuickReplies } from './quick-replies.js';
import { MessagesSlice } from './messages.js';
import { OffersSlice } from './offers.js';
import type { ResolvedOptions } from './options.js';
import { PresenceSlice } from './presence.js';
import { PrivacySlice } from './privacy.js';
import { SessionsSlice } from './sessions.js';
import { WorkItemsSlice } from './work-items.js';
import { WrapUpSlice } from './wrap-up.js';
import { SearchSlice } from './search.js';
import { SendingSlice } from './sending.js';
import { SentimentSlice } from './sentiment.js';
import { callsSlice } from './calls.js';
import { DeskEvents, guardTransport, PendingWork, type ConnectionStatus, type SliceContext } from './shared.js';

/** Every slice of one desk, wired to each other only through the context and a few hooks. */
export interface Slices {
  readonly $connection: ReadableAtom<ConnectionStatus>;
  readonly pending: PendingWork;
  readonly events: DeskEvents;
  readonly connection: ConnectionSlice;
  readonly offers: OffersSlice;
  readonly conversations: ConversationsSlice;
  readonly messages: MessagesSlice;
  readonly sending: SendingSlice;
  readonly attachments: AttachmentsSlice;
  readonly composers: ComposerSlice;
  readonly crm: CrmSlice;
  readonly search: SearchSlice;
  readonly presence: PresenceSlice;
  readonly sessions: SessionsSlice;
  readonly wrapUp: WrapUpSlice;
  readonly workItems: WorkItemsSlice;
  readonly privacy: PrivacySlice;
  readonly knowledge: Knowledge;
  readonly assist: Assist;
  readonly scripts: Scripts;
  readonly quickReplies: QuickReplies;
  readonly sentiment: SentimentSlice;
  readonly calls: ReturnType<typeof callsSlice>;
}

export function wireSlices(
  o: ResolvedOptions,
  $now: ReadableAtom<number>,
  desk: { isDisposed(): boolean; route(event: TransportEvent): void; locale(): string | undefined },
): Slices {
  const pending = new PendingWork();
  const events = new DeskEvents();
  const $connection = atom<ConnectionStatus>('idle');
  const ctx: SliceContext = {
    transport: guardTransport(o.transport),
    agent: o.agent,
    now: o.now,
    random: o.random,
    storage: o.storage,
    $connection,
    isDisposed: desk.isDisposed,
    conversation: (id) => conversations.get(id),
    upsertConversation: (c) => conversations.upsert(c),
    log: (id, entry) => conversations.log(id, entry),
    emit: (event) => events.emit(event),
    track: (work) => pending.track(work),
  };
  const connection = new ConnectionSlice(ctx, {
    onEvent: desk.route,
    onOnline: () => {
      presence.onOnline();
      sending.onOnline();
    },
  }, o.connectTimeoutMs);
  // The connection slice owns the status; every other slice reads it through the context.
  connection.$status.listen((status) => $connection.set(status));
  const messages: MessagesSlice = new MessagesSlice(ctx, {
    stored: (batch) => search.stored(batch),
    customerWrote: (id, at) => {
      const before = conversations.$conversations.get()[id]?.lastCustomerMessageAt ?? -Infinity;
      conversations.customerWrote(id, at);
      // Only a message newer than what was known counts as unread (not a replay or a backfill).
      if (at > before) sessions.customerWrote(id);
      sentiment.customerChanged(id);
    },
    customerEdited: (id) => sentiment.customerChanged(id),
  });
  const sentiment = new SentimentSlice(ctx, o.sentiment, (id) => messages.list(id).get());
  const conversations: ConversationsSlice = new ConversationsSlice(ctx, $now, {
    // Hydration is a convenience: a storage failure must not become an unhandled rejection.
    onNew: (id) =>
      void ctx.track(messages.hydrate(id).then(() => (sending.hydrated(id), sentiment.customerChanged(id)))).catch(() => undefined),
    onChange: (c) => {
      search.conversationChanged(c);
      sessions.conversationChanged(c);
      wrapUp.conversationChanged(c);
      calls.conversationChanged(c);
    },
  });
  const presence = new PresenceSlice(ctx, conversations.$conversations, { custom: o.presences, capacity: o.capacity, defaultTotal: o.maxSessions });
  const offers = new OffersSlice(ctx, o.offerTimeoutMs, presence);
  const sessions: SessionsSlice = new SessionsSlice(
    ctx,
    {
      park: (id) => conversations.transition(id, 'waiting'),
      resume: (id) => conversations.transition(id, 'active'),
      conversations: () => conversations.$conversations.get(),
      setActive: (id) => conversations.setActive(id),
      activeId: () => conversations.$activeId.get(),
    },
    o.maxSessions,
  );
  const wrapUp: WrapUpSlice = new WrapUpSlice(ctx, o.wrapUp, (id) => conversations.transition(id, 'closed', wrapUp.payload(conversations.get(id))));
  const workItems = new WorkItemsSlice(ctx, conversations.$conversations, async (conversation) => {
    conversations.upsert(conversation);
    await sessions.open(conversation.id);
    // Picked from the queue is started by this agent too: the privacy notice goes out (F17).
    void privacy.started(conversation);
  });
  const sending = new SendingSlice(ctx, messages, { maxAttempts: o.maxSendAttempts, timeoutMs: o.sendTimeoutMs });
  const attachments = new AttachmentsSlice(ctx, o.policy);
  const composers = new ComposerSlice(ctx, attachments);
  const crm = new CrmSlice(ctx);
  const composer = (id: string): Composer => composers.get(id);
  const knowledge = knowledgeSlice(ctx, composer);
  const quickReplies = quickRepliesSlice(ctx, o.quickReplies, composer);
  const search: SearchSlice = new SearchSlice(ctx, messages, () => conversations.$conversations.get());
  const assist = assistSlice(ctx, {
    messages: (id) => messages.list(id),
    conversations: () => conversations.$conversations.get(),
    knowledge,
    // Suggestions wait for the local index to be built, so a past case is not missed on the first search.
    searchTranscripts: async (query, filters, options) => (await (await search.enable()).ready(), search.search(query, filters, options)),
  });
  const scripts = scriptsSlice(ctx, { scripts: o.scripts, conversation: (id) => conversations.store(id), composer, knowledge });
  const privacy = new PrivacySlice(ctx, o.privacyNotice, (id, text, clientId) => sending.send(id, text, [], { automatedId: clientId }));
  // A call's end is a system line in the transcript (F20), kept like any received message.
  const calls = callsSlice(ctx, o.calls, { messages, locale: desk.locale });
  pending.also(() => sending.pending());
  events.on('remote-send', (event) => composers.sentElsewhere(event.conversationId, event.text));
  return {
    ...{ $connection, pending, events, connection, offers, conversations, messages, sending, attachments, composers, crm, search },
    ...{ presence, sessions, wrapUp, workItems, privacy, knowledge, sentiment, quickReplies, assist, scripts, calls },
  };
}

/** Stops every timer, upload, channel and connection the slices hold. */
export function disposeSlices(s: Slices): void {
  s.sending.dispose();
  s.connection.dispose();
  s.offers.dispose();
  s.conversations.dispose();
  s.composers.dispose();
  s.crm.dispose();
  s.wrapUp.dispose();
  s.calls.dispose();
}
