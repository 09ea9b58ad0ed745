import { createHmac } from 'node:crypto';
import { MspError } from './errors.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (what authenticator apps show), spaces, dashes and padding ignored, any case. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (clean === '' || /[^A-Z2-7]/.test(clean)) throw new MspError('bad_input', 'a TOTP seed is base32 text (letters A-Z and digits 2-7), as authenticator apps show it', 'seed');
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export interface TotpOptions { digits?: number; periodS?: number; algorithm?: 'sha1' | 'sha256' | 'sha512' }

/** RFC 6238 time-based one-time password for the period containing `nowMs`, and seconds left in it. */
export function totp(secret: Buffer, nowMs: number, options: TotpOptions = {}): { code: string; secondsLeft: number } {
  const digits = options.digits ?? 6;
  const period = options.periodS ?? 30;
  const counter = Math.floor(nowMs / 1000 / period);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac(options.algorithm ?? 'sha1', secret).update(message).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = (((hmac[offset] ?? 0) & 0x7f) << 24) | ((hmac[offset + 1] ?? 0) << 16) | ((hmac[offset + 2] ?? 0) << 8) | (hmac[offset + 3] ?? 0);
  const code = String(binary % 10 ** digits).padStart(digits, '0');
  return { code, secondsLeft: period - (Math.floor(nowMs / 1000) % period) };
}

/** A seed as stored: plain base32, or an otpauth:// URI (its secret, digits, period, algorithm). */
export function parseTotpSeed(text: string): { secret: Buffer; options: TotpOptions } {
  if (!text.startsWith('otpauth://')) return { secret: base32Decode(text), options: {} };
  const url = new URL(text);
  const secret = url.searchParams.get('secret');
  if (!secret) throw new MspError('bad_input', 'the otpauth:// URI has no secret= parameter', 'seed');
  const algorithm = (url.searchParams.get('algorithm') ?? 'SHA1').toLowerCase();
  if (algorithm !== 'sha1' && algorithm !== 'sha256' && algorithm !== 'sha512') throw new MspError('bad_input', `unsupported TOTP algorithm ${algorithm}`, 'seed');
  return {
    secret: base32Decode(secret),
    options: { digits: Number(url.searchParams.get('digits') ?? 6), periodS: Number(url.searchParams.get('period') ?? 30), algorithm },
  };
}
