/**
 * Agent scripts (F15): the steps an agent follows in a queue's conversations, defined by the host
 * (`createDesk({ scripts })`) or the backend (`scripts.list`).
 */

/** One step of a script. */
export type ScriptStep =
  /** Text for the customer: "Insert" puts it into the composer for the agent to edit and send. */
  | { id: string; kind: 'send'; text: string }
  /** A knowledge article: its link goes into the composer. */
  | { id: string; kind: 'article'; articleId: string; title?: string }
  /** Something to check and tick. */
  | { id: string; kind: 'check'; label: string };

export interface AgentScript {
  id: string;
  title: string;
  /** The queue (or queues) whose conversations follow it. */
  queue: string | string[];
  steps: ScriptStep[];
}

/** A step and whether the agent has done it in this conversation. */
export type ScriptStepProgress = ScriptStep & { done: boolean };

/** A conversation's script and how far the agent got. */
export interface ScriptProgress {
  conversationId: string;
  script: AgentScript;
  steps: readonly ScriptStepProgress[];
  /** Steps done. */
  completed: number;
  total: number;
}

/** The script of a queue: the first whose `queue` names it. */
export function scriptFor(scripts: readonly AgentScript[], queue: string): AgentScript | undefined {
  return scripts.find((s) => (Array.isArray(s.queue) ? s.queue.includes(queue) : s.queue === queue));
}

/** The progress view of a script with the ids of the steps done. */
export function progressOf(conversationId: string, script: AgentScript, done: ReadonlySet<string>): ScriptProgress {
  const steps = script.steps.map((step) => ({ ...step, done: done.has(step.id) }));
  return { conversationId, script, steps, completed: steps.filter((s) => s.done).length, total: steps.length };
}
