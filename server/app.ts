import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { LIMITS } from '../shared/limits';
import type { TDeps, TEnv } from './http/context';
import { auditOutsideRequest } from './http/context';
import { HttpError } from './http/errors';
import { baseContext, bodyGuard, csrfGuard, securityHeaders, sessionRequired, sessionResolver, uploadGuard } from './http/middleware';
import { validationError, type TFieldError } from './http/validation';
import { translate } from './i18n';
import { registerDocs } from './features/docs';
import { registerHealth } from './features/health';
import { registerSession } from './features/session';
import { registerMe } from './features/me';
import { registerOrganisations } from './features/organisations';
import { registerUsers } from './features/users';
import { registerAudit } from './features/audit';
import { registerHome } from './features/home';
import { registerContacts } from './features/contacts';
import { registerCases } from './features/cases';
import { registerCaseProfile } from './features/case-profile';
import { registerWorkflow } from './features/workflow';
import { registerAttachments } from './features/attachments';
import { registerHtcdsIo } from './features/htcds-io';
import { registerHotlineAdmin } from './features/hotline-admin';
import { registerDuplicates } from './features/duplicates';
import { registerPartners } from './features/partners';
import { registerReferrals } from './features/referrals';
import { registerReferralLetters } from './features/referral-letters';
import { registerReferralDashboard } from './features/referral-dashboard';
import { registerWeb } from './http/web';

export type TApp = OpenAPIHono<TEnv>;

export function newRouter(): TApp {
  return new OpenAPIHono<TEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw validationError(c.var.locale, result.error, (result as { data?: unknown }).data);
    },
  });
}

/** The whole HTTP application; tests call app.request() in process, main.ts serves it. */
export function createApp(deps: TDeps): TApp {
  const app = newRouter();
  app.use('*', baseContext(deps));
  app.use('*', securityHeaders);
  app.use('/api/*', bodyGuard);
  app.use('/api/v1/*', sessionResolver);
  app.use('/api/v1/*', sessionRequired);
  app.use('/api/v1/*', csrfGuard);
  app.use('/api/v1/*', uploadGuard);

  registerHealth(app);
  registerSession(app);
  registerMe(app);
  registerHome(app);
  registerOrganisations(app);
  registerUsers(app);
  registerContacts(app);
  registerCases(app);
  registerCaseProfile(app);
  registerWorkflow(app);
  registerAttachments(app);
  registerHtcdsIo(app);
  registerHotlineAdmin(app);
  registerDuplicates(app);
  registerPartners(app);
  registerReferralDashboard(app);
  registerReferrals(app);
  registerReferralLetters(app);
  registerAudit(app);
  registerDocs(app);
  registerWeb(app, deps.webDir);

  app.notFound((c) => {
    const locale = c.var.locale ?? 'ru';
    return c.json({ error: { code: 'error.notFound', message: translate(locale, 'error.notFound') } }, 404);
  });

  app.onError(async (err, c) => {
    const locale = c.var.locale ?? 'ru';
    if (err instanceof HttpError) {
      if (err.audit) {
        try {
          await auditOutsideRequest(c, [err.audit]);
        } catch (auditErr) {
          deps.log.error({ err: auditErr }, 'could not audit a denial');
        }
      }
      const fields = (err as HttpError & { fields?: TFieldError[] }).fields;
      return c.json(
        { error: { code: err.code, message: translate(locale, err.code, err.values), ...(fields ? { fields } : {}) } },
        err.status,
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      // Raised by hono's own validators (a JSON content type with an empty or unreadable body, a
      // content type the route does not accept): the same JSON error shape, in the caller's language.
      const code =
        err.status === 415 ? 'error.unsupportedMediaType'
        : err.status === 413 ? 'error.payloadTooLarge'
        : err.status === 400 && /json/i.test(err.message) ? 'error.malformedJson'
        : 'error.badRequest';
      return c.json({ error: { code, message: translate(locale, code, { limit: LIMITS.bodyBytes }) } }, err.status);
    }
    deps.log.error({ err, requestId: c.var.requestId }, 'unhandled error');
    return c.json({ error: { code: 'error.internal', message: translate(locale, 'error.internal') } }, 500);
  });
  return app;
}
