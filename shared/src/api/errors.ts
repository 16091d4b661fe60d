import { z } from 'zod';

/** Every HTTP error body: `{ error: { code, message } }`, message readable by a person. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  /** A change that would leave a workspace without an owner. */
  'last_owner',
  'payload_too_large',
  'rate_limited',
  'internal',
  /** Not ready to serve (starting, stopping, or storage unreachable): try again shortly. */
  'unavailable',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({ code: ErrorCodeSchema, message: z.string() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
