import crypto from 'node:crypto';
import sodium from 'libsodium-wrappers';
import type { TKeyring } from './keyring';

// Sealed values: XChaCha20-Poly1305 (libsodium), a fresh 24-byte nonce each time, and the column's
// name as associated data so a value cannot be moved to another column unnoticed.
// Layout: 0x01 | key-id length | key id (ascii) | nonce (24) | ciphertext + tag (16).

const FORMAT = 1;
let ready = false;

export async function initCrypto(): Promise<void> {
  await sodium.ready;
  ready = true;
}

function assertReady(): void {
  if (!ready) throw new Error('initCrypto() must be awaited before sealing');
}

export class Sealer {
  constructor(private readonly keyring: TKeyring) {}

  get currentKeyId(): string {
    return this.keyring.sealCurrent;
  }

  seal(plaintext: string, context: string): Uint8Array {
    assertReady();
    const keyId = this.keyring.sealCurrent;
    const key = this.keyring.sealKeys.get(keyId)!;
    // Node's CSPRNG in one call (libsodium.js's randombytes asks it four bytes at a time); same 24 bytes.
    const nonce = crypto.randomBytes(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const cipher = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      sodium.from_string(plaintext),
      sodium.from_string(context),
      null,
      nonce,
      key,
    );
    const id = Buffer.from(keyId, 'ascii');
    return Buffer.concat([Buffer.from([FORMAT, id.length]), id, nonce, cipher]);
  }

  open(sealed: Uint8Array, context: string): string {
    assertReady();
    const buf = Buffer.from(sealed);
    if (buf[0] !== FORMAT) throw new Error('unknown sealed value format');
    const idLen = buf[1]!;
    const keyId = buf.subarray(2, 2 + idLen).toString('ascii');
    const key = this.keyring.sealKeys.get(keyId);
    if (!key) throw new Error(`sealing key ${keyId} is not in the keyring`);
    const nonceEnd = 2 + idLen + sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      buf.subarray(nonceEnd),
      sodium.from_string(context),
      buf.subarray(2 + idLen, nonceEnd),
      key,
    );
    return sodium.to_string(plain);
  }

  keyIdOf(sealed: Uint8Array): string {
    const buf = Buffer.from(sealed);
    return buf.subarray(2, 2 + buf[1]!).toString('ascii');
  }

  sealNullable(plaintext: string | null | undefined, context: string): Uint8Array | null {
    return plaintext == null ? null : this.seal(plaintext, context);
  }

  openNullable(sealed: Uint8Array | null | undefined, context: string): string | null {
    return sealed == null ? null : this.open(sealed, context);
  }

  /**
   * A keyed blind index (HMAC-SHA-256, 16 bytes) for exact look-ups of a sealed value. The caller
   * normalises the value first (case, spaces, script); the purpose separates index families.
   */
  blindIndex(normalisedValue: string, purpose: string): Uint8Array {
    return crypto
      .createHmac('sha256', this.keyring.indexKey)
      .update(purpose)
      .update('\0')
      .update(normalisedValue)
      .digest()
      .subarray(0, 16);
  }
}
