import { css } from 'lit';

export const transcriptStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    position: relative;
    background: var(--_surface);
    --_customer-bubble-text: var(--cc-color-customer-bubble-text, var(--_text));
    --_agent-bubble-text: var(--cc-color-agent-bubble-text, var(--_text));
    --_bubble-link: var(--cc-color-bubble-link, var(--_accent));
  }
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
    padding: 0 var(--_space);
  }
  .rows {
    contain: layout;
  }
  .empty {
    color: var(--_muted);
    text-align: center;
    padding: calc(var(--_space) * 3);
  }
  .row {
    display: flow-root;
    padding: 2px 0;
  }
  .row.group-start {
    padding-top: var(--_space);
  }
  .day {
    text-align: center;
    color: var(--_muted);
    font-size: 0.85em;
    margin: var(--_space) 0;
  }
  .header {
    font-size: 0.85em;
    color: var(--_muted);
    margin: 0 0 2px;
  }
  .agent .header {
    text-align: end;
  }
  .bubble {
    max-width: min(80%, 42rem);
    width: fit-content;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius-3);
    background: var(--_customer-bubble);
    color: var(--_customer-bubble-text);
    overflow-wrap: anywhere;
  }
  .text {
    white-space: pre-wrap;
  }
  .agent .bubble {
    margin-inline-start: auto;
    background: var(--_agent-bubble);
    color: var(--_agent-bubble-text);
  }
  /* Not from the customer or the agent: a muted, centred note apart from both sides' bubbles. */
  .system .bubble,
  .bot .bubble {
    margin-inline: auto;
    max-width: min(90%, 36rem);
    background: var(--cc-color-system-bubble, var(--_surface-2));
    border: 1px dashed var(--_border);
    color: var(--cc-color-system-bubble-text, var(--_muted));
    font-size: 0.9em;
    text-align: center;
  }
  .system .bubble {
    font-style: italic;
  }
  .bot .header {
    text-align: center;
  }
  .bubble.unsupported {
    background: transparent;
    border: 1px dashed var(--_danger);
    color: var(--_danger);
  }
  .bubble.failed {
    outline: 1px solid var(--_danger);
  }
  .bubble pre {
    margin: 4px 0;
    white-space: pre-wrap;
  }
  .bubble code {
    font-family: var(--cc-font-mono, ui-monospace, 'SFMono-Regular', Consolas, monospace);
    font-size: 0.92em;
  }
  .bubble a {
    color: var(--_bubble-link);
  }
  .agent .bubble a {
    color: var(--cc-color-agent-bubble-link, var(--_bubble-link));
  }
  .agent .bubble .quote,
  .agent .bubble .file-name {
    color: var(--cc-color-agent-bubble-muted, var(--_muted));
  }
  .quote {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 6px;
    color: var(--_muted);
    font-size: 0.9em;
    margin-bottom: 4px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .meta {
    display: flex;
    gap: 6px;
    align-items: center;
    font-size: 0.78em;
    color: var(--_muted);
    margin-top: 2px;
  }
  .agent .meta {
    justify-content: flex-end;
  }
  .system .meta,
  .bot .meta {
    justify-content: center;
  }
  .status {
    display: inline-flex;
  }
  .status .icon {
    font-size: 1.2em;
  }
  .status-read {
    color: var(--_accent);
  }
  .status-failed {
    color: var(--_danger);
    font-weight: 600;
  }
  .reply {
    min-height: 24px;
    padding: 0 8px;
    font-size: 1em;
    border-color: transparent;
    background: none;
    color: var(--_muted);
  }
  .reply:hover,
  .reply:focus-visible {
    border-color: var(--_border);
    color: inherit;
  }
  .retry {
    min-height: 24px;
    padding: 0 8px;
    font-size: 1em;
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .more {
    display: block;
    min-height: 24px;
    margin-top: 4px;
    padding: 0 8px;
    font-size: 0.9em;
    color: var(--_accent);
  }
  .reactions {
    margin-top: 2px;
    font-size: 0.95em;
  }
  .agent .reactions {
    text-align: end;
  }
  .thumb {
    display: block;
    padding: 0;
    border: 0;
    background: none;
    line-height: 0;
  }
  .thumb img {
    display: block;
    width: 180px;
    height: 135px;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  .sticker {
    display: block;
    width: 96px;
    height: 96px;
    object-fit: contain;
  }
  .file-name {
    display: block;
    font-size: 0.85em;
    color: var(--_muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 180px;
  }
  .file {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    padding: 4px 0;
  }
  .typing {
    padding: 2px calc(var(--_space) * 1.5);
    font-size: 0.85em;
    color: var(--_muted);
    min-height: 1.6em;
  }
  .jump {
    position: absolute;
    inset-inline-end: calc(var(--_space) * 2);
    bottom: calc(var(--_space) * 3);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
`;
