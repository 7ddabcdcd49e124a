import { expect, fixture, html } from '@open-wc/testing';
import { renderStory, storiesOf, type StoryModule } from './render-story.js';
import * as notification from '../../stories/conversation-notification.stories.js';
import * as panel from '../../stories/communication-panel.stories.js';
import * as picker from '../../stories/attachment-picker.stories.js';
import * as transcript from '../../stories/transcript.stories.js';
import * as customerForm from '../../stories/customer-form.stories.js';
import * as notes from '../../stories/conversation-notes.stories.js';
import * as recordSearch from '../../stories/record-search.stories.js';
import * as recordCreate from '../../stories/record-create.stories.js';
import * as transcriptSearch from '../../stories/transcript-search.stories.js';
import * as knowledgeSearch from '../../stories/knowledge-search.stories.js';
import * as smartAssist from '../../stories/smart-assist.stories.js';
import * as agentScript from '../../stories/agent-script.stories.js';
import * as sessionTabs from '../../stories/session-tabs.stories.js';
import * as sessionView from '../../stories/session-view.stories.js';
import * as presencePicker from '../../stories/presence-picker.stories.js';
import * as workItems from '../../stories/work-items.stories.js';
import * as quickReplies from '../../stories/quick-replies.stories.js';
import * as shortcuts from '../../stories/shortcuts.stories.js';
import * as sentimentBadge from '../../stories/sentiment-badge.stories.js';
import * as callControls from '../../stories/call-controls.stories.js';
import * as avatars from '../../stories/avatar.stories.js';

const modules = { notification, panel, picker, transcript, customerForm, notes, recordSearch, recordCreate, transcriptSearch, knowledgeSearch, smartAssist, agentScript, sessionTabs, sessionView, presencePicker, workItems, quickReplies, shortcuts, sentimentBadge, avatars, callControls } as unknown as Record<string, StoryModule>;

/**
 * Characters that draw an icon only if the system has a font for them (else an empty box): emoji,
 * arrows, technical symbols, dingbats (✓ ✕), the multiplication and minus signs (× −). Geometric
 * shapes (▲ ● ▽) are in every common font and are allowed, and so is ⌘, the name of a Mac key.
 */
const GLYPH = /[\p{Extended_Pictographic}\u00D7\u2190-\u21FF\u2212\u2300-\u2317\u2319-\u23FF\u2700-\u27BF\u2B00-\u2BFF]|\uFE0F/u;

/**
 * Where text is the customer's or the agent's words (a message, its reactions, the message replied
 * to, a note, a search hit, a name), an emoji to pick, or a key's name (Alt+↓): not a control's icon.
 */
const CONTENT =
  '.bubble, .quote, .replying, .reactions, .snippet, .preview, .text, .name, .emoji, kbd, mark, [part~="first-message"], textarea, input';

/** Text nodes and generated content under `root`, through shadow roots, outside content. */
function iconText(root: Element): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  const visit = (node: Element | ShadowRoot): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const parent = child.parentElement;
        if (parent && !parent.closest(CONTENT)) found.push({ where: parent.localName + (parent.className ? `.${parent.className}` : ''), text: child.textContent ?? '' });
      } else if (child instanceof Element) {
        for (const pseudo of ['::before', '::after']) {
          const content = getComputedStyle(child, pseudo).content;
          if (content && content !== 'none' && content !== 'normal') found.push({ where: `${child.localName}${pseudo}`, text: content });
        }
        if (child.localName === 'style' || child.localName === 'script') continue;
        visit(child);
        if (child.shadowRoot) visit(child.shadowRoot);
      }
    }
  };
  visit(root);
  return found;
}

describe('no glyph stands in for an icon in any story', () => {
  it('the check catches a glyph icon, in text and in generated content', async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <button><span aria-hidden="true">×</span></button>
      <style>
        .tick::after {
          content: '✓';
        }
      </style>
      <p class="tick">Available</p>
      <p class="bubble">Thanks 🙂</p>
    </div>`);
    const hits = iconText(el).filter((t) => GLYPH.test(t.text));
    expect(hits.map((h) => h.text)).to.deep.equal(['×', '"✓"']);
  });

  for (const [name, module] of Object.entries(modules)) {
    const meta = module.default;
    for (const [storyName, story] of storiesOf(module)) {
      it(`${name}: ${storyName}`, async () => {
        const el = await renderStory(meta, story, { label: `${name}/${storyName}` });
        const glyphs = iconText(el).filter((t) => GLYPH.test(t.text));
        expect(glyphs, JSON.stringify(glyphs)).to.deep.equal([]);
      });
    }
  }
});
