import { DeskError } from '../errors.js';
import { MAX_MESSAGE_LENGTH } from '../rules.js';
import { progressOf, scriptFor, type AgentScript, type ScriptStep } from '../scripts.js';
import type { Composer } from './composer.js';
import type { ScriptsDeps } from './scripts.js';
import type { SliceContext } from './shared.js';

/** Where a conversation's progress through a script is kept. */
const key = (conversationId: string, scriptId: string): string => `script-progress/${conversationId}/${scriptId}`;

/** Resolves once the composer read its stored draft back, so appending never loses it. */
function restored(composer: Composer): Promise<void> {
  if (composer.$state.get().restored) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = composer.$state.listen((state) => {
      if (!state.restored) return;
      stop();
      resolve();
    });
  });
}

function isStep(value: unknown): value is ScriptStep {
  const step = value as ScriptStep | undefined;
  if (typeof step?.id !== 'string') return false;
  switch (step.kind) {
    case 'send':
      return typeof step.text === 'string';
    case 'article':
      return typeof step.articleId === 'string' && (step.title === undefined || typeof step.title === 'string');
    case 'check':
      return typeof step.label === 'string';
    default:
      return false;
  }
}

/** A backend's script as the elements can show it (steps of unknown kinds dropped), or undefined. */
function scriptOf(value: unknown): AgentScript | undefined {
  const s = value as AgentScript | undefined;
  if (typeof s?.id !== 'string' || typeof s.title !== 'string' || !Array.isArray(s.steps)) return undefined;
  if (typeof s.queue !== 'string' && !(Array.isArray(s.queue) && s.queue.every((q) => typeof q === 'string'))) return undefined;
  return { ...s, steps: s.steps.filter(isStep) };
}

/** The agent-script commands (F15), loaded on a desk with scripts when one is first watched or used. */
export class ScriptsCommands {
  readonly #ctx: SliceContext;
  readonly #deps: ScriptsDeps;
  /** The host's and the backend's scripts, once the backend's list came in (never a failed list). */
  #scripts: readonly AgentScript[] | undefined;
  /** The backend's list being fetched, shared by concurrent callers. */
  #fetching: Promise<readonly AgentScript[]> | undefined;
  /** A fetch failed: the conversations shown meanwhile have the host's scripts only. */
  #stale = false;
  /** Done step ids per conversation and script, once read back from storage (a failed read is not kept). */
  readonly #done = new Map<string, Promise<Set<string>>>();
  /** The queue's script, per watched conversation. */
  readonly #current = new Map<string, AgentScript | undefined>();

  constructor(ctx: SliceContext, deps: ScriptsDeps) {
    this.#ctx = ctx;
    this.#deps = deps;
    void this.#load();
  }

