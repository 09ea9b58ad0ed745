import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { test } from 'node:test';
import { machineIdentity } from '../../src-main/machine/fingerprint.js';

test('the fingerprint of this machine is SHA-256 of hostname|username|platform|homedir from the os module', () => {
  const expected = createHash('sha256')
    .update([os.hostname(), os.userInfo().username, process.platform, os.homedir()].join('|'))
    .digest('hex');
  const identity = machineIdentity();
  assert.equal(identity.fingerprint, expected);
  assert.equal(identity.hostname, os.hostname());
  assert.equal(identity.username, os.userInfo().username);
  assert.equal(identity.platform, process.platform);
  assert.equal(identity.homeDir, os.homedir());
});

test("the seed's example machine gets the seed formula's hash", () => {
  const identity = machineIdentity({
    hostname: 'ACG-M-L5090',
    username: 'MikeSwanson',
    platform: 'win32',
    homeDir: 'C:\\Users\\MikeSwanson',
  });
  // printf '%s' 'ACG-M-L5090|MikeSwanson|win32|C:\Users\MikeSwanson' | sha256sum
  assert.equal(identity.fingerprint, '3ab18bfcae46e3f31d3d824b618c458d6c4f7dd90fd3c7e74e1aad98adb755da');
});

test('changing any one of the four facts changes the fingerprint', () => {
  const base = { hostname: 'h', username: 'u', platform: 'linux', homeDir: '/home/u' };
  const fingerprints = new Set([
    machineIdentity(base).fingerprint,
    machineIdentity({ ...base, hostname: 'h2' }).fingerprint,
    machineIdentity({ ...base, username: 'u2' }).fingerprint,
    machineIdentity({ ...base, platform: 'darwin' }).fingerprint,
    machineIdentity({ ...base, homeDir: '/home/u2' }).fingerprint,
  ]);
  assert.equal(fingerprints.size, 5);
  assert.match(machineIdentity(base).fingerprint, /^[0-9a-f]{64}$/);
});
