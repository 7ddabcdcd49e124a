import { css } from 'lit';

export const communicationPanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: var(--cc-panel-height, 100%);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
    position: relative;
    /* The header packs into two rows when the panel is narrow (a side pane, a phone). As a size
       container its content no longer gives it a width, so it takes its container's (in a flex
       row too, where it would otherwise shrink to nothing); a width the host sets still wins. */
    container: cc-panel / inline-size;
    inline-size: 100%;
  }
  /* The header, banners and composer keep their height; the transcript gives way (down to 120 px). */
  header,
  .connection,
  .privacy,
  .composer {
    flex: none;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-2);
  }
  /* First in the row, while the name stays the header's first child for the narrow layout below. */
  header > .avatar {
    order: -1;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* Narrow (a side pane, a phone): two rows. The name, the state and sentiment badges and the …
     menu on the first; the channel and queue (ending in an ellipsis) and the reply window on the
     second, so the transcript keeps the height. */
  @container cc-panel (max-width: 34em) {
    header {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) auto auto auto;
      gap: 2px calc(var(--_space) * 0.75);
      padding-block: calc(var(--_space) * 0.5);
    }
    header > div:first-child {
      display: contents;
    }
    h2,
    .channel {
      grid-column: 2;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    h2 {
      grid-row: 1;
    }
    /* The avatar, when there is one, sits before the name on both rows. */
    header > .avatar {
      grid-area: 1 / 1 / 3 / 2;
    }
    .channel {
      grid-row: 2;
    }
    [part='state'] {
      grid-area: 1 / 3;
    }
    cc-sentiment-badge {
      grid-area: 1 / 4;
    }
    .menu-wrap {
      grid-area: 1 / 5;
    }
    .window {
      grid-area: 2 / 3 / 3 / -1;
      justify-self: end;
      margin: 0;
      white-space: nowrap;
    }
  }
  /* A phone or a narrow side pane: the name needs the avatar's width more (the avatar only repeats
     it), and the badges and the … button give up a little of theirs. */
  @container cc-panel (max-width: 27em) {
    header {
      grid-template-columns: minmax(0, 1fr) auto auto auto;
      padding-inline: var(--_space);
    }
    header > .avatar {
      display: none;
    }
    h2 {
      grid-column: 1;
    }
    /* The channel and queue are read out but not shown: the second row is the reply window's,
       whatever its length in the agent's language. */
    .channel {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    [part='state'] {
      grid-area: 1 / 2;
    }
    cc-sentiment-badge {
      grid-area: 1 / 3;
    }
    .menu-wrap {
      grid-area: 1 / 4;
    }
    .window {
      grid-area: 2 / 1 / 3 / -1;
    }
    [part='state'],
    cc-sentiment-badge {
      font-size: 0.8em;
    }
    .menu-button {
      padding-inline: 6px;
    }
  }
  .channel {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .window {
    margin-inline-start: auto;
    font-size: 0.85em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .window.closing {
    color: var(--_warning);
    font-weight: 600;
  }
  .window.closed {
    color: var(--_danger);
    font-weight: 600;
  }
  .menu-wrap {
    position: relative;
  }
  [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + 4px);
    z-index: 2;
    min-width: 12rem;
    display: flex;
    flex-direction: column;
    padding: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  }
  [role='menuitem'] {
    text-align: start;
    border: 0;
    background: none;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    background: var(--_surface-2);
  }
  .connection {
    margin: 0;
    padding: 6px calc(var(--_space) * 1.5);
    font-size: 0.9em;
    background: var(--_surface-2);
    border-bottom: 1px solid var(--_border);
    color: var(--_warning);
  }
  .connection.auth-expired,
  .connection.offline {
    color: var(--_danger);
  }
  cc-transcript,
  .parts-failed {
    /* Gives way first (to its 120 px) — a thousand times faster than the sentiment alert below. */
    flex: 1 1000 auto;
    min-height: 120px;
  }
  /* In the transcript's place when it could not be loaded. */
  .parts-failed {
    margin: var(--_space);
  }
  /* In a short pane, once the transcript is down to its 120 px, the sentiment alert gives way too:
     it keeps a line and scrolls (its Dismiss stays reachable by Tab). */
  cc-sentiment-alert {
    flex: 0 1 auto;
    min-height: 0;
    overflow-y: auto;
  }
  cc-sentiment-alert:state(shown) {
    min-height: 2rem;
  }
  .composer {
    border-top: 1px solid var(--_border);
    padding: var(--_space);
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 4px var(--_space);
    align-items: end;
  }
  textarea {
    min-height: 2.6em;
    max-height: 40vh;
  }
  .counter {
    font-size: 0.8em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .notice {
    grid-column: 1 / -1;
    margin: 0;
    padding: 6px 8px;
    border-radius: var(--_radius);
    background: var(--_surface-2);
    font-size: 0.9em;
  }
  .notice.error {
    color: var(--_danger);
  }
  .empty {
    margin: auto;
    padding: calc(var(--_space) * 3);
    color: var(--_muted);
    text-align: center;
  }
  .drop {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
    border: 2px dashed var(--_accent);
    border-radius: var(--_radius);
    font-weight: 600;
    pointer-events: none;
  }
  cc-attachment-picker {
    grid-column: 1 / -1;
  }
  .privacy {
    margin: 0;
    padding: 2px calc(var(--_space) * 1.5);
    font-size: 0.85em;
    color: var(--_muted);
    background: var(--_surface-2);
    border-bottom: 1px solid var(--_border);
  }
  /* One line, so a narrow or short pane keeps its height for the transcript (which carries the
     notice in full too); read out whole. */
  .privacy {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .notice.reason {
    color: var(--_muted);
  }
  /* The wrap-up area's Try again (after its chunk failed to load) and the transfer dialog's placeholder.
     The wrap-up area's and the dialog's own styles come with their chunk (workday-part.ts). */
  .retry-load {
    justify-self: start;
  }
  /* The emoji and attach buttons, and the attachment policy on one line (cut with … when narrow). */
  .tools,
  .replying {
    grid-column: 1 / -1;
    display: flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
  }
  .tool {
    display: inline-grid;
    place-items: center;
    min-width: 32px;
    padding: 0;
    border-color: transparent;
    background: none;
    font-size: 1.15em;
  }
  .tool:hover:not(:disabled) {
    border-color: var(--_border);
  }
  .policy,
  .replying > span {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .replying {
    padding: 2px 2px 2px 8px;
    border-inline-start: 3px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  .replying > span {
    font-size: 0.85em;
    color: inherit;
  }
`;
