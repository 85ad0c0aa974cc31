import crypto from 'node:crypto';
import sodium from 'libsodium-wrappers';
import type { TKeyring } from '../../crypto/keyring';
import { Sealer } from '../../crypto/seal';

/**
 * The app's Sealer, for millions of values: the same algorithm, key, associated data and layout
 * (server/crypto/seal.ts; the generator's tests open its values with the app's Sealer), with the
 * 24-byte nonce drawn from Node's CSPRNG in one call. libsodium.js draws a nonce byte by byte
 * through JavaScript (about 25 calls into Node's crypto), which is most of the cost of a seal.
 */
export class BulkSealer extends Sealer {
  private readonly key: Uint8Array;
  private readonly header: Buffer;

  constructor(keyring: TKeyring) {
    super(keyring);
    const keyId = keyring.sealCurrent;
    this.key = keyring.sealKeys.get(keyId)!;
    const id = Buffer.from(keyId, 'ascii');
    this.header = Buffer.concat([Buffer.from([1, id.length]), id]);
  }

  override seal(plaintext: string, context: string): Uint8Array {
    const nonce = crypto.randomBytes(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const cipher = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      Buffer.from(plaintext, 'utf8'),
      Buffer.from(context, 'utf8'),
      null,
      nonce,
      this.key,
    );
    return Buffer.concat([this.header, nonce, cipher]);
  }

  override sealNullable(plaintext: string | null | undefined, context: string): Uint8Array | null {
    return plaintext == null ? null : this.seal(plaintext, context);
  }
}
