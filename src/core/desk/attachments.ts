import { checkFile, type AttachmentPolicy, type FileVerdict } from '../attachment-policy.js';
import { DeskError } from '../errors.js';
import type { AttachmentRef } from '../model.js';
import type { sniffFile } from '../sniff.js';
import { createClientId } from '../transport.js';
import type { SliceContext } from './shared.js';

/** Attachments (F4): the policy, the content check, and uploads through the transport. */
export class AttachmentsSlice {
  readonly #ctx: SliceContext;
  readonly policy: AttachmentPolicy;
  #sniffer: Promise<typeof sniffFile> | undefined;

  constructor(ctx: SliceContext, policy: AttachmentPolicy) {
    this.#ctx = ctx;
    this.policy = policy;
  }

  /** Whether this transport can upload at all. */
  get canUpload(): boolean {
    return Boolean(this.#ctx.transport.capabilities.upload && this.#ctx.transport.upload);
  }

  check(files: readonly { name: string; size: number }[]): FileVerdict[] {
    return files.map((f) => checkFile(this.policy, f));
  }

  /**
   * The content sniffer, loaded on the first inspection (`settled()` waits for it). A failed load
   * refuses the inspection, so no file goes out unchecked, and is tried again next time.
   */
  #sniff(): Promise<typeof sniffFile> {
    if (!this.#sniffer) {
      const loading = this.#ctx.track(import('../sniff.js').then((m) => m.sniffFile));
      this.#sniffer = loading;
      loading.catch(() => {
        if (this.#sniffer === loading) this.#sniffer = undefined;
      });
    }
    return this.#sniffer;
  }

  inspect(files: readonly File[]): Promise<FileVerdict[]> {
    return Promise.all(
      files.map(async (file): Promise<FileVerdict> => {
        const verdict = checkFile(this.policy, file);
        if (!verdict.ok) return verdict;
        const sniffFile = await this.#sniff();
        const sniffed = await sniffFile(file, verdict.extension).catch(() => ({ ok: true, detected: undefined }));
        return sniffed.ok
          ? verdict
          : { ok: false, name: file.name, reason: 'type-mismatch', extension: verdict.extension, detected: sniffed.detected ?? '?' };
      }),
    );
  }

  async upload(
    conversationId: string,
    file: File,
    opts: { signal?: AbortSignal; onProgress?(sent: number): void } = {},
  ): Promise<AttachmentRef> {
    this.#ctx.conversation(conversationId);
    const [verdict] = await this.inspect([file]);
    if (!verdict!.ok) throw new DeskError('policy', `${file.name}: ${verdict!.reason}`);
    const { transport } = this.#ctx;
    if (!transport.upload || !transport.capabilities.upload) {
      throw new DeskError('unsupported', 'This transport cannot send files.');
    }
    return this.#ctx.track(
      transport.upload(
        file,
        { conversationId, clientId: createClientId(), name: verdict!.name, mimeType: file.type || 'application/octet-stream', size: file.size },
        opts,
      ),
    );
  }
}
