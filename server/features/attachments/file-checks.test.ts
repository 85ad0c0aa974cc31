import { describe, expect, it } from 'vitest';
import { contentDisposition, declaredMime, FILENAME_MAX, sanitiseFilename, sniffMime } from './file-checks';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMime', () => {
  it('recognises the four accepted types by their first bytes, and nothing else', () => {
    expect(sniffMime(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMime(bytes([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffMime(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMime(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8L'))).toBe('image/webp');
    for (const other of [
      bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), // a sound file
      bytes('GIF89a'),
      bytes('<html>'),
      bytes(' %PDF-1.7'), // not at the start
      bytes([0x89, 0x50, 0x4e, 0x47]), // a truncated PNG signature
      bytes('MZ'),
      bytes(''),
    ]) {
      expect(sniffMime(other)).toBeNull();
    }
  });
});

describe('declaredMime', () => {
  it('takes the essence of an accepted content type', () => {
    expect(declaredMime('Image/PNG; charset=binary')).toBe('image/png');
    expect(declaredMime('application/pdf')).toBe('application/pdf');
    expect(declaredMime('image/svg+xml')).toBeNull();
    expect(declaredMime(undefined)).toBeNull();
  });
});

describe('sanitiseFilename', () => {
  it('keeps only the last part of a path and drops control and bidirectional characters', () => {
    expect(sanitiseFilename('C:\\Users\\Айгерім\\Desktop\\паспорт.pdf')).toBe('паспорт.pdf');
    expect(sanitiseFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFilename('a\tb\r\nc.png')).toBe('abc.png');
    expect(sanitiseFilename('  two   spaces .png ')).toBe('two spaces .png');
    expect(sanitiseFilename('what?<now>.pdf')).toBe('what__now_.pdf');
    expect(sanitiseFilename('Қазақ тілі.png')).toBe('Қазақ тілі.png');
    expect(sanitiseFilename('e\u0301.png')).toBe('\u00e9.png'); // NFC
  });
  it('refuses names with nothing usable left', () => {
    for (const bad of ['', '   ', '.', '..', '...', 'dir/', 'C:\\', '\u200b\u202e'])
      expect(sanitiseFilename(bad), bad).toBeNull();
  });
  it('cuts long names to FILENAME_MAX characters (not bytes)', () => {
    const long = 'ә'.repeat(FILENAME_MAX + 50);
    expect([...sanitiseFilename(long)!]).toHaveLength(FILENAME_MAX);
  });
});

describe('contentDisposition', () => {
  it('is always an attachment, with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('photo.png')).toBe(
      `attachment; filename="photo.png"; filename*=UTF-8''photo.png`,
    );
    const d = contentDisposition('Паспорт (копия).pdf');
    expect(d).toMatch(/^attachment; filename="_+ \(_+\)\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(d.split("UTF-8''")[1]!)).toBe('Паспорт (копия).pdf');
    expect(d.split("UTF-8''")[1]).not.toMatch(/[()' ]/);
  });
});
