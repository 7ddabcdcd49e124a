import type { Catalog } from '../catalog.js';
import { formatBytes } from '../format-bytes.js';

/** English strings of the attachment picker and attachments in a transcript. */
export const attachmentsStrings: Pick<Catalog, 'attachments'> = {
  attachments: {
    label: 'Attachments',
    choose: 'Choose files',
    drop: 'or drop them here',
    limits: (max, ext) => `Up to ${max} each. Allowed: ${ext}.`,
    limitsAnyType: (max) => `Up to ${max} each.`,
    reasons: {
      empty: (name) => `${name} is empty.`,
      'too-large': (name, limit) => `${name} is larger than the ${limit} limit.`,
      'invalid-name': (name) => `${name} has a name that cannot be sent.`,
      'null-byte': (name) => `${name} has a hidden character in its name and was refused.`,
      'no-extension': (name) => `${name} has no file extension.`,
      'double-extension': (name) => `${name} hides its real type behind a double extension.`,
      'blocked-extension': (name, ext) => `${name}: .${ext} files are blocked.`,
      'extension-not-allowed': (name, ext) => `${name}: .${ext} files are not allowed.`,
      'type-mismatch': (name, detected) => `${name} is really a ${detected} file, not what its name says.`,
    },
    uploading: (name, percent) => `Uploading ${name}: ${percent}%`,
    uploaded: (name) => `${name} is ready to send`,
    failed: (name) => `${name} could not be uploaded.`,
    cancel: (name) => `Cancel upload of ${name}`,
    remove: (name) => `Remove ${name}`,
    cancelButton: 'Cancel',
    removeButton: 'Remove',
    unnamed: '(no name)',
    cancelled: (name) => `Upload of ${name} cancelled.`,
    rejectedCount: (n) => (n === 1 ? '1 file was refused' : `${n} files were refused`),
    size: (n) => formatBytes(n, 'en'),
    policy: (types, max) => (types ? `${types} · up to ${max}` : `Up to ${max}`),
  },
};
