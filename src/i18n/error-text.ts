import { DeskError } from '../core/errors.js';
import { TransportError } from '../core/transport.js';
import type { Catalog } from './catalog.js';

const own = (table: Readonly<Record<string, string>>, code: unknown): string | undefined =>
  typeof code === 'string' && Object.hasOwn(table, code) ? table[code] : undefined;

/**
 * What the agent reads for a refusal or a failure, in the catalog's language. Chosen by the error's
 * code (`DeskError`, `TransportError`, or a plain `{ code }` such as a failed upload's); the error's
 * own message is technical English and is never shown. Anything unrecognised gets a generic text.
 */
export function errorText(t: Catalog, error: unknown): string {
  const { desk, transport, unknown } = t.errors;
  if (error instanceof DeskError) return own(desk, error.code) ?? unknown;
  if (error instanceof TransportError) return own(transport, error.code) ?? unknown;
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  // A plain code comes from the transport's answer (an upload, a message's last send), so its table wins.
  return own(transport, code) ?? own(desk, code) ?? unknown;
}
