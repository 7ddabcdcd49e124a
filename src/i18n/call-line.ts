/**
 * The transcript's line when a call ends (F20), "Video call, 4 min 12 s", in English and Polish (by
 * the desk's locale; other languages get English). Not part of the catalog: the desk's lazy call
 * commands write it without loading a catalog or the catalog registry, whose loader would come out
 * of the page's first chunk with it.
 */
type Line = (media: 'voice' | 'video', seconds: number | undefined) => string;

const length = (seconds: number): string => (seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`);

// Two bindings, not one object: a catalog that reads `callLine.en` could not be dropped from a bundle that never uses it.
export const callLineEn: Line = (media, seconds) => `${media === 'video' ? 'Video call' : 'Voice call'}, ${seconds === undefined ? 'not connected' : length(seconds)}`;
export const callLinePl: Line = (media, seconds) => `${media === 'video' ? 'Rozmowa wideo' : 'Rozmowa głosowa'}, ${seconds === undefined ? 'niepołączona' : length(seconds)}`;
