/** `POST /api/password-reset` (no session): "Forgot password?" when the server can send email. */
import { PasswordResetRequestSchema, type PasswordResetRequest } from '../../../shared/src/index';
import type { Route } from '../transport/httpPipeline';
import type { PasswordResetService } from './passwordResetService';

/** The one answer, whether or not the address belongs to an account. */
export const RESET_REQUESTED_MESSAGE =
  'If an account uses this email address, a link to choose a new password is on its way. It works once, for 30 minutes.';

export function passwordResetRoutes(reset: PasswordResetService | null): Route[] {
  if (!reset) return [];
  return [
    {
      method: 'POST',
      path: '/api/password-reset',
      auth: false,
      schema: PasswordResetRequestSchema,
      handler: async (ctx) => {
        reset.request((ctx.body as PasswordResetRequest).email, ctx.clientAddress);
        return { status: 202, body: { message: RESET_REQUESTED_MESSAGE } };
      },
    },
  ];
}
