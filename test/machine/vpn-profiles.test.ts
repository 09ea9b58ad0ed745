import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { nodeFileAccess } from '../../src-main/machine/probe.js';
import { parseNmcliConnections, probeVpnProfiles, vpnSources } from '../../src-main/machine/vpn-profiles.js';
import { fakePrograms, tempDir, writeFiles } from './helpers.js';

const SECRET = 'PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';

test('VPN profile names come from wireguard, openvpn and Tunnelblick folders, never their contents', async (t) => {
  const root = tempDir(t);
  writeFiles(root, {
    'etc/wireguard/wg0.conf': `[Interface]\n${SECRET}\n`,
    'etc/wireguard/dataforth.conf': SECRET,
    'etc/wireguard/privatekey': SECRET,
    'etc/openvpn/client/acme-hq.ovpn': SECRET,
    'etc/openvpn/server/site.conf': SECRET,
    'etc/openvpn/keys/ca.crt': SECRET,
    'home/.openvpn/home.ovpn': SECRET,
    'tunnelblick/Glaztech.tblk/Contents/Resources/config.ovpn': SECRET,
  });
  const sources = {
    folders: [
      { kind: 'wireguard' as const, dir: path.join(root, 'etc/wireguard'), extensions: ['.conf'], depth: 0 },
      { kind: 'openvpn' as const, dir: path.join(root, 'etc/openvpn'), extensions: ['.ovpn', '.conf'], depth: 2 },
      { kind: 'openvpn' as const, dir: path.join(root, 'home/.openvpn'), extensions: ['.ovpn', '.conf'], depth: 1 },
      { kind: 'openvpn' as const, dir: path.join(root, 'tunnelblick'), extensions: ['.tblk'], depth: 0 },
      { kind: 'openvpn' as const, dir: path.join(root, 'missing'), extensions: ['.ovpn'], depth: 0 },
    ],
    phonebooks: [],
  };
  const errors: Record<string, string> = {};
  const profiles = await probeVpnProfiles({
    platform: 'darwin', env: { PATH: '' }, files: nodeFileAccess, run: noProgramMayRun, errors, timeoutMs: 500, sources,
  });
  assert.deepEqual(profiles, [
    { kind: 'wireguard', name: 'dataforth' },
    { kind: 'wireguard', name: 'wg0' },
    { kind: 'openvpn', name: 'acme-hq' },
    { kind: 'openvpn', name: 'site' },
    { kind: 'openvpn', name: 'home' },
    { kind: 'openvpn', name: 'Glaztech' },
  ]);
  assert.ok(!JSON.stringify(profiles).includes('PrivateKey'));
  assert.deepEqual(errors, {}, 'a missing folder is not an error');
});

function noProgramMayRun(): Promise<never> {
  return Promise.reject(new Error('no program should run here'));
}

test('an unreadable VPN folder is reported; a Windows phonebook yields its connection names', async (t) => {
  const root = tempDir(t);
  writeFiles(root, { 'rasphone.pbk': '[Acme VPN]\nPhoneNumber=vpn.acme.example\nUser=tech\n\n[Home Office]\nPhoneNumber=1.2.3.4\n' });
  const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  const errors: Record<string, string> = {};
  const profiles = await probeVpnProfiles({
    platform: 'linux',
    env: { PATH: '' },
    files: { ...nodeFileAccess, readDir: () => Promise.reject(denied) },
    run: noProgramMayRun,
    errors,
    timeoutMs: 500,
    sources: {
      folders: [{ kind: 'wireguard', dir: '/etc/wireguard', extensions: ['.conf'], depth: 0 }],
      phonebooks: [path.join(root, 'rasphone.pbk')],
    },
  });
  assert.deepEqual(profiles, [{ kind: 'other', name: 'Acme VPN' }, { kind: 'other', name: 'Home Office' }]);
  assert.equal(errors['vpn.wireguard'], 'permission denied (/etc/wireguard)');
});

test('NetworkManager VPN and WireGuard connections are listed by name from nmcli', async (t) => {
  const root = tempDir(t);
  const bin = fakePrograms(root, { nmcli: '' });
  const calls: string[][] = [];
  const run = (command: string, args: string[]) => {
    calls.push([command, ...args]);
    const stdout = 'Wired connection 1:802-3-ethernet\nAcme\\: HQ:vpn\nwg-home:wireguard\nlo:loopback\n';
    return Promise.resolve({ stdout, stderr: '', exitCode: 0 });
  };
  const profiles = await probeVpnProfiles({
    platform: 'linux', env: { PATH: bin }, files: nodeFileAccess, run, errors: {}, timeoutMs: 500,
    sources: { folders: [], phonebooks: [] },
  });
  assert.deepEqual(profiles, [{ kind: 'networkmanager', name: 'Acme: HQ' }, { kind: 'networkmanager', name: 'wg-home' }]);
  assert.deepEqual(calls, [[path.join(bin, 'nmcli'), '-t', '-f', 'NAME,TYPE', 'connection', 'show']]);
});

test('nmcli output with escaped backslashes and blank lines parses to names', () => {
  assert.deepEqual(parseNmcliConnections('C\\\\share vpn:vpn\n\n'), [{ kind: 'networkmanager', name: 'C\\share vpn' }]);
});

test('the usual VPN folders are searched per platform', () => {
  const linux = vpnSources('linux', {}, '/home/tech');
  assert.deepEqual(linux.folders.map((folder) => folder.dir), ['/etc/wireguard', '/etc/openvpn', '/home/tech/.openvpn']);
  const windows = vpnSources('win32', { ProgramFiles: 'C:\\Program Files', APPDATA: 'C:\\Users\\tech\\AppData\\Roaming' }, 'C:\\Users\\tech');
  assert.ok(windows.folders.some((folder) => folder.dir === 'C:\\Users\\tech\\OpenVPN\\config'));
  assert.ok(windows.folders.some((folder) => folder.dir === 'C:\\Program Files\\OpenVPN\\config'));
  assert.ok(windows.phonebooks.includes('C:\\Users\\tech\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk'));
  const mac = vpnSources('darwin', {}, '/Users/tech');
  assert.ok(mac.folders.some((folder) => folder.dir === '/Users/tech/Library/Application Support/Tunnelblick/Configurations'));
});
