import type { AgentRef, Conversation } from '../../src/core/model.js';
import { validateNewRecord, type ConversationLinks, type CrmRecord } from '../../src/core/records.js';
import {
  TransportError,
  type Capabilities,
  type Command,
  type CommandResults,
  type ConnectOptions,
  type ResultOf,
  type Transport,
  type TransportEvent,
} from '../../src/core/transport.js';
import type { SimulatedTransport } from '../../src/transports/simulated/index.js';

/** A small CRM: a few contacts, an account and cases, English and Polish. */
export const SAMPLE_RECORDS: readonly CrmRecord[] = [
  { kind: 'contact', id: 'contact-1', title: 'Anna Nowak', subtitle: 'anna.nowak@example.com', customerId: 'cust-anna' },
  { kind: 'contact', id: 'contact-2', title: 'Jan Kowalski', subtitle: 'jan.kowalski@example.pl' },
  { kind: 'contact', id: 'contact-3', title: 'Zofia Wiśniewska', subtitle: '+48 601 200 300' },
  { kind: 'account', id: 'account-1', title: 'Nowak Logistics sp. z o.o.', subtitle: 'ACC-10021' },
  { kind: 'case', id: 'case-1', title: 'Parcel arrived damaged', subtitle: 'CS-00412', status: 'open', customerId: 'cust-anna' },
  { kind: 'case', id: 'case-2', title: 'Zwrot za zamówienie 5521', subtitle: 'CS-00398', status: 'in-progress' },
  { kind: 'case', id: 'case-3', title: 'Invoice address change', subtitle: 'CS-00275', status: 'closed' },
];

/** Case- and diacritic-insensitive, like a CRM's own search. */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();

/**
 * A Transport that delegates to a SimulatedTransport but answers the `records.*` commands from a
 * fixed list (so tests know exactly what a search finds), and records every command it receives,
 * so a test can assert that nothing reached the backend. Failures and slow searches on demand.
 */
export class RecordsTransport implements Transport {
  readonly capabilities: Capabilities;
  readonly commands: Command[] = [];
  readonly records: CrmRecord[];
  /** Milliseconds every `records.*` command waits before it answers. */
  recordsLatency = 0;
  /** The next command of that type fails with this error. */
  readonly failNext = new Map<Command['type'], Error>();
  /** Pending `records.search` commands stay pending until released (loading states). */
  holdSearches = false;
  readonly #held: (() => void)[] = [];
  readonly #links = new Map<string, ConversationLinks>();
  #created = 0;

  constructor(
    readonly sim: SimulatedTransport,
    options: { records?: readonly CrmRecord[]; capabilities?: Partial<Capabilities> } = {},
  ) {
    this.capabilities = Object.freeze({ ...sim.capabilities, records: true, ...options.capabilities });
    this.records = (options.records ?? SAMPLE_RECORDS).map((r) => ({ ...r }));
  }

  /** Commands of one type, in order. */
  sent<T extends Command['type']>(type: T): Extract<Command, { type: T }>[] {
    return this.commands.filter((c): c is Extract<Command, { type: T }> => c.type === type);
  }

  releaseSearches(): void {
    this.holdSearches = false;
    for (const release of this.#held.splice(0)) release();
  }

  connect(agent: AgentRef, opts?: ConnectOptions): ReturnType<Transport['connect']> {
    return this.sim.connect(agent, opts);
  }

  disconnect(): Promise<void> {
    return this.sim.disconnect();
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    // Links come from this CRM, not the simulator's: put them on every conversation it reports.
    return this.sim.subscribe((event) => {
      if (event.type === 'conversation.updated') listener({ ...event, conversation: this.#withLinks(event.conversation) });
      else listener(event);
    });
  }

  async execute<C extends Command>(command: C, opts?: { signal?: AbortSignal }): Promise<ResultOf<C>> {
    this.commands.push(command);
    if (!command.type.startsWith('records.')) return this.sim.execute(command, opts);
    if (this.recordsLatency > 0) await new Promise((resolve) => setTimeout(resolve, this.recordsLatency));
    else await Promise.resolve();
    if (command.type === 'records.search' && this.holdSearches) await new Promise<void>((resolve) => this.#held.push(resolve));
    const failure = this.failNext.get(command.type);
    if (failure) {
      this.failNext.delete(command.type);
      throw failure;
    }
    return this.#handle(command) as ResultOf<C>;
  }

  #handle(command: Command): CommandResults[keyof CommandResults] {
    switch (command.type) {
      case 'records.search': {
        const words = fold(command.query).split(/\s+/u).filter(Boolean);
        const records = this.records.filter(
          (r) =>
            (!command.kinds || command.kinds.includes(r.kind)) &&
            (!command.customerId || r.customerId === command.customerId) &&
            words.every((w) => fold(`${r.title} ${r.subtitle ?? ''}`).includes(w)),
        );
        return { records: records.slice(0, command.limit ?? 20) };
      }
      case 'records.create': {
        const errors = validateNewRecord(command.record);
        if (Object.keys(errors).length > 0) throw new TransportError('invalid', 'Some fields are not valid.', { retryable: false });
        const n = ++this.#created;
        const record: CrmRecord =
          command.record.kind === 'case'
            ? { kind: 'case', id: `case-new-${n}`, title: command.record.fields.subject.trim(), subtitle: `CS-9${String(n).padStart(4, '0')}`, status: 'new' }
            : {
                kind: 'contact',
                id: `contact-new-${n}`,
                title: [command.record.fields.firstName, command.record.fields.lastName].filter(Boolean).join(' '),
                ...(command.record.fields.email ? { subtitle: command.record.fields.email } : {}),
              };
        this.records.push(record);
        return { record };
      }
      case 'records.link': {
        const conversation = this.#conversation(command.conversationId);
        const links = { ...this.#links.get(conversation.id) };
        if (command.record.kind === 'case') links.case = { ...command.record, kind: 'case' };
        else links.customer = { ...command.record, kind: command.record.kind };
        this.#links.set(conversation.id, links);
        return { conversation: this.#withLinks(conversation) };
      }
      case 'records.unlink': {
        const conversation = this.#conversation(command.conversationId);
        const links = { ...this.#links.get(conversation.id) };
        delete links[command.slot];
        this.#links.set(conversation.id, links);
        return { conversation: this.#withLinks(conversation) };
      }
      default:
        throw new TransportError('invalid', `Unknown command "${command.type}".`, { retryable: false });
    }
  }

  #conversation(id: string): Conversation {
    const conversation = this.sim.conversation(id);
    if (!conversation) throw new TransportError('not-found', `No conversation "${id}".`, { retryable: false });
    return conversation;
  }

  /** This CRM owns the links: whatever the simulator seeded is replaced by what was linked here. */
  #withLinks(conversation: Conversation): Conversation {
    const { links: _seeded, ...rest } = conversation;
    const links = this.#links.get(conversation.id);
    return links ? { ...rest, links } : rest;
  }
}
