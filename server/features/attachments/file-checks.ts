import { ATTACHMENT_MIME_TYPES } from '../../../shared/schemas/case-file';

export type TAttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

/**
 * The content type a file's first bytes show, or null when it is none of the accepted ones. The
 * declared Content-Type must equal it: a renamed executable or an HTML page sent as a PNG is refused.
 */
export function sniffMime(bytes: Uint8Array): TAttachmentMime | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** The declared content type without parameters, if it is an accepted one. */
export function declaredMime(header: string | undefined): TAttachmentMime | null {
  const essence = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return (ATTACHMENT_MIME_TYPES as readonly string[]).includes(essence) ? (essence as TAttachmentMime) : null;
}

export const EXTENSION_OF: Record<TAttachmentMime, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export const FILENAME_MAX = 255;

/**
 * A file name as shown and offered on download: the last part of whatever path was sent (either
 * slash), without control, format (bidirectional overrides that disguise an extension) or
 * reserved characters, spaces collapsed, Unicode NFC, at most FILENAME_MAX characters. Null when
 * nothing usable remains ("", ".", "..").
 */
export function sanitiseFilename(raw: string): string | null {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned || /^\.+$/.test(cleaned)) return null;
  const chars = [...cleaned];
  return chars.length > FILENAME_MAX ? chars.slice(0, FILENAME_MAX).join('') : cleaned;
}

/**
 * Content-Disposition for a download: always `attachment` (the browser saves, never renders in our
 * origin), an ASCII fallback name and the real name in RFC 5987 form.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'file';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
