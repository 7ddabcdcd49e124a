import type { Offer } from '../../core/model.js';
import { plainText } from '../transcript/rich-text.js';

// What <cc-conversation-notification> loads once `sound` or `desktop-notification` is set.

let audio: AudioContext | undefined;

/** A short two-note chime, synthesised so no audio file ships. Silent unless the page may play sound. */
export async function playTone(): Promise<void> {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  // Without a prior user gesture Chromium refuses the context and logs a warning: don't even try.
  if (activation && !activation.hasBeenActive) return;
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') await audio.resume();
  if (audio.state !== 'running') return;
  const start = audio.currentTime;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(880, start);
  oscillator.frequency.setValueAtTime(1175, start + 0.14);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.34);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(start);
  oscillator.stop(start + 0.36);
}

/**
 * A desktop notification for an offer, if the page already has permission (never asks). Clicking
 * it brings the page forward, closes it and calls `onClick`. Undefined when none could be shown.
 */
export function showDesktopNotification(offer: Offer, title: string, lang: string, onClick: () => void): Notification | undefined {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return undefined;
  try {
    const notification = new Notification(title, { body: plainText(offer.firstMessage), tag: `cc-offer-${offer.id}`, lang });
    notification.addEventListener('click', () => {
      window.focus();
      notification.close();
      onClick();
    });
    return notification;
  } catch {
    // Some platforms allow notifications only from a service worker.
    return undefined;
  }
}
