import { describe, expect, it, beforeAll } from 'vitest';
import { addSealKey, newKeyringFile, parseEnvKey, toKeyring } from './keyring';
import { initCrypto, Sealer } from './seal';


describe('Sealer', () => {
  beforeAll(initCrypto);
  const k = toKeyring(newKeyringFile(), 'env');

  it('round-trips Kazakh text and never stores the plaintext', () => {
    const s = new Sealer(k);
    const sealed = s.seal('Гүлдана Тілегенова', 'users.full_name');
    expect(Buffer.from(sealed).includes(Buffer.from('Тілегенова'))).toBe(false);
    expect(s.open(sealed, 'users.full_name')).toBe('Гүлдана Тілегенова');
  });

  it('uses a fresh nonce each time', () => {
    const s = new Sealer(k);
    expect(Buffer.from(s.seal('x', 'c')).equals(Buffer.from(s.seal('x', 'c')))).toBe(false);
  });

  it('refuses a value moved to another column or tampered with', () => {
    const s = new Sealer(k);
    const sealed = s.seal('secret', 'users.full_name');
    expect(() => s.open(sealed, 'users.email')).toThrow();
    const bad = Buffer.from(sealed);
    bad.writeUInt8(bad.readUInt8(bad.length - 1) ^ 1, bad.length - 1);
    expect(() => s.open(bad, 'users.full_name')).toThrow();
  });

  it('opens values of an old key after rotation and seals with the new one', () => {
    const old = new Sealer(k);
    const sealed = old.seal('v', 'c');
    const rotated = new Sealer(addSealKey(k));
    expect(rotated.open(sealed, 'c')).toBe('v');
    expect(rotated.keyIdOf(rotated.seal('v', 'c'))).toBe('k2');
  });

  it('makes equal blind indexes for equal values only, per purpose and key', () => {
    const s = new Sealer(k);
    expect(Buffer.from(s.blindIndex('+77011234567', 'phone'))).toEqual(Buffer.from(s.blindIndex('+77011234567', 'phone')));
    expect(Buffer.from(s.blindIndex('+77011234567', 'phone'))).not.toEqual(Buffer.from(s.blindIndex('+77011234568', 'phone')));
    expect(Buffer.from(s.blindIndex('x', 'phone'))).not.toEqual(Buffer.from(s.blindIndex('x', 'doc')));
    const other = new Sealer({ ...k, indexKey: new Uint8Array(32) });
    expect(Buffer.from(other.blindIndex('x', 'phone'))).not.toEqual(Buffer.from(s.blindIndex('x', 'phone')));
  });

  it('derives a whole keyring from one master key', () => {
    const f = parseEnvKey(Buffer.alloc(32, 7).toString('base64'));
    expect(f.seal.current).toBe('k1');
    expect(f.index).not.toBe(f.audit);
    expect(() => parseEnvKey('short')).toThrow(/32 bytes/);
  });
});
