import { atom, type ReadableAtom } from 'nanostores';
import type { TransportEvent } from '../transport.js';
import { AttachmentsSlice } from './attachments.js';
import { ComposerSlice } from './composer.js';
import { ConnectionSlice } from './connection.js';
import { ConversationsSlice } from './conversations.js';
import { CrmSlice } from './crm.js';
import { MessagesSlice } from './messages.js';
import { OffersSlice } from './offers.js';
import type { ResolvedOptions } from './options.js';
import { SearchSlice } from './search.js';
import { SendingSlice } from './sending.js';
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
}

export function wireSlices(
  o: ResolvedOptions,
  $now: ReadableAtom<number>,
  desk: { isDisposed(): boolean; route(event: TransportEvent): void },
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
      offers.onOnline();
      sending.onOnline();
    },
  }, o.connectTimeoutMs);
  // The connection slice owns the status; every other slice reads it through the context.
  connection.$status.listen((status) => $connection.set(status));
  const offers = new OffersSlice(ctx, o.offerTimeoutMs);
  const messages: MessagesSlice = new MessagesSlice(ctx, {
    stored: (batch) => search.stored(batch),
    customerWrote: (id, at) => conversations.customerWrote(id, at),
  });
  const conversations: ConversationsSlice = new ConversationsSlice(ctx, $now, {
    // Hydration is a convenience: a storage failure must not become an unhandled rejection.
    onNew: (id) => void ctx.track(messages.hydrate(id).then(() => sending.hydrated(id))).catch(() => undefined),
    onChange: (c) => search.conversationChanged(c),
  });
  const sending = new SendingSlice(ctx, messages, { maxAttempts: o.maxSendAttempts, timeoutMs: o.sendTimeoutMs });
  const attachments = new AttachmentsSlice(ctx, o.policy);
  const composers = new ComposerSlice(ctx, attachments);
  const crm = new CrmSlice(ctx);
  const search: SearchSlice = new SearchSlice(ctx, messages, () => conversations.$conversations.get());
  pending.also(() => sending.pending());
  events.on('remote-send', (event) => composers.sentElsewhere(event.conversationId, event.text));
  return { $connection, pending, events, connection, offers, conversations, messages, sending, attachments, composers, crm, search };
}

/** Stops every timer, upload, channel and connection the slices hold. */
export function disposeSlices(s: Slices): void {
  s.sending.dispose();
  s.connection.dispose();
  s.offers.dispose();
  s.conversations.dispose();
  s.composers.dispose();
  s.crm.dispose();
}
