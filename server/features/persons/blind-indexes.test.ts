import { beforeAll, describe, expect, it } from 'vitest';
import { newKeyringFile, toKeyring } from '../../crypto/keyring';
import { initCrypto, Sealer } from '../../crypto/seal';
import { documentIndex, nameTokenIndexes, nameTokens, phoneIndex } from './blind-indexes';

const hex = (xs: Uint8Array[]) => xs.map((x) => Buffer.from(x).toString('hex')).sort();

describe('blind indexes of identity values', () => {
  beforeAll(initCrypto);
  const sealer = new Sealer(toKeyring(newKeyringFile(), 'env'));

  it('gives "Гульдан Тлегенова", "Guldan Tlegenova" and "Gul\'dan Tlegenova" the same name token indexes', () => {
    expect(nameTokens('Гульдан Тлегенова')).toEqual(['guldan', 'tlegenova']);
    const cyrillic = hex(nameTokenIndexes(sealer, 'Гульдан', 'Тлегенова'));
    expect(hex(nameTokenIndexes(sealer, 'Guldan Tlegenova'))).toEqual(cyrillic);
    expect(hex(nameTokenIndexes(sealer, "Gul'dan", 'TLEGENOVA'))).toEqual(cyrillic);
    expect(cyrillic).toHaveLength(2);
    expect(hex(nameTokenIndexes(sealer, 'Гүлдана Тлегенова'))).not.toEqual(cyrillic);
  });

  it('indexes a phone however it is written, and a document number with look-alike letters', () => {
    const a = phoneIndex(sealer, '8 (701) 234-56-78');
    expect(a).not.toBeNull();
    expect(Buffer.from(phoneIndex(sealer, '+7 701 234 5678')!).equals(Buffer.from(a!))).toBe(true);
    expect(phoneIndex(sealer, 'no phone')).toBeNull();
    expect(Buffer.from(documentIndex(sealer, 'N 12-34-56')!).equals(Buffer.from(documentIndex(sealer, 'n123456')!))).toBe(true);
    expect(documentIndex(sealer, ' - ')).toBeNull();
  });

  it('depends on the index key: another keyring gives other indexes', () => {
    const other = new Sealer(toKeyring(newKeyringFile(), 'env'));
    expect(hex(nameTokenIndexes(other, 'Guldan'))).not.toEqual(hex(nameTokenIndexes(sealer, 'Guldan')));
  });
});
