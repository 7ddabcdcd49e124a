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
  readonly #scripts: Promise<readonly AgentScript[]>;
  /** Done step ids per conversation and script, once read back from storage. */
  readonly #done = new Map<string, Promise<Set<string>>>();
  /** The queue's script, per watched conversation. */
  readonly #current = new Map<string, AgentScript | undefined>();

  constructor(ctx: SliceContext, deps: ScriptsDeps) {
    this.#ctx = ctx;
    this.#deps = deps;
    this.#scripts = this.#load();
  }

  /** The host's scripts first, then the backend's (a failed list leaves the host's). */
  async #load(): Promise<readonly AgentScript[]> {
    if (!this.#ctx.transport.capabilities.scripts) return this.#deps.scripts;
    try {
      const { scripts } = await this.#ctx.transport.execute({ type: 'scripts.list' });
      const valid = (Array.isArray(scripts) ? scripts.map(scriptOf) : []).filter((s): s is AgentScript => s !== undefined);
      return [...this.#deps.scripts, ...valid];
    } catch {
      return this.#deps.scripts;
    }
  }

  #doneOf(conversationId: string, scriptId: string): Promise<Set<string>> {
    const k = key(conversationId, scriptId);
    let done = this.#done.get(k);
    if (!done) {
      done = this.#ctx.track(
        this.#ctx.storage
          .then((storage) => storage.getValue<unknown>(k))
          .then(
            (value) => new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []),
            () => new Set<string>(),
          ),
      );
      this.#done.set(k, done);
    }
    return done;
  }

  async #scriptOf(conversationId: string): Promise<AgentScript | undefined> {
    const queue = this.#deps.conversation(conversationId).get()?.queue;
    return queue === undefined ? undefined : scriptFor(await this.#scripts, queue);
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
    const done = await this.#doneOf(conversationId, script.id);
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
