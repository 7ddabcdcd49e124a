import { expect } from '@open-wc/testing';
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
import * as shortcuts from '../../stories/shortcuts.stories.js';
import * as sentimentBadge from '../../stories/sentiment-badge.stories.js';
import * as quickReplies from '../../stories/quick-replies.stories.js';
import * as callControls from '../../stories/call-controls.stories.js';

const modules = { notification, panel, picker, transcript, customerForm, notes, recordSearch, recordCreate, transcriptSearch, knowledgeSearch, smartAssist, agentScript, sessionTabs, sessionView, shortcuts, sentimentBadge, quickReplies, callControls } as unknown as Record<string, StoryModule>;

/** Every story of every element renders, and axe finds nothing, as the Storybook a11y addon would check. */
describe('stories are accessible in every state', () => {
  for (const [name, module] of Object.entries(modules)) {
    const meta = module.default;
    for (const [storyName, story] of storiesOf(module)) {
      it(`${name}: ${storyName}`, async () => {
        const el = await renderStory(meta, story, { label: `${name}/${storyName}` });
        await expect(el).to.be.accessible();
      });
    }
  }
});
