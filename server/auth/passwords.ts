import crypto from 'node:crypto';
import argon2 from 'argon2';
import { LIMITS } from '../../shared/limits';

// argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes, 1 lane): ~30 ms here.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown e-mails cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(await dummy, password);
  return false;
}

const COMMON = new Set([
  'password1234', 'password12345', 'password123456', '123456789012', 'qwertyuiop12', 'qwerty123456',
  '111111111111', '000000000000', 'iloveyou1234', 'admin1234567', 'administrator', 'welcome12345',
  'letmein12345', 'passw0rd1234', 'parol1234567', 'пароль123456', 'qwertyqwerty', 'asdfghjkl123',
  '1q2w3e4r5t6y', 'zaq12wsxcde3', 'senim1234567', 'kazakhstan12', 'almaty123456', 'astana123456',
]);

/** At least the minimum length, not a known common password, not the e-mail itself. */
export function isAcceptablePassword(password: string, email?: string): boolean {
  if (password.length < LIMITS.passwordMin || password.length > LIMITS.passwordMax) return false;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return false;
  if (new Set(lower).size < 4) return false;
  if (email && lower.includes(email.toLowerCase().split('@')[0] ?? '\0') && lower.length < 20) return false;
  return true;
}

/** A temporary password an administrator reads out once: 4 groups, no look-alike letters. */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += alphabet[crypto.randomInt(alphabet.length)];
    groups.push(s);
  }
  return groups.join('-');
}
