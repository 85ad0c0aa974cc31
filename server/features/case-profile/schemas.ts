import { z } from '@hono/zod-openapi';
import { ZTraffickingEventInput } from '../../../shared/schemas/case-file';
import { ZVersion } from '../../../shared/schemas/common';

// Requests of the profile routes beyond shared/schemas/case-file.ts (which the web app shares).

const uuidParam = (name: string) => z.string().uuid().openapi({ param: { name, in: 'path' } });

export const ZEventParams = z.object({ id: uuidParam('id'), eventId: uuidParam('eventId') });
export const ZConsentParams = z.object({ id: uuidParam('id'), consentId: uuidParam('consentId') });

/**
 * PUT of a trafficking event: the whole event (absent = cleared). `version` (the case's) is optional:
 * when sent, a stale one is refused like the other PUTs of the case file.
 */
export const ZUpdateTraffickingEventRequest = ZTraffickingEventInput.extend({ version: ZVersion.optional() });

/** Withdrawing a consent takes no fields (an empty object, or no body). */
export const ZWithdrawConsentRequest = z.strictObject({});
