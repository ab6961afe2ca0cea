import type { FastifyError } from 'fastify';
import { isAppError, type ErrorCode } from '../errors';

/** The one place where error codes become HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, number> = {
  'VALIDATION.FAILED': 400,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.RATE_LIMITED': 429,
  'AUTH.FORBIDDEN': 403,
  'AUTH.ACCOUNT_DISABLED': 403,
  'TICKET.NOT_FOUND': 404,
  'TICKET.ILLEGAL_TRANSITION': 409,
  'TICKET.VERSION_CONFLICT': 409,
  'TICKET.EXTENSION_PENDING': 409,
  'TICKET.NO_PENDING_EXTENSION': 409,
  'TICKET.MERGE_TARGET_INVALID': 422,
  'TICKET.DUPLICATE_EXTERNAL_REF': 409,
  'UNIT.NOT_FOUND': 404,
  'UNIT.INVALID_PARENT': 422,
  'USER.USERNAME_TAKEN': 409,
  'USER.NOT_FOUND': 404,
  'CATEGORY.NOT_FOUND': 404,
  'ATTACHMENT.NOT_FOUND': 404,
  'ATTACHMENT.TOO_LARGE': 413,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'MODEL.NOT_FOUND': 404,
  'MODEL.ARCHIVED': 409,
  'MODEL.NOT_READY': 409,
  'MODEL.TRAINING_DATA_INSUFFICIENT': 422,
  'MODEL.TRAINING_IN_PROGRESS': 409,
  'OPEN311.CLIENT_NOT_FOUND': 404,
  'OPEN311.SERVICE_NOT_FOUND': 404,
  'OPEN311.VERSION_CONFLICT': 409,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

export interface ErrorResponse {
  status: number;
  body: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

/** Turns anything thrown into a response that says what was wrong and where, and never leaks internals. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (isAppError(error)) {
    const body: ErrorResponse['body'] = { code: error.code, message: error.message };
    if (error.field) body.field = error.field;
    if (error.details) body.details = error.details;
    return { status: STATUS_OF[error.code], body };
  }
  const fe = error as Partial<FastifyError> & { validation?: { instancePath?: string; params?: Record<string, unknown>; message?: string; keyword?: string }[]; validationContext?: string };
  if (fe.validation) {
    const first = fe.validation[0];
    const params = first?.params ?? {};
    const path = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const named = (params.missingProperty ?? params.additionalProperty ?? params.tag) as string | undefined;
    const field = [path, named].filter(Boolean).join('.') || undefined;
    let what = first?.message ?? 'is invalid';
    if (params.additionalProperty) what = 'is not a known property';
    else if (Array.isArray(params.allowedValues)) what = `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    const where = fe.validationContext ?? 'request';
    const body: ErrorResponse['body'] = { code: 'VALIDATION.FAILED', message: `${where}${field ? `.${field}` : ''} ${what}` };
    if (field) body.field = field;
    return { status: 400, body };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large.
    const code = fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION.FAILED';
    return { status: fe.statusCode, body: { code, message: fe.message ?? 'Bad request' } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side; the request was not applied' } };
}
