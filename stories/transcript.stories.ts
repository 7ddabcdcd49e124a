import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Message } from '../src/core/model.js';
import '../src/elements/transcript/define.js';

const now = Date.now();
const at = (minutesAgo: number) => now - minutesAgo * 60_000;
const msg = (id: string, author: Message['author'], minutesAgo: number, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'story',
  author,
  kind: 'text',
  at: at(minutesAgo),
  ...extra,
});

const sample: Message[] = [
  msg('1', 'system', 30, { kind: 'system', text: 'Conversation accepted by Agent Smith' }),
  msg('2', 'customer', 29, { text: 'Hello! *Urgent*: my parcel is _late_ 😟' }),
  msg('3', 'customer', 29, { text: 'Tracking: https://example.com/t/4471' }),
  msg('4', 'agent', 27, { text: 'Sorry to hear that. Checking now.', status: 'read' }),
  msg('5', 'agent', 26, { text: 'It left the warehouse yesterday.', status: 'delivered', reactions: [{ emoji: '👍', by: 'customer' }] }),
  msg('6', 'customer', 20, { text: 'Great, thanks!', editedAt: at(19) }),
  msg('7', 'customer', 18, { kind: 'unsupported' }),
  msg('8', 'agent', 2, { text: 'Anything else I can help with?', status: 'failed', clientId: 'c-8', error: { code: 'network', message: 'Offline', retryable: true } }),
];

const meta: Meta = {
  title: 'Elements/Transcript',
  component: 'cc-transcript',
  parameters: {
    docs: {
      description: {
        component:
          'Read-only, virtualized transcript used by the communication panel; usable alone (e.g. to show a past conversation). Give it `.messages`.',
      },
    },
  },
  render: (args) =>
    html`<div style="height: 480px; max-width: 40rem; display: flex; border: 1px solid #ccc">
      <cc-transcript .messages=${args['messages'] as Message[]} customer-name="Anna Nowak" ?typing=${Boolean(args['typing'])}></cc-transcript>
    </div>`,
};
export default meta;

type Story = StoryObj;

export const Conversation: Story = { args: { messages: sample } };
export const Empty: Story = { args: { messages: [] } };
/** An agent message that could not be sent: "Failed" with its Retry button (which fires `cc-retry`). */
export const FailedMessage: Story = { args: { messages: [...sample.slice(0, 4), sample[7]!] } };
export const Typing: Story = { args: { messages: sample.slice(0, 4), typing: true } };
export const LongHistory: Story = {
  args: {
    messages: Array.from({ length: 5000 }, (_, i) =>
      msg(`h${i}`, i % 3 === 0 ? 'agent' : 'customer', 5000 - i, { text: `Message ${i + 1}${i % 5 === 0 ? ' — a longer line that wraps onto a second row in a narrow panel' : ''}`, status: 'read' }),
    ),
  },
};

/**
 * Malformed data fed to the transcript (a time that is not a number, text that is not a string, attachments and
 * reactions that are not lists): each such message becomes one "unreadable" line, and every other one stays.
 */
export const UnreadableMessage: Story = {
  args: {
    messages: [
      ...sample.slice(0, 3),
      { ...msg('bad-1', 'customer', 28), at: Number.NaN, text: {}, attachments: 'x', reactions: 'lol' } as unknown as Message,
      ...sample.slice(3),
    ],
  },
};

/** A message far longer than Messenger allows: the first 4,000 characters show, and "Show more" adds 4,000 at a time. */
export const ShowMore: Story = {
  args: {
    messages: [
      ...sample.slice(0, 2),
      msg('long', 'customer', 25, {
        text: `${'Dzień dobry, piszę w sprawie *zamówienia* 4471, które _wciąż_ nie dotarło. '.repeat(160)}Pozdrawiam, Anna`,
      }),
    ],
  },
};
