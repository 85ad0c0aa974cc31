// A case's attachments and its PDF summary. Uploads send the file itself as the request body (not
// JSON, not multipart), with its content type and the CSRF token; downloads come back as blobs and
// are saved through a temporary link (the server always answers with Content-Disposition: attachment).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TStaffLocale } from '../../../shared/locales';
import { ATTACHMENT_MIME_TYPES, type TAttachment } from '../../../shared/schemas/case-file';
import { api, ApiError, NETWORK_ERROR } from './client';
import { SESSION_KEY } from './session';
import type { TSession } from './types';

export type TListedAttachment = TAttachment & { createdByName: string | null };
export type TAttachmentKind = TAttachment['kind'];
export type TAttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];

// Under the case's own key (['case', id], the case page): refreshing the case refreshes the list, and a
// change here refreshes the case's timeline.
const caseKey = (caseId: string) => ['case', caseId] as const;
const listKey = (caseId: string) => [...caseKey(caseId), 'attachments'] as const;
const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export const useAttachments = (caseId: string, enabled: boolean) =>
  useQuery({
    queryKey: listKey(caseId),
    queryFn: ({ signal }) => api.get<TListedAttachment[]>(`${base(caseId)}/attachments`, signal),
    enabled,
  });

async function failure(response: Response): Promise<ApiError> {
  const data = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  return new ApiError(
    response.status,
    data?.error?.code ?? `http.${response.status}`,
    data?.error?.message ?? '',
  );
}

async function send(path: string, init: RequestInit, locale: TStaffLocale): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: { 'Accept-Language': locale, ...(init.headers as Record<string, string>) },
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  if (!response.ok) throw await failure(response);
  return response;
}

/** POST the file as the raw body: `?kind=…&filename=…`, Content-Type = the checked type. */
export function uploadAttachment(
  caseId: string,
  input: { file: Blob; mime: TAttachmentMime; filename: string; kind: TAttachmentKind },
  csrfToken: string | null,
  locale: TStaffLocale,
): Promise<TListedAttachment> {
  const q = new URLSearchParams({ kind: input.kind, filename: input.filename });
  return send(
    `${base(caseId)}/attachments?${q.toString()}`,
    {
      method: 'POST',
      body: input.file,
      headers: {
        'Content-Type': input.mime,
        Accept: 'application/json',
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
    },
    locale,
  ).then((r) => r.json() as Promise<TListedAttachment>);
}

export function useUploadAttachment(caseId: string, locale: TStaffLocale) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof uploadAttachment>[1]) =>
      uploadAttachment(
        caseId,
        input,
        client.getQueryData<TSession | null>(SESSION_KEY)?.csrfToken ?? null,
        locale,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

export function useDeleteAttachment(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      api.delete<void>(`${base(caseId)}/attachments/${encodeURIComponent(attachmentId)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

/** Saves a blob under a name through a temporary link (no navigation, nothing inline). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The name the server offers in Content-Disposition (filename*), else the fallback. */
function offeredName(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // a malformed name: use the plain one
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

export async function downloadAttachment(
  caseId: string,
  attachmentId: string,
  locale: TStaffLocale,
): Promise<void> {
  const response = await send(
    `${base(caseId)}/attachments/${encodeURIComponent(attachmentId)}/content`,
    {},
    locale,
  );
  saveBlob(await response.blob(), offeredName(response, 'attachment'));
}

/** The case summary as a PDF in the UI language (the export is on the case's timeline). */
export function useDownloadSummaryPdf(caseId: string, locale: TStaffLocale) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const response = await send(
        `${base(caseId)}/summary.pdf`,
        { headers: { Accept: 'application/pdf' } },
        locale,
      );
      saveBlob(await response.blob(), offeredName(response, 'summary.pdf'));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(caseId), exact: true }),
  });
}

/** The type a chosen file will be sent as: the browser's, or (when it gives none) its extension's. */
export function fileMime(file: File): TAttachmentMime | null {
  const byType = (ATTACHMENT_MIME_TYPES as readonly string[]).includes(file.type)
    ? (file.type as TAttachmentMime)
    : null;
  if (byType || file.type) return byType;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const byExt: Record<string, TAttachmentMime> = {
    pdf: 'application/pdf',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    webp: 'image/webp',
  };
  return ext ? (byExt[ext] ?? null) : null;
}
