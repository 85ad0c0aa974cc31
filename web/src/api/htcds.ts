// HTCDS import and export (administrators). The import sends the file itself as the body (text/csv,
// not JSON), with the CSRF token; the export is a plain link (a GET download with the session cookie).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TStaffLocale } from '../../../shared/locales';
import { ApiError, NETWORK_ERROR } from './client';
import { SESSION_KEY } from './session';
import type { TSession } from './types';

export const HTCDS_EXPORT_URL = '/api/v1/htcds/export';
export const HTCDS_IMPORT_MODES = ['all', 'skipInvalid'] as const;
export type THtcdsImportMode = (typeof HTCDS_IMPORT_MODES)[number];

/** The server's answer (server/features/htcds-io/routes.ts ZHtcdsImportResult). */
export type THtcdsImportResult = {
  importId: string;
  mode: THtcdsImportMode;
  committed: boolean;
  rows: number;
  valid: number;
  imported: number;
  rejected: number;
  seconds: number;
  rowsPerSecond: number;
  unknownColumns: { position: number; name: string }[];
  deprecatedColumns: string[];
  errors: { line: number; column: string | null; field: string | null; code: string; message: string }[];
  errorsTotal: number;
  rejectedCsv: string | null;
};

/** Imported (committed), or refused because rows are not valid (nothing stored): both have a result. */
export type THtcdsImportOutcome = { result: THtcdsImportResult; refusal: string | null };

async function uploadHtcds(
  file: File,
  mode: THtcdsImportMode,
  csrfToken: string | null,
  locale: TStaffLocale,
): Promise<THtcdsImportOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/htcds/import?mode=${mode}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        // whatever the browser guessed (a .csv is often application/vnd.ms-excel)
        'Content-Type': 'text/csv',
        Accept: 'application/json',
        'Accept-Language': locale,
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  const data = (await response.json().catch(() => null)) as
    | (THtcdsImportResult & { error?: undefined })
    | { error?: { code?: string; message?: string }; result?: THtcdsImportResult }
    | null;
  if (response.ok && data && !data.error) return { result: data as THtcdsImportResult, refusal: null };
  const error = data?.error;
  if (data && 'result' in data && data.result) return { result: data.result, refusal: error?.message ?? '' };
  throw new ApiError(response.status, error?.code ?? `http.${response.status}`, error?.message ?? '');
}

export function useImportHtcds(locale: TStaffLocale) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: THtcdsImportMode }) =>
      uploadHtcds(file, mode, client.getQueryData<TSession | null>(SESSION_KEY)?.csrfToken ?? null, locale),
    // new cases: lists and counts are out of date
    onSuccess: (outcome) =>
      outcome.result.committed && outcome.result.imported > 0
        ? client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' })
        : undefined,
  });
}

/** Saves text as a file through a temporary link (no navigation). */
export function saveText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
