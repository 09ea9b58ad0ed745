import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base32Decode, parseTotpSeed, totp } from '../../src-main/core/totp.js';

// RFC 6238 appendix B: the seeds are the ASCII bytes "12345678901234567890" (and longer for SHA-256/512).
const sha1Seed = Buffer.from('12345678901234567890');
const sha256Seed = Buffer.from('12345678901234567890123456789012');
const sha512Seed = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234');

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors for SHA-1, SHA-256 and SHA-512', () => {
    const vectors: [number, string, string, string][] = [
      [59, '94287082', '46119246', '90693936'],
      [1111111109, '07081804', '68084774', '25091201'],
      [1111111111, '14050471', '67062674', '99943326'],
      [1234567890, '89005924', '91819424', '93441116'],
      [2000000000, '69279037', '90698825', '38618901'],
      [20000000000, '65353130', '77737706', '47863826'],
    ];
    for (const [seconds, sha1, sha256, sha512] of vectors) {
      assert.equal(totp(sha1Seed, seconds * 1000, { digits: 8 }).code, sha1, `sha1 at ${seconds}`);
      assert.equal(totp(sha256Seed, seconds * 1000, { digits: 8, algorithm: 'sha256' }).code, sha256, `sha256 at ${seconds}`);
      assert.equal(totp(sha512Seed, seconds * 1000, { digits: 8, algorithm: 'sha512' }).code, sha512, `sha512 at ${seconds}`);
    }
  });

  it('reads base32 seeds as apps show them, and otpauth:// URIs', () => {
    assert.deepEqual(base32Decode('GEZD GNBV-GY3T QOJQ gezd gnbv gy3t qojq'), sha1Seed);
    const parsed = parseTotpSeed('otpauth://totp/ACME:admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME&digits=8&period=30');
    assert.equal(totp(parsed.secret, 59_000, parsed.options).code, '94287082');
    assert.equal(totp(sha1Seed, 59_000).secondsLeft, 1);
    assert.throws(() => base32Decode('not base32!'), /base32 text/);
  });
});
