import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Desk } from '../src/core/desk/desk.js';
import '../src/elements/communication-panel/define.js';
import '../src/elements/session-tabs/define.js';
import { sessionsStage } from './sessions-stage.js';
import { themeClasses, themePages } from './themes/themes.js';

/** Two sessions (the first with unread messages); in front, a conversation with a link, a reply and an agent answer. */
async function stage(): Promise<{ desk: Desk }> {
  const { desk, transport, ids } = await sessionsStage({ customers: ['John Smith', 'Anna Nowak'], unread: { 0: 2 } });
  const id = ids[1]!;
  const question = transport.customerSays(id, 'My order #4471 has not arrived. The tracking page https://example.com/track?id=4471 says nothing.');
  await desk.send(id, 'Let me check that for you. The courier shows it at the depot: https://example.com/depot');
  transport.deliver(id);
  transport.read(id);
  transport.customerSays(id, 'Great, thanks!', { replyTo: question.id });
  await desk.settled();
  return { desk };
}

const sample = (desk: Desk): TemplateResult =>
  html`<div style="display: grid; gap: 12px; max-width: 44rem">
    <cc-session-tabs .desk=${desk}></cc-session-tabs>
    <div style="height: 480px; display: flex"><cc-communication-panel .desk=${desk}></cc-communication-panel></div>
  </div>`;

const meta: Meta = {
  title: 'Guides/Theming',
  parameters: {
    docs: {
      description: {
        component: `Every colour, spacing step and radius is a \`--cc-*\` custom property the host page sets on any ancestor (\`:root\`, a wrapper, the element itself); each element's *CSS Custom Properties* table lists the ones it reads, and the README's *Theming* section has them all. Use the **Theme** switcher in the toolbar to see these stories (and every other one) in the four example themes: light, dark, high contrast and a brand. Each theme is a stylesheet under \`stories/themes/\` that sets only \`--cc-*\` tokens:

\`\`\`css
.my-brand {
  --cc-color-accent: #5b2a86;
  --cc-color-agent-bubble: #4a1f73;
  --cc-color-agent-bubble-text: #ffffff;
  --cc-color-agent-bubble-link: #ffe08a;
  --cc-radius-3: 18px;
}
\`\`\`

The parts inside nested elements are re-exported, so a page can style them from outside: \`cc-communication-panel::part(transcript-agent-bubble)\`, \`::part(transcript-text)\`, \`::part(attachment-item)\`, \`::part(sentiment-badge)\`.`,
      },
    },
  },
  loaders: [stage],
  render: (_args, { loaded }) => sample(loaded['desk'] as Desk),
};
export default meta;

type Story = StoryObj;

/** The elements' own defaults, spelled out in `stories/themes/light.css`. */
export const Light: Story = { globals: { theme: 'light' } };

/** `stories/themes/dark.css` on a page in the dark colour scheme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** `stories/themes/high-contrast.css`: black and white, a yellow accent and focus ring, tighter radii. */
export const HighContrast: Story = { globals: { theme: 'high contrast' } };

/** `stories/themes/brand.css`: deep violet agent bubbles with white text and yellow links, rounder corners, a serif font. */
export const Brand: Story = { globals: { theme: 'brand' } };

/** The four themes side by side: each is a class on a wrapper, so themes can differ within one page. */
export const SideBySide: Story = {
  loaders: [async () => ({ desks: await Promise.all(Object.keys(themeClasses).map(() => stage().then((s) => s.desk))) })],
  render: (_args, { loaded }) => {
    const desks = loaded['desks'] as Desk[];
    return html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 12px">
      ${Object.entries(themeClasses).map(([name, className], index) => {
        const page = themePages[name]!;
        return html`<section class=${className} style="color-scheme: ${page.scheme}; background: ${page.background}; padding: 12px" aria-label=${name}>
          <div style="height: 420px; display: flex"><cc-communication-panel .desk=${desks[index]}></cc-communication-panel></div>
        </section>`;
      })}
    </div>`;
  },
};

/** Nested parts styled from the page: the transcript's bubbles and text and the sentiment badge inside the panel, through `::part()`. */
export const StyledParts: Story = {
  render: (_args, { loaded }) => html`<style>
      .styled-parts cc-communication-panel::part(transcript-agent-bubble) {
        border-radius: 4px 18px 18px 18px;
        box-shadow: 0 1px 2px rgb(0 0 0 / 0.25);
      }
      .styled-parts cc-communication-panel::part(transcript-text) {
        letter-spacing: 0.01em;
      }
      .styled-parts cc-communication-panel::part(sentiment-badge) {
        border-width: 2px;
      }
    </style>
    <div class="styled-parts">${sample(loaded['desk'] as Desk)}</div>`,
};
