import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who an agent token says its bearer is. */
export interface AgentClaims {
  /** Agent id. */
  sub: string;
  name?: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** A JWT signed with HS256. */
export function signAgentToken(secret: string, claims: { sub: string; name?: string }, ttlSeconds: number, nowMs = Date.now()): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ ...claims, iat: Math.floor(nowMs / 1000), exp: Math.floor(nowMs / 1000) + ttlSeconds }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The token's claims, or `undefined` when it is malformed, badly signed, not HS256 or expired. */
export function verifyAgentToken(secret: string, token: unknown, nowMs = Date.now()): AgentClaims | undefined {
  if (typeof token !== 'string' || !secret) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (head.alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<AgentClaims>;
    if (typeof claims.sub !== 'string' || claims.sub === '' || typeof claims.exp !== 'number') return undefined;
    if (claims.exp * 1000 <= nowMs) return undefined;
    return { sub: claims.sub, exp: claims.exp, ...(typeof claims.name === 'string' ? { name: claims.name } : {}) };
  } catch {
    return undefined;
  }
}
