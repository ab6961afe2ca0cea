import type { AppContext } from '../../../platform/context';
import { isAppError } from '../../../platform/errors';
import type { Ticket } from '../../../platform/events/order';
import { createTicket, getTicketByExternalRef } from '../../tickets';
import { callerName, checkAnswers, orderContent } from '../domain/submission';
import { open311Store, type SubmissionRecord } from '../open311.store';
import { clientActor } from './clients';
import { loadServices } from './services';

/** Attempts after which a submission that keeps failing for no stated reason is given up (marked failed). */
export const MAX_ATTEMPTS = 10;

export type Registration =
  | { status: 'registered'; ticket: Pick<Ticket, 'id' | 'number'> }
  | { status: 'queued' }
  | { status: 'failed'; error: string };

/**
 * Registers a submission as an ordinary work order on channel open311, by the client app's actor, through the
 * tickets module (intake, dispatch and deadlines follow as for any order). The submission's token is the order's
 * externalRef, so registering twice (a retry, two nodes) finds the first order instead of making a second.
 * A refusal with a reason (an AppError) fails the submission; anything else leaves it queued for the job.
 */
export async function registerSubmission(ctx: AppContext, record: SubmissionRecord): Promise<Registration> {
  const store = open311Store(ctx.db);
  try {
    const client = await store.getClient(record.clientId);
    const service = (await loadServices(ctx.db)).services.find((s) => s.code === record.serviceCode);
    if (!client || !service) {
      const error = !client ? 'the client app no longer exists' : `service ${record.serviceCode} is no longer offered`;
      await store.markFailed(record.id, error);
      return { status: 'failed', error };
    }
    const s = record.submission;
    const { answers } = checkAnswers(service.attributes, s.attributes);
    let ticket: Ticket | null;
    try {
      ({ ticket } = await createTicket(ctx, clientActor(client), {
        channel: 'open311',
        content: orderContent(service, s, answers),
        caller: { name: callerName(s), phone: s.phone },
        address: s.addressString,
        location: s.lat !== null && s.long !== null ? { lat: s.lat, lng: s.long } : null,
        categoryCode: service.code,
        receivedAt: record.createdAt,
        externalRef: record.token,
      }));
    } catch (e) {
      if (!isAppError(e) || e.code !== 'TICKET.DUPLICATE_EXTERNAL_REF') throw e;
      ticket = await getTicketByExternalRef(ctx.db, 'open311', record.token);
      if (!ticket) throw e;
    }
    await store.markRegistered(record.id, ticket, ctx.clock.now().toISOString());
    return { status: 'registered', ticket };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    if (isAppError(e)) {
      await store.markFailed(record.id, error);
      return { status: 'failed', error };
    }
    const attempts = await store.noteAttempt(record.id, error).catch(() => 0);
    if (attempts >= MAX_ATTEMPTS) {
      await store.markFailed(record.id, `gave up after ${attempts} attempts: ${error}`);
      return { status: 'failed', error };
    }
    return { status: 'queued' };
  }
}

export interface RegisterReport {
  registered: number;
  failed: number;
  waiting: number;
}

/** The job: registers the oldest queued submissions (batch mode, or those whose first attempt failed). */
export async function registerQueued(ctx: AppContext, batch = 50): Promise<RegisterReport> {
  const report: RegisterReport = { registered: 0, failed: 0, waiting: 0 };
  for (const record of await open311Store(ctx.db).queued(batch)) {
    const r = await registerSubmission(ctx, record);
    if (r.status === 'registered') report.registered++;
    else if (r.status === 'failed') report.failed++;
    else report.waiting++;
  }
  return report;
}
