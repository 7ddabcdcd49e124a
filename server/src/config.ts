/** The bridge's configuration: everything `startBridge()` takes, and how `main.ts` reads it from the environment. */
export interface BridgeConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Meta app secret: verifies `X-Hub-Signature-256` on webhooks. */
  appSecret: string;
  /** Token Meta echoes back when the webhook is registered (`hub.verify_token`). */
  verifyToken: string;
  /** The page access token the Send API is called with. */
  pageAccessToken: string;
  /** Base URL of the Graph API, without the version. */
  graphApiUrl: string;
  /** Graph API version, e.g. `v21.0`. */
  graphApiVersion: string;
  /** The page is approved for the HUMAN_AGENT tag: replies are allowed up to 7 days after the customer's last message. */
  humanAgent: boolean;
  /** Secret of the HS256 agent tokens. */
  agentTokenSecret: string;
  /** Where the journal and uploaded files live; `undefined` keeps everything in memory (tests). */
  dataDir: string | undefined;
  /** Demo mode: /dev endpoints on. */
  dev: boolean;
  /** Origin allowed to call the bridge from a browser (uploads, /dev); `*` for any. */
  corsOrigin: string | undefined;
  /** Public base URL of the bridge (files sent as attachments are fetched by Meta from here). Default: http://host:port. */
  publicUrl: string | undefined;
  /** How long an offer waits for an answer before it goes to the next agent, ms. */
  offerTimeoutMs: number;
  /** Conversations an agent works on at once (active or wrap-up, plus offers pending). */
  capacity: number;
  /** Largest webhook body, bytes. */
  maxWebhookBytes: number;
  /** Largest upload, bytes (Messenger takes 25 MB). */
  maxUploadBytes: number;
  /** Heartbeat announced to clients, ms. */
  heartbeatMs: number;
  /** Waits before each retry of a temporary Send API error (code 2). */
  sendRetryDelaysMs: number[];
  /** How long sends are held back after a rate limit (codes 4, 613), ms. */
  rateLimitBackoffMs: number;
  /** Messages per conversation in a snapshot. */
  snapshotMessages: number;
  /** How long one Send API call may take before it counts as a temporary failure, ms. */
  graphTimeoutMs: number;
  /** Redis URL: several bridges share one Redis (multi-instance mode); unset, the embedded journal store. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key (several bridges of different pages on one Redis). */
  redisPrefix: string;
  /** How long a bridge holds a send's lease without renewing it (a crashed one's sends are taken over after it), ms. */
  sendLeaseMs: number;
  /** With Redis: how often each bridge looks for offers past their time (whose bridge died), ms. */
  offerSweepMs: number;
  /** An HTTP request's headers must arrive within this, ms (slow clients are cut off: 408). */
  headersTimeoutMs: number;
  /** A whole HTTP request (uploads included) must arrive within this, ms. */
  requestTimeoutMs: number;
  /** Agent WebSockets open at once from one IP address; more are refused (HTTP 429). */
  maxSocketsPerIp: number;
  /** Bytes queued on an agent socket the client has not read yet; past it the socket is cut and the client resumes from its cursor. */
  maxSocketBufferBytes: number;
  /** How long an agent socket may stay past that buffer before it is cut, ms. */
  slowSocketMs: number;
  /** The clock (epoch ms). Tests move it to cross the reply windows. */
  now: () => number;
  /** Where the bridge reports what it does; `console` by default. */
  log: Pick<Console, 'info' | 'warn' | 'error'>;
}

export const defaultConfig: BridgeConfig = {
  port: 3000,
  host: '127.0.0.1',
  appSecret: '',
  verifyToken: '',
  pageAccessToken: '',
  graphApiUrl: 'https://graph.facebook.com',
  graphApiVersion: 'v21.0',
  humanAgent: false,
  agentTokenSecret: '',
  dataDir: undefined,
  dev: false,
  corsOrigin: undefined,
  publicUrl: undefined,
  offerTimeoutMs: 120_000,
  capacity: 3,
  maxWebhookBytes: 1024 * 1024,
  maxUploadBytes: 25 * 1024 * 1024,
  heartbeatMs: 15_000,
  sendRetryDelaysMs: [250, 1000, 4000],
  rateLimitBackoffMs: 60_000,
  snapshotMessages: 50,
  graphTimeoutMs: 15_000,
  redisUrl: undefined,
  redisPrefix: 'ccb:',
  sendLeaseMs: 10_000,
  offerSweepMs: 1000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  maxSocketsPerIp: 500,
  maxSocketBufferBytes: 1024 * 1024,
  slowSocketMs: 10_000,
  now: () => Date.now(),
  log: console,
};

/** Reads the environment variables documented in server/README.md. */
export function configFromEnv(env: NodeJS.ProcessEnv): Partial<BridgeConfig> {
  const config: Partial<BridgeConfig> = {};
  const num = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}".`);
    return value;
  };
  const port = num('PORT');
  if (port !== undefined) config.port = port;
  if (env.HOST) config.host = env.HOST;
  if (env.APP_SECRET) config.appSecret = env.APP_SECRET;
  if (env.VERIFY_TOKEN) config.verifyToken = env.VERIFY_TOKEN;
  if (env.PAGE_ACCESS_TOKEN) config.pageAccessToken = env.PAGE_ACCESS_TOKEN;
  if (env.GRAPH_API_URL) config.graphApiUrl = env.GRAPH_API_URL.replace(/\/+$/, '');
  if (env.GRAPH_API_VERSION) config.graphApiVersion = env.GRAPH_API_VERSION;
  config.humanAgent = env.HUMAN_AGENT === '1' || env.HUMAN_AGENT === 'true';
  if (env.AGENT_TOKEN_SECRET) config.agentTokenSecret = env.AGENT_TOKEN_SECRET;
  const dataDir = env.DATA_DIR || env.DATABASE;
  if (dataDir) config.dataDir = dataDir;
  config.dev = env.DEMO === '1' || env.DEMO === 'true';
  if (env.CORS_ORIGIN) config.corsOrigin = env.CORS_ORIGIN;
  if (env.PUBLIC_URL) config.publicUrl = env.PUBLIC_URL.replace(/\/+$/, '');
  const offer = num('OFFER_TIMEOUT_MS');
  if (offer !== undefined) config.offerTimeoutMs = offer;
  if (env.REDIS_URL) config.redisUrl = env.REDIS_URL;
  if (env.REDIS_PREFIX) config.redisPrefix = env.REDIS_PREFIX;
  const perIp = num('MAX_SOCKETS_PER_IP');
  if (perIp !== undefined) config.maxSocketsPerIp = perIp;
  const capacity = num('AGENT_CAPACITY');
  if (capacity !== undefined) config.capacity = Math.max(1, Math.floor(capacity));
  return config;
}
