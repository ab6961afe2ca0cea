import { createHash } from 'node:crypto';
import type { AppContext } from '../../../platform/context';
import { Open311Error } from '../domain/errors';
import { checkAnswers, readSubmission, type FormBody } from '../domain/submission';
import { open311Store, type ClientRecord, type SubmissionRecord } from '../open311.store';
import { registerSubmission } from './register';
import { loadServices } from './services';

/** The same body from the same client within this window (10–20 minutes) is a retry: one order, one answer. */
export const RETRY_WINDOW_MS = 10 * 60_000;

/** POST requests' answer: the order number, or (queued) the token to look it up with later; never both. */
export type SubmitAnswer =
  | { service_request_id: string; service_notice: string | null; account_id: string | null }
  | { token: string; service_notice: string | null; account_id: string | null };

/**
 * A client app files a request. Checked against the service definition (every problem reported at once),
 * stored as a submission, and registered as a work order at once in realtime mode (queued in batch mode, or when
 * registering fails for a passing reason: then the answer is a token).
 */
export async function submitRequest(ctx: AppContext, client: ClientRecord, form: FormBody): Promise<SubmitAnswer> {
  const { submission, problems } = readSubmission(form);
  const { services } = await loadServices(ctx.db);
  const service = submission.serviceCode ? services.find((s) => s.code === submission.serviceCode) : undefined;
  if (submission.serviceCode && !service) throw new Open311Error(404, `service_code ${submission.serviceCode} was not found: GET services lists the codes`);
  if (service) problems.push(...checkAnswers(service.attributes, submission.attributes).problems);
  if (problems.length || !service) throw new Open311Error(400, problems);

  const store = open311Store(ctx.db);
  const now = ctx.clock.now();
  const bodyHash = createHash('sha256').update(JSON.stringify(submission)).digest('hex');
  const windowStart = Math.floor(now.getTime() / RETRY_WINDOW_MS) * RETRY_WINDOW_MS;
  const windows = [windowStart, windowStart - RETRY_WINDOW_MS].map((t) => new Date(t).toISOString());
  const answer = (r: SubmissionRecord, ticketNumber: string | null = r.ticketNumber): SubmitAnswer => {
    const common = { service_notice: service.serviceNotice, account_id: r.submission.accountId };
    return ticketNumber ? { service_request_id: ticketNumber, ...common } : { token: r.token, ...common };
  };
  const failure = (error: string | null) => new Open311Error(400, `The request could not be registered: ${error ?? 'unknown reason'}`);

  const earlier = await store.findSubmission(client.id, bodyHash, windows);
  if (earlier) {
    if (earlier.status === 'failed') throw failure(earlier.error);
    return answer(earlier);
  }
  const inserted = await store.insertSubmission({
    id: ctx.ids.id(),
    token: ctx.tokens.issue().token.slice(0, 24),
    clientId: client.id,
    bodyHash,
    windowStart: windows[0]!,
    serviceCode: service.code,
    submission,
    status: 'queued',
    attempts: 0,
    error: null,
    ticketId: null,
    ticketNumber: null,
    createdAt: now.toISOString(),
    registeredAt: null,
  });
  if (!inserted) {
    // the same body arrived at the same moment (another node): answer as that one does
    const twin = await store.findSubmission(client.id, bodyHash, windows.slice(0, 1));
    if (!twin) throw failure('a concurrent identical request was not found');
    if (twin.status === 'failed') throw failure(twin.error);
    return answer(twin);
  }
  if ((await store.mode()).mode === 'batch') return answer(inserted);
  const registration = await registerSubmission(ctx, inserted);
  if (registration.status === 'failed') throw failure(registration.error);
  return answer(inserted, registration.status === 'registered' ? registration.ticket.number : null);
}
