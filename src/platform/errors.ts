/** Stable error codes: the API's contract with its callers. Mapped to HTTP status in adapters/http/error-map.ts. */
export const ERROR_CODES = [
  'VALIDATION.FAILED',
  'AUTH.UNAUTHENTICATED',
  'AUTH.INVALID_CREDENTIALS',
  'AUTH.RATE_LIMITED',
  'AUTH.FORBIDDEN',
  'AUTH.ACCOUNT_DISABLED',
  'TICKET.NOT_FOUND',
  'TICKET.ILLEGAL_TRANSITION',
  'TICKET.VERSION_CONFLICT',
  'TICKET.EXTENSION_PENDING',
  'TICKET.NO_PENDING_EXTENSION',
  'TICKET.MERGE_TARGET_INVALID',
  'TICKET.DUPLICATE_EXTERNAL_REF',
  'UNIT.NOT_FOUND',
  'UNIT.INVALID_PARENT',
  'USER.USERNAME_TAKEN',
  'USER.NOT_FOUND',
  'CATEGORY.NOT_FOUND',
  'ATTACHMENT.NOT_FOUND',
  'ATTACHMENT.TOO_LARGE',
  'IDEMPOTENCY.KEY_REUSED',
  'MODEL.NOT_FOUND',
  'MODEL.ARCHIVED',
  'MODEL.NOT_READY',
  'MODEL.TRAINING_DATA_INSUFFICIENT',
  'MODEL.TRAINING_IN_PROGRESS',
  'OPEN311.CLIENT_NOT_FOUND',
  'OPEN311.SERVICE_NOT_FOUND',
  'OPEN311.VERSION_CONFLICT',
  'NOT_FOUND',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
