import type { Catalog } from '../catalog.js';

/** English strings of messages in a transcript. */
export const messageStrings: Pick<Catalog, 'message'> = {
  message: {
    customer: 'Customer',
    agent: 'You',
    system: 'System',
    bot: 'Bot',
    status: { sending: 'Sending…', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed' },
    retry: 'Retry',
    unsupported: 'Customer sent an unsupported message type.',
    edited: 'edited',
    sticker: 'Sticker',
    image: (name) => `Image ${name}`,
    download: (name) => `Download ${name}`,
    openImage: (name) => `Open image ${name}`,
    closeImage: 'Close image',
    reactions: (list) => `Reactions: ${list}`,
    newMessages: (n) => (n === 1 ? '1 new message' : `${n} new messages`),
    jumpToLatest: 'Jump to latest',
    unreadable: 'This message could not be shown.',
    showMore: (n) => `Show more (${new Intl.NumberFormat('en').format(n)} more ${n === 1 ? 'character' : 'characters'})`,
    automated: 'Automated message',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomFit: 'Fit to screen',
    zoomLevel: (percent) => `Zoom ${percent}%`,
    reply: 'Reply',
    replyTo: (snippet) => `Reply to “${snippet}”`,
    inReplyTo: 'In reply to:',
  },
};
