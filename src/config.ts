/** Every setting the server reads, declared once: name, meaning, default, and whether it is a secret. */
interface Setting<T> {
  env: string;
  description: string;
  secret?: boolean;
  parse: (raw: string | undefined) => T;
}

const text = (fallback?: string) => (raw: string | undefined) => (raw === undefined || raw === '' ? fallback : raw);
const integer = (fallback: number, min: number, max: number, env: string) => (raw: string | undefined) => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${env} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
};
const flag = (fallback: boolean) => (raw: string | undefined) => (raw === undefined || raw === '' ? fallback : ['1', 'true', 'yes'].includes(raw.toLowerCase()));

export const SETTINGS = {
  port: { env: 'PORT', description: 'HTTP port', parse: integer(12345, 0, 65535, 'PORT') },
  host: { env: 'HOST', description: 'Address to listen on', parse: text('0.0.0.0') },
  cityCode: {
    env: 'CITY_CODE',
    description: 'The prefecture-level city this deployment serves, by its 4-digit division code (3203 徐州市, the demo city; 5101 成都市; 1101 北京市): its districts and streets start the organisation tree and guide place resolution',
    parse: (raw: string | undefined) => {
      const code = raw === undefined || raw === '' ? '3203' : raw;
      if (!/^\d{4}$/.test(code)) throw new Error(`CITY_CODE must be a 4-digit division code such as 3203, got "${raw}"`);
      return code;
    },
  },
  dataDir: { env: 'DATA_DIR', description: 'Folder of the embedded database (PGlite), used when DATABASE_URL is not set', parse: text('./data') },
  databaseUrl: { env: 'DATABASE_URL', description: 'PostgreSQL connection string; when set, the server runs on PostgreSQL', secret: true, parse: text() },
  databasePoolSize: { env: 'DATABASE_POOL_SIZE', description: 'Connections each node keeps to PostgreSQL', parse: integer(10, 1, 500, 'DATABASE_POOL_SIZE') },
  adminPassword: { env: 'ADMIN_PASSWORD', description: 'Password of the demo admin account on a new database (generated if unset)', secret: true, parse: text() },
  demoPassword: { env: 'DEMO_PASSWORD', description: 'Password of the other demo accounts on a new database (generated if unset)', secret: true, parse: text() },
  seedDemo: { env: 'SEED_DEMO', description: 'Fill a new empty database with the demo city and accounts', parse: flag(true) },
  sessionHours: { env: 'SESSION_HOURS', description: 'How long a sign-in lasts', parse: integer(12, 1, 24 * 30, 'SESSION_HOURS') },
  sessionCacheSeconds: { env: 'SESSION_CACHE_SECONDS', description: 'How long a node trusts a session it has checked; a sign-out or disabled account takes effect on other nodes within this time (0 = check every request)', parse: integer(5, 0, 300, 'SESSION_CACHE_SECONDS') },
  loginMaxFailures: { env: 'LOGIN_MAX_FAILURES', description: 'Failed sign-ins per account within the window before it is locked for the window', parse: integer(5, 1, 1000, 'LOGIN_MAX_FAILURES') },
  loginMaxFailuresPerIp: { env: 'LOGIN_MAX_FAILURES_PER_IP', description: 'Failed sign-ins per client address within the window', parse: integer(30, 1, 100000, 'LOGIN_MAX_FAILURES_PER_IP') },
  loginWindowMinutes: { env: 'LOGIN_WINDOW_MINUTES', description: 'The window for counting failed sign-ins', parse: integer(15, 1, 24 * 60, 'LOGIN_WINDOW_MINUTES') },
  trustProxy: { env: 'TRUST_PROXY', description: 'Take the client address from X-Forwarded-For (behind a reverse proxy)', parse: flag(false) },
  logRequests: { env: 'LOG_REQUESTS', description: 'Log every request as JSON lines', parse: flag(false) },
  intakeModelsKept: {
    env: 'INTAKE_MODELS_KEPT',
    description: 'Smart-intake model versions that keep their weights (the newest N; the active one always); older versions stay listed without weights and cannot be activated again',
    parse: integer(10, 1, 1000, 'INTAKE_MODELS_KEPT'),
  },
  sweepIntervalSeconds: {
    env: 'SWEEP_INTERVAL_SECONDS',
    description: 'How often this node runs the deadline sweep (warnings, automatic supervision); 0 = never (another node sweeps)',
    parse: integer(60, 0, 24 * 3600, 'SWEEP_INTERVAL_SECONDS'),
  },
  open311JurisdictionId: { env: 'OPEN311_JURISDICTION_ID', description: 'The jurisdiction_id the Open311 endpoint serves (default: CITY_CODE); requests naming another get 404', parse: text() },
  open311BaseUrl: { env: 'OPEN311_BASE_URL', description: 'Public base URL the Open311 discovery document names, e.g. https://12345.example.gov.cn (default: from each request)', parse: text() },
  open311PostsPerMinute: { env: 'OPEN311_POSTS_PER_MINUTE', description: 'Open311 POST requests per client app per minute (0 = no limit)', parse: integer(60, 0, 100000, 'OPEN311_POSTS_PER_MINUTE') },
  open311ReadsPerMinute: { env: 'OPEN311_READS_PER_MINUTE', description: 'Open311 GET requests per client address per minute (0 = no limit)', parse: integer(600, 0, 1000000, 'OPEN311_READS_PER_MINUTE') },
  open311QueueIntervalSeconds: {
    env: 'OPEN311_QUEUE_INTERVAL_SECONDS',
    description: 'How often queued Open311 submissions are registered as orders (batch mode, retries); 0 = never on this node',
    parse: integer(5, 0, 3600, 'OPEN311_QUEUE_INTERVAL_SECONDS'),
  },
  open311Contact: { env: 'OPEN311_CONTACT', description: 'The Open311 discovery document\'s contact text', parse: text() },
  open311KeyService: { env: 'OPEN311_KEY_SERVICE', description: 'The Open311 discovery document\'s text on how to get an api_key', parse: text() },
  open311EndpointType: {
    env: 'OPEN311_ENDPOINT_TYPE',
    description: 'production or test: whether the Open311 endpoint\'s requests are acted upon (discovery document)',
    parse: (raw: string | undefined): 'production' | 'test' => {
      if (raw === undefined || raw === '' || raw === 'production') return 'production';
      if (raw === 'test') return 'test';
      throw new Error(`OPEN311_ENDPOINT_TYPE must be production or test, got "${raw}"`);
    },
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof SETTINGS;
export type Config = { readonly [K in keyof Settings]: ReturnType<Settings[K]['parse']> };

/** Reads the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const entries = Object.entries(SETTINGS).map(([key, s]) => [key, s.parse(env[s.env])]);
  return Object.freeze(Object.fromEntries(entries)) as Config;
}
