import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Conversation } from '../model.js';
import type { AgentScript, ScriptProgress } from '../scripts.js';
import type { Composer } from './composer.js';
import { forward, lazyCommands, storesPerId, type Knowledge } from './knowledge.js';
import type { SliceContext } from './shared.js';

/** Agent scripts (F15): `desk.scripts`. */
export interface Scripts {
  /**
   * The script of the conversation's queue with each step's done state, kept across reloads;
   * undefined while loading and for a queue without a script.
   */
  for(conversationId: string): ReadableAtom<ScriptProgress | undefined>;
  /** Marks a step done (a check ticked, or a step the agent did by hand). */
  complete(conversationId: string, stepId: string): Promise<void>;
  /** Marks a step not done again. */
  undo(conversationId: string, stepId: string): Promise<void>;
  /**
   * Does the step, then marks it done: `send` puts its text into the composer (after what the agent
   * typed, placeholders and all, for the agent to edit and send), `article` shares the article's
   * link into the composer, `check` only ticks it. DeskError('too-long') when the draft has no room.
   */
  run(conversationId: string, stepId: string): Promise<void>;
}

/** What the script commands read from the rest of the desk. */
export interface ScriptsDeps {
  /** The host's scripts (`createDesk({ scripts })`). */
  scripts: readonly AgentScript[];
  conversation(conversationId: string): ReadableAtom<Conversation | undefined>;
  composer(conversationId: string): Composer;
  knowledge: Knowledge;
  stores: ReadonlyMap<string, WritableAtom<ScriptProgress | undefined>>;
}

const NONE = atom<ScriptProgress | undefined>(undefined);

/**
 * The scripts slice: one store per conversation; the work (loading scripts and progress, running a
 * step) is in scripts-commands.ts, a chunk that loads only on a desk with scripts.
 */
export function scriptsSlice(ctx: SliceContext, deps: Omit<ScriptsDeps, 'stores'>): Scripts {
  const stores = new Map<string, WritableAtom<ScriptProgress | undefined>>();
  const commands = lazyCommands(ctx, () => import('./scripts-commands.js').then((m) => new m.ScriptsCommands(ctx, { ...deps, stores })));
  const store = storesPerId(stores, undefined, commands);
  return {
    for: (conversationId) => (deps.scripts.length > 0 || ctx.transport.capabilities.scripts ? store(conversationId) : NONE),
    ...forward(ctx, commands, ['complete', 'undo', 'run']),
  };
}
