/** The domain model shared by the desk, the transports and the elements. Plain, serializable data. */

/** Messaging channel. Only Facebook Messenger today; the union leaves room for more. */
export type Channel = 'facebook';

/** F11 conversation states. */
export type ConversationState = 'open' | 'active' | 'waiting' | 'wrap-up' | 'closed';

/** F12 presence. `inactive` is set by the system only (a missed offer). */
export type BasePresence = 'available' | 'busy' | 'busy-dnd' | 'away' | 'offline' | 'inactive';

export interface Customer {
  /** Stable id of the customer in the host's system. */
  id: string;
  name: string;
  /** http(s) URL of the profile picture. Anything else is ignored when rendering. */
  avatarUrl?: string;
  /** BCP 47 locale, e.g. `pl-PL`. */
  locale?: string;
  /** Page-scoped Facebook id (PSID). */
  facebookId?: string;
}

/** A short view of a customer's other conversation (F2). */
export interface ConversationSummary {
  id: string;
  channel: Channel;
  queue: string;
  state: ConversationState;
  /** Epoch ms; missing when the backend's value was unusable (shown as unknown). */
  startedAt?: number;
}

/** An incoming conversation request (F1). */
export interface Offer {
  id: string;
  conversationId: string;
  customer: Customer;
  channel: Channel;
  queue: string;
  /** When the customer started waiting, epoch ms. */
  requestedAt: number;
  /** Preview of the customer's first message (text only). */
  firstMessage: string;
  /** When the offer is withdrawn, epoch ms. Set by the desk when the transport leaves it out. */
  expiresAt?: number;
  /** The customer's other active or waiting conversations (F2). */
  otherConversations?: ConversationSummary[];
}

export interface Conversation {
  id: string;
  customer: Customer;
  channel: Channel;
  queue: string;
  state: ConversationState;
  skills?: string[];
  /** When the customer started waiting, epoch ms. */
  requestedAt: number;
  /** When an agent accepted it, epoch ms. */
  acceptedAt?: number;
  /** Time of the customer's last message, epoch ms: the Messenger reply window is counted from it. */
  lastCustomerMessageAt?: number;
  /** The page may answer with the HUMAN_AGENT tag (7-day window). */
  humanAgent?: boolean;
  /** Linked contact-or-account and case (F8). */
  links?: import('./records.js').ConversationLinks;
  /** Answers the customer gave before the conversation (F5), question → answer, in order. */
  preChat?: { question: string; answer: string }[];
  /** Visitor details (F5): locale, timezone, entry point… label → value. */
  visitor?: Record<string, string>;
  /** When the conversation was closed, epoch ms. */
  closedAt?: number;
}

export type MessageAuthor = 'customer' | 'agent' | 'system' | 'bot';

/** Delivery state of an agent message (F3). */
export type MessageStatus = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

export type AttachmentKind = 'image' | 'audio' | 'video' | 'file' | 'sticker';

/** A file that has been uploaded, or received from the customer. */
export interface AttachmentRef {
  id: string;
  kind: AttachmentKind;
  /** Name as reported by the sender: shown, never trusted. */
  name: string;
  mimeType?: string;
  size?: number;
  /** Where to fetch it. Only http(s), blob: and (for images) data: URLs are ever used. */
  url: string;
}

export interface Reaction {
  emoji: string;
  by: MessageAuthor;
}

/** What a message carries. `unsupported` covers Messenger fallback, template and unknown types. */
export type MessageKind = 'text' | 'attachment' | 'sticker' | 'unsupported' | 'system';

export interface Message {
  /** Server id once known, else the client id. */
  id: string;
  /** Client-generated id of an agent message: the idempotency key. */
  clientId?: string;
  conversationId: string;
  author: MessageAuthor;
  kind: MessageKind;
  /** Customer-controlled text: always rendered as text. May contain Messenger markdown. */
  text?: string;
  attachments?: AttachmentRef[];
  /** Epoch ms. */
  at: number;
  status?: MessageStatus;
  /** Why the last send failed. */
  error?: { code: string; message: string; retryable: boolean };
  reactions?: Reaction[];
  /** Set when the customer edited the message, epoch ms. */
  editedAt?: number;
  /** Id of the message this one replies to. */
  replyTo?: string;
  /** Transport cursor of the event that brought the message. */
  cursor?: string;
}

/** Who the desk is working for. */
export interface AgentRef {
  id: string;
  name?: string;
}
