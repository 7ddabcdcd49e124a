import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { avatar, avatarStyles } from '../src/elements/avatar.js';

// The customer's face as the offer card, the panel header, the customer form and the work items show
// it: a picture when there is a good one, else initials on a colour from the name.
const picture = new URL('../test/fixtures/avatar.svg', import.meta.url).href;

const row = (people: [name: string, url?: string][]): TemplateResult => html`<style>
    ${avatarStyles.cssText} ul {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
      font-family: system-ui, sans-serif;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
  </style>
  <ul>
    ${people.map(([name, url]) => html`<li>${avatar(name, url)}<span class="name" dir="auto">${name || '(no name)'}</span></li>`)}
  </ul>`;

const meta: Meta = {
  title: 'Shared/Avatar',
  tags: ['!autodocs'],
};
export default meta;
type Story = StoryObj;

export const Initials: Story = {
  render: () => row([['Anna Nowak'], ['Łukasz Żak'], ['Madonna'], ['Jan Kowalski'], ['Piotr Zieliński'], ['Maria Wiśniewska']]),
};

export const OtherScripts: Story = {
  name: 'Arabic, Hebrew and Greek names',
  render: () => row([['محمد علي'], ['דוד לוי'], ['Νίκος Παπαδόπουλος']]),
};

export const NoLetters: Story = {
  name: 'No letters in the name (emoji only, empty)',
  render: () => row([['🌸🌸'], ['']]),
};

export const Picture: Story = {
  render: () => row([['Anna Nowak', picture]]),
};

export const BrokenPicture: Story = {
  name: 'Picture that fails to load (initials instead)',
  render: () => row([['Anna Nowak', `${location.origin}/no-such-avatar.png`]]),
};

export const UnsafePicture: Story = {
  name: 'Relative or non-http(s) picture URL (never fetched)',
  render: () => row([['Anna Nowak', '/api/session/logout'], ['Jan Kowalski', 'javascript:alert(1)']]),
};