  /**
   * The host's scripts first, then the backend's. A failed list leaves the host's for now and is
   * fetched again on the next use; once it comes in, the watched conversations are shown again.
   */
  #load(): Promise<readonly AgentScript[]> {
    if (this.#scripts) return Promise.resolve(this.#scripts);
    if (!this.#ctx.transport.capabilities.scripts) return Promise.resolve((this.#scripts = this.#deps.scripts));
    this.#fetching ??= (async () => {
      try {
        const { scripts } = await this.#ctx.transport.execute({ type: 'scripts.list' });
        const valid = (Array.isArray(scripts) ? scripts.map(scriptOf) : []).filter((s): s is AgentScript => s !== undefined);
        this.#scripts = [...this.#deps.scripts, ...valid];
        return this.#scripts;
      } catch {
        this.#stale = true;
        return this.#deps.scripts;
      } finally {
        this.#fetching = undefined;
      }
    })();
    return this.#fetching;
  }

  #doneOf(conversationId: string, scriptId: string): Promise<Set<string>> {
    const k = key(conversationId, scriptId);
    let done = this.#done.get(k);
    if (!done) {
      const read = this.#ctx.track(
        this.#ctx.storage
          .then((storage) => storage.getValue<unknown>(k))
          .then((value) => new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])),
      );
      done = read;
      this.#done.set(k, read);
      // A failed read is read again next time: ticking never writes over progress it did not read.
      read.catch(() => {
        if (this.#done.get(k) === read) this.#done.delete(k);
      });
    }
    return done;
  }

  async #scriptOf(conversationId: string): Promise<AgentScript | undefined> {
    const queue = this.#deps.conversation(conversationId).get()?.queue;
    if (queue === undefined) return undefined;
    const scripts = await this.#load();
    if (this.#stale && this.#scripts) {
      // The backend's list came in after a failure: the conversations already shown may have a script now.
      this.#stale = false;
      for (const id of this.#current.keys()) if (id !== conversationId) void this.#publish(id);
    }
    return scriptFor(scripts, queue);
  }

  /** Keeps the conversation's store on its queue's script (a transfer may change it). Returns the stop. */
  watch(conversationId: string): () => void {
    let queue: string | undefined;
    return this.#deps.conversation(conversationId).subscribe((conversation) => {
      if (conversation?.queue === queue) return;
      queue = conversation?.queue;
      void this.#publish(conversationId);
    });
  }

  async #publish(conversationId: string): Promise<void> {
    const script = await this.#scriptOf(conversationId);
    this.#current.set(conversationId, script);
    const store = this.#deps.stores.get(conversationId);
    if (!store) return;
    if (!script) return store.set(undefined);
    // Unread progress shows as nothing done (not kept: ticking reads it again first).
    const done = await this.#doneOf(conversationId, script.id).catch(() => new Set<string>());
    if (this.#current.get(conversationId) === script) store.set(progressOf(conversationId, script, done));
  }

  complete(conversationId: string, stepId: string): Promise<void> {
    return this.mark(conversationId, stepId, true);
  }

  undo(conversationId: string, stepId: string): Promise<void> {
    return this.mark(conversationId, stepId, false);
  }

  async mark(conversationId: string, stepId: string, done: boolean): Promise<void> {
    const script = await this.#scriptOf(conversationId);
    if (!script?.steps.some((s) => s.id === stepId)) throw new DeskError('invalid', `The conversation's script has no step "${stepId}".`);
    const set = await this.#doneOf(conversationId, script.id);
    if (set.has(stepId) === done) return;
    if (done) set.add(stepId);
    else set.delete(stepId);
    const store = this.#deps.stores.get(conversationId);
    if (store && this.#current.get(conversationId) === script) store.set(progressOf(conversationId, script, set));
    // Kept for a reload; a failed write leaves the tick on screen (the storage falls back to memory itself).
    const ids = [...set];
    await this.#ctx.track(this.#ctx.storage.then((storage) => storage.setValue(key(conversationId, script.id), ids))).catch(() => undefined);
  }

  async run(conversationId: string, stepId: string): Promise<void> {
    const script = await this.#scriptOf(conversationId);
    const step = script?.steps.find((s) => s.id === stepId);
    if (!step) throw new DeskError('invalid', `The conversation's script has no step "${stepId}".`);
    if (step.kind === 'send') await this.#insert(conversationId, step.text);
    else if (step.kind === 'article') {
      const article = await this.#deps.knowledge.get(step.articleId);
      await this.#deps.knowledge.share(conversationId, article, 'link');
    }
    await this.mark(conversationId, stepId, true);
  }

  /** Appends `text` to the composer's draft after a blank line, whole or not at all. */
  async #insert(conversationId: string, text: string): Promise<void> {
    const composer = this.#deps.composer(conversationId);
    await restored(composer);
    const base = composer.draft.replace(/\s+$/u, '');
    const draft = base ? `${base}\n\n${text}` : text;
    if (draft.length > MAX_MESSAGE_LENGTH) throw new DeskError('too-long', `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`);
    composer.setDraft(draft);
  }
}
