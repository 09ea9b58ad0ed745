import { createHash } from 'node:crypto';
import { uuidv5 } from '../core/ids.js';
import type { SqliteDatabase } from '../store/database.js';
import type { DemoCatalog, DemoDevice } from './demo-catalog.js';
import type { OsProfile } from './demo-data.js';
import { demoInsert } from './demo-sql.js';
import type { FailureTemplate } from './demo-templates.js';

interface PatternStat {
  id: string;
  patternKey: string;
  template: FailureTemplate;
  platform: string;
  profile: OsProfile | null;
  device: DemoDevice | null;
  clientId: string | null;
  count: number;
  first: number;
  last: number;
  command: string;
  error: string;
}

/** Categories whose working alternative is worth an insight for the whole platform. */
const PLATFORM_LESSONS = new Set(['command_not_found', 'version_compatibility', 'authentication']);

/**
 * Counts failures by pattern while the history is written, then writes the failure_patterns and
 * the environmental_insights learnt from them. A failure that belongs to a device (its OS version,
 * its configuration) is keyed on the device; any other on the platform and OS version.
 */
export class PatternBook {
  private readonly patterns = new Map<string, PatternStat>();

  /** Returns the id of the pattern this failure is counted in. */
  record(template: FailureTemplate, platform: string, profile: OsProfile | null, device: DemoDevice | null, clientId: string | null, at: number, command: string, error: string): string {
    const perDevice = template.perDevice && device !== null;
    const osVersion = profile ? `${profile.osName} ${profile.osVersion}` : '';
    const key = perDevice ? `${template.index}|${device.id}` : `${template.index}|${platform}|${osVersion}`;
    const known = this.patterns.get(key);
    if (known) {
      known.count += 1;
      known.last = at;
      return known.id;
    }
    const infrastructureId = perDevice ? device.id : '';
    const patternKey = createHash('sha256').update(`${template.signature}|${platform}|${osVersion}|${infrastructureId}`).digest('hex');
    const stat: PatternStat = {
      id: uuidv5(patternKey), patternKey, template, platform, profile, device: perDevice ? device : null, clientId: perDevice ? clientId : null,
      count: 1, first: at, last: at, command, error,
    };
    this.patterns.set(key, stat);
    return stat.id;
  }

  write(sqlite: SqliteDatabase, originId: string, catalog: DemoCatalog, start: number): void {
    const patterns = demoInsert(sqlite, originId, 'failure_patterns', [
      'pattern_key', 'normalized_signature', 'platform', 'os_version', 'shell', 'infrastructure_id', 'client_id', 'failure_category', 'occurrence_count',
      'first_seen_at', 'last_seen_at', 'example_command', 'example_error', 'working_alternative', 'confidence',
    ]);
    const insights = demoInsert(sqlite, originId, 'environmental_insights', [
      'client_id', 'infrastructure_id', 'scope', 'platform', 'os_version', 'insight_text', 'evidence_count', 'source_pattern_id', 'first_seen_at', 'last_confirmed_at', 'active',
    ]);
    for (const p of this.patterns.values()) {
      const osVersion = p.profile ? `${p.profile.osName} ${p.profile.osVersion}` : null;
      const confidence = p.template.fix === null ? 0.3 : Math.min(0.95, 0.5 + 0.05 * p.count);
      patterns.run(p.id, p.first, p.last, p.last, p.patternKey, p.template.signature, p.platform, osVersion, p.template.shell, p.device?.id ?? null, p.clientId,
        p.template.category, p.count, p.first, p.last, p.command, p.error, p.template.fix, Math.round(confidence * 100) / 100);
      if (p.template.fix === null) continue;
      const seenAs = p.error.split('\n')[0]?.slice(0, 110) ?? '';
      if (p.device) {
        insights.run(uuidv5(`insight:${p.id}`), p.first, p.last, p.last, p.clientId, p.device.id, 'infrastructure', p.platform, osVersion,
          `${p.device.name} (${osVersion ?? p.platform}): ${p.template.fix}. Fails otherwise with: ${seenAs}`, p.count, p.id, p.first, p.last, 1);
      } else if (PLATFORM_LESSONS.has(p.template.category) && p.count >= 3) {
        insights.run(uuidv5(`insight:${p.id}`), p.first, p.last, p.last, null, null, 'platform', p.platform, osVersion,
          `${osVersion ?? p.platform}: ${p.template.fix}`, p.count, p.id, p.first, p.last, 1);
      }
    }
    for (const client of catalog.clients) {
      const { profile } = client;
      const lessons = [
        `Servers of ${profile.name} are reachable only over the "${profile.code} VPN": connect it before ssh, WinRM or RDP.`,
        `${profile.lobApp}: ask users to close it before updates or restarts of ${profile.code}-APP01 (database locks, corrupt company files).`,
        ...(profile.m365 ? [`${profile.name}: Microsoft 365 admin through GDAP only; conditional access blocks legacy sign-ins, so never pass -Credential.`] : []),
        ...(profile.legacy > 0.5 ? [`${profile.name} runs old and new Windows side by side: check the PowerShell version of the target before running a script.`] : []),
      ];
      lessons.forEach((text, index) => {
        const at = Math.max(client.from, start) + index * 86_400_000;
        insights.run(uuidv5(`insight:${client.id}:${index}`), at, at, at, client.id, null, 'client', null, null, text, 1 + index, null, at, at, 1);
      });
    }
    const general = [
      'Get-LocalUser, Get-SmbShare, Test-NetConnection and Invoke-WebRequest need PowerShell 3.0–5.1: on Server 2008 R2 use WMI and net commands.',
      'ReadyNAS and other SMB1-only devices cannot be mapped from Windows 11 without the SMB 1.0 client: map through a server instead.',
      'Old switch firmware offers only diffie-hellman-group1-sha1: enable it per host in ~/.ssh/config, never globally.',
    ];
    general.forEach((text, index) => {
      insights.run(uuidv5(`insight:general:${index}`), start, start, start, null, null, 'general', null, null, text, 5, null, start, start, 1);
    });
  }
}
