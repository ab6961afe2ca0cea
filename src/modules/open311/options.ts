/** What a deployment sets for Open311 (src/config.ts reads them from OPEN311_* variables). */
export interface Open311Options {
  /** The jurisdiction_id this endpoint serves; requests naming another are refused (404). */
  jurisdictionId: string;
  /** POST requests per client app per minute (0: no limit). */
  postsPerMinute: number;
  /** GET requests per client address per minute (0: no limit). */
  readsPerMinute: number;
  /** How often the queued submissions are registered (ms; 0: never on this node). */
  queueIntervalMs: number;
  /** The public base URL the discovery document names (e.g. https://12345.example.gov.cn); null: from the request. */
  baseUrl: string | null;
  /** The discovery document's contact and key_service texts. */
  contact: string;
  keyService: string;
  /** `production` or `test` (the discovery document says whether requests are acted upon). */
  endpointType: 'production' | 'test';
}
