import type { Catalog } from '../catalog.js';

const kind = (media: 'voice' | 'video'): string => (media === 'video' ? 'Video call' : 'Voice call');

/** English strings of `<cc-call-controls>` and of the transcript's call lines (F20). */
export const callsStrings: Pick<Catalog, 'calls'> = {
  calls: {
    label: 'Call',
    incoming: (media, name) => `Incoming ${media === 'video' ? 'video' : 'voice'} call from ${name}`,
    calling: (media, name) => `${kind(media)}: calling ${name}…`,
    connecting: 'Connecting…',
    connected: kind,
    onHold: 'On hold',
    ended: (reason) => `Call ended: ${reason}`,
    reasons: {
      'hung-up': 'you hung up',
      'customer-hung-up': 'the customer hung up',
      declined: 'declined',
      'no-answer': 'no answer',
      'connection-lost': 'the connection was lost',
      'permission-denied': 'no access to the microphone or camera',
      'no-device': 'no microphone or camera found',
      failed: 'the call could not connect',
      other: 'the call ended',
    },
    problems: {
      'permission-denied': 'The browser has no access to your microphone or camera. Allow it in the address bar and try again; the chat goes on.',
      'no-device': 'No microphone or camera was found. Connect one and try again; the chat goes on.',
      failed: 'The microphone or camera could not be started. The chat goes on.',
    },
    accept: 'Accept',
    decline: 'Decline',
    mute: 'Mute',
    unmute: 'Unmute',
    cameraOff: 'Camera off',
    cameraOn: 'Camera on',
    hold: 'Hold',
    resume: 'Resume',
    end: 'End call',
    cancel: 'Cancel call',
    dismiss: 'Close',
    timer: (time) => `Call time ${time}`,
    devices: 'Devices',
    microphone: 'Microphone',
    camera: 'Camera',
    speaker: 'Speaker',
    defaultDevice: 'Default',
    remoteVideo: (name) => `${name}'s video`,
    selfView: 'Your camera',
    mutedNow: 'Microphone off',
    unmutedNow: 'Microphone on',
    customer: 'the customer',
  },
};
