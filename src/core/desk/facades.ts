import type { ReadableAtom } from 'nanostores';
import type { BasePresence, Conversation } from '../model.js';
import type { QueuedItem } from '../transport.js';
import type { Capacity, CustomPresence } from './presence.js';
import type { AppTab, ScrollPosition, Session } from './sessions.js';
import type { Knowledge } from './knowledge.js';
import type { Assist, AssistState, AssistStatus } from './assist.js';
import type { Scripts } from './scripts.js';
import type { SimilarCase } from '../assist.js';
import type { AgentScript, ScriptProgress, ScriptStep, ScriptStepProgress } from '../scripts.js';
import type { InsertedReply, QuickReplies } from './quick-replies.js';
import type { FilledReply, NewQuickReply, PlaceholderName, QuickReply } from '../quick-replies.js';
import type { Sentiment, SentimentState, SentimentOption, SentimentAnalyzer, SentimentLevel } from './sentiment.js';
import type { Calls, CallDevices, CallMediaProblem, CallPhase, CallState } from './calls.js';
import type { OpenWorkItems } from './work-items.js';
import type { Disposition, WrapUpState } from './wrap-up.js';

/** The conversations the agent holds as tabs (F13, F6). */
export interface Sessions {
  readonly $sessions: ReadableAtom<readonly Session[]>;
  /** How many sessions may be open at once. */
  readonly max: number;
  /** Every slot is taken: accepting another offer is refused (`DeskError('session-limit')`). */
  readonly full: boolean;
  /** `full` as a store, for views that show it. */
  readonly $full: ReadableAtom<boolean>;
  /** Opens (or focuses) a conversation's session; a Waiting conversation becomes Active again. */
  open(conversationId: string): Promise<void>;
  focus(conversationId: string): void;
  /** Closes the tab; an Active conversation goes to Waiting (it is not ended). */
  close(conversationId: string): Promise<void>;
  openApp(conversationId: string, app: AppTab): void;
  /** The anchor (`customer`) can't be closed. */
  closeApp(conversationId: string, appId: string): void;
  selectApp(conversationId: string, appId: string): void;
  setScroll(conversationId: string, scroll: ScrollPosition | undefined): void;
}

/** Presence and capacity (F12). `desk.$presence` is the base presence; `setPresence()` changes it. */
export interface Presence {
  /** The status the agent sees: a custom status id, or the base presence. */
  readonly $status: ReadableAtom<string>;
  /** The agent chose the status by hand; capacity leaves it alone until they choose Available. */
  readonly $manual: ReadableAtom<boolean>;
  readonly $capacity: ReadableAtom<Capacity>;
  readonly custom: readonly CustomPresence[];
  /** Offers arrive now (Available or Busy). */
  readonly takesOffers: boolean;
}

/** Wrap-up (F19). */
export interface WrapUp {
  readonly dispositions: readonly Disposition[];
  /** A disposition code must be chosen before Close. */
  readonly required: boolean;
  state(conversationId: string): ReadableAtom<WrapUpState>;
  setDisposition(conversationId: string, code: string | undefined): void;
  setNote(conversationId: string, note: string): void;
  /** Why Close is not possible yet (`disposition-required`), or undefined. */
  closeBlock(conversation: Conversation): 'disposition-required' | undefined;
}

/** Work items (F21). */
export interface WorkItems {
  /** The agent's Active, Waiting and Wrap-up conversations, oldest request first. */
  readonly $mine: ReadableAtom<readonly Conversation[]>;
  /** Queued conversations the agent may pick (when the transport has a queue). */
  readonly $open: ReadableAtom<OpenWorkItems>;
  readonly canPick: boolean;
  load(limit?: number): Promise<void>;
  /** Picks a queued conversation: it becomes the agent's and opens as a session. */
  pick(conversationId: string): Promise<Conversation>;
}

/** The privacy notice (F17). */
export interface Privacy {
  /** The host configured a notice: the agent sees the "may be monitored or recorded" banner. */
  readonly configured: boolean;
  textFor(conversation: Pick<Conversation, 'customer'>): string | undefined;
}

export type { Knowledge };
export type { Calls, CallDevices, CallMediaProblem, CallPhase, CallState };
export type { Assist, AssistState, AssistStatus, SimilarCase, Scripts, AgentScript, ScriptProgress, ScriptStep, ScriptStepProgress };
export type { QuickReplies, QuickReply, NewQuickReply, FilledReply, InsertedReply, PlaceholderName };
export type { Sentiment, SentimentState, SentimentOption, SentimentAnalyzer, SentimentLevel };
export type { AppTab, Capacity, CustomPresence, Disposition, OpenWorkItems, QueuedItem, ScrollPosition, Session, WrapUpState };
export type PresenceStatus = Exclude<BasePresence, 'inactive'> | (string & {});
