import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createDesk, type Desk } from '../src/core/desk/desk.js';
import type { Capabilities } from '../src/core/transport.js';
import '../src/elements/attachment-picker/define.js';
import type { CcAttachmentPicker } from '../src/elements/attachment-picker/attachment-picker.js';
import { SimulatedTransport } from '../src/transports/simulated/index.js';

const MB = 1024 * 1024;

interface Stage {
  desk: Desk;
  transport: SimulatedTransport;
}

/** A connected desk with one active conversation; `latency` applies to uploads only. */
async function stage(options: { latency?: number; capabilities?: Partial<Capabilities> } = {}): Promise<Stage> {
  const transport = new SimulatedTransport({ seed: 4, ...(options.capabilities ? { capabilities: options.capabilities } : {}) });
  const desk = createDesk({ transport, storage: 'memory' });
  await desk.connect();
  const conversation = transport.startConversation({ customer: { name: 'Anna Nowak' } });
  desk.setActive(conversation.id);
  transport.latency = options.latency ?? 0;
  return { desk, transport };
}

const photo = (name = 'photo.png'): File =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(48_000)])], name, {
    type: 'image/png',
  });
const pdf = (name: string, kb = 180): File => new File(['%PDF-1.7\n', new Uint8Array(kb * 1024)], name, { type: 'application/pdf' });

/** The files the policy must refuse, one per rule. */
const refusedFiles = (): File[] => [
  new File([new Uint8Array(30 * MB)], 'big-scan.pdf', { type: 'application/pdf' }),
  new File(['MZ'], 'invoice.pdf.exe', { type: 'application/octet-stream' }),
  new File(['PK'], 'logs.zip', { type: 'application/zip' }),
  new File([], 'empty.txt', { type: 'text/plain' }),
  new File(['x'], 'photo.jpg\u0000.exe', { type: 'image/jpeg' }),
];

/** Renders the picker and, once it is on the page, drives it into the state to show. */
function picker(desk: Desk, drive?: (el: CcAttachmentPicker) => Promise<unknown>): TemplateResult {
  let driven = false;
  const onElement = (node: Element | undefined): void => {
    if (!node || driven || !drive) return;
    driven = true;
    const el = node as CcAttachmentPicker;
    void el.updateComplete.then(() => drive(el));
  };
  return html`<div style="max-width: 32rem">
    <cc-attachment-picker .desk=${desk} ${ref(onElement)}></cc-attachment-picker>
  </div>`;
}

const stageOf = (loaded: Record<string, unknown>): Stage => loaded['stage'] as Stage;

/**
 * The element's `selector` once it has rendered (checked each frame for at most two seconds), or
 * undefined when the story was taken off the page first (a test that renders and removes it).
 */
async function shown<E extends HTMLElement = HTMLButtonElement>(el: HTMLElement, selector: string): Promise<E | undefined> {
  for (let frames = 0; frames < 120 && el.isConnected; frames++) {
    const found = el.shadowRoot?.querySelector<E>(selector);
    if (found) return found;
    await new Promise(requestAnimationFrame);
  }
  return undefined;
}

const meta: Meta = {
  title: 'Elements/Attachment picker',
  component: 'cc-attachment-picker',
  parameters: {
    docs: {
      description: {
        component:
          'Checks every file against the attachment policy before anything is uploaded, then uploads the accepted ones with progress and cancel. Used inside `<cc-communication-panel>`; usable alone.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Empty: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => picker(stageOf(loaded).desk),
};

export const Uploading: Story = {
  // 30 s per upload in five steps, so the bars visibly move and Cancel can be tried.
  loaders: [async () => ({ stage: await stage({ latency: 30_000 }) })],
  render: (_args, { loaded }) =>
    picker(stageOf(loaded).desk, (el) => el.addFiles([photo('storefront.png'), pdf('contract.pdf', 900)])),
};

export const RejectedAttachments: Story = {
  name: 'Rejected attachments',
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) => picker(stageOf(loaded).desk, (el) => el.addFiles(refusedFiles())),
};

export const Uploaded: Story = {
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) =>
    picker(stageOf(loaded).desk, (el) => el.addFiles([photo('damaged-parcel.png'), pdf('invoice-2025-031.pdf')])),
};

export const FailedAndCancelled: Story = {
  name: 'Failed and cancelled',
  loaders: [async () => ({ stage: await stage({ latency: 30_000 }) })],
  render: (_args, { loaded }) => {
    const { desk, transport } = stageOf(loaded);
    return picker(desk, async (el) => {
      await el.addFiles([pdf('return-label.pdf')]);
      // The agent presses Cancel on the running upload, once its row shows.
      const cancel = await shown(el, '[part="item"] button');
      if (!cancel) return;
      cancel.click();
      // Then the connection drops before the next upload starts.
      await transport.disconnect();
      await el.addFiles([photo('receipt.png')]);
    });
  },
};

export const Polish: Story = {
  globals: { locale: 'pl' },
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) =>
    picker(stageOf(loaded).desk, (el) =>
      el.addFiles([photo('zdjęcie-paczki.png'), ...refusedFiles().slice(0, 3)]),
    ),
};

export const Dark: Story = {
  globals: { scheme: 'dark' },
  loaders: [async () => ({ stage: await stage() })],
  render: (_args, { loaded }) =>
    picker(stageOf(loaded).desk, (el) =>
      el.addFiles([photo('damaged-parcel.png'), pdf('invoice-2025-031.pdf'), ...refusedFiles().slice(1, 3)]),
    ),
};

export const WithoutUploadCapability: Story = {
  name: 'Transport without upload',
  parameters: {
    docs: { description: { story: 'The transport reports `capabilities.upload: false`: the picker hides itself.' } },
  },
  loaders: [async () => ({ stage: await stage({ capabilities: { upload: false } }) })],
  render: (_args, { loaded }) => html`<p>The picker is hidden below this line.</p>
    ${picker(stageOf(loaded).desk)}`,
};
