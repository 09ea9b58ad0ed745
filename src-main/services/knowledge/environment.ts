import { MspError } from '../../core/errors.js';
import { oneLine } from '../../core/text.js';
import type { ServiceContext } from '../context.js';
import { machineProfile } from '../machine-profile.js';

const WORDS = 150;

interface Device { id: string; name: string; os: string | null; version: string | null; ps: string | null; role: string | null; notes: string | null }

/**
 * `msp env` (the seed's Environment Context): the constraints and warnings that matter before
 * working on a client or one of its devices: the device's OS and PowerShell, its environment
 * notes, learned insights, and commands known to fail there with what works instead; then this
 * machine's own limits. At most 150 words, facts only.
 */
export function environmentWarnings(context: ServiceContext, target: { clientId?: string; infra?: string }): string {
  const { store } = context;
  const lines: string[] = [];
  let devices: Device[] = [];
  const deviceSql = 'SELECT id, name, os_name AS os, os_version AS version, powershell_version AS ps, role, environmental_notes AS notes FROM infrastructure WHERE deleted = 0';
  if (target.infra !== undefined) {
    devices = store.prepared(`${deviceSql} AND normalized_name = lower(trim(?)) AND (client_id IS ? OR ? IS NULL)`).all(target.infra, target.clientId ?? null, target.clientId ?? null) as Device[];
    if (devices.length === 0) throw new MspError('not_found', `no device named "${target.infra}"${target.clientId ? ' for that client' : ''}: msp search "${target.infra}" --kind infra finds similar names`);
  } else if (target.clientId !== undefined) {
    devices = store.prepared(`${deviceSql} AND client_id = ? AND environmental_notes IS NOT NULL ORDER BY name LIMIT 4`).all(target.clientId) as Device[];
  }
  for (const device of devices.slice(0, 4)) {
    const platform = [device.os, device.version].filter(Boolean).join(' ');
    lines.push(`${device.name}${device.role ? ` (${device.role})` : ''}: ${platform || 'OS unknown'}${device.ps ? `, PowerShell ${device.ps}` : ''}${device.notes ? `. ${oneLine(device.notes, 140)}` : ''}`);
  }
  const ids = devices.map((d) => d.id);
  const scope = target.infra !== undefined ? `infrastructure_id IN (${ids.map(() => '?').join(', ')})` : 'client_id = ?';
  const scopeArgs = target.infra !== undefined ? ids : [target.clientId];
  if (target.infra !== undefined || target.clientId !== undefined) {
    const insights = store.prepared(`SELECT insight_text AS text FROM environmental_insights WHERE active = 1 AND deleted = 0 AND ${scope} ORDER BY evidence_count DESC LIMIT 3`).all(...scopeArgs) as { text: string }[];
    for (const insight of insights) lines.push(`Learned: ${oneLine(insight.text, 140)}`);
    const patterns = store
      .prepared(`SELECT example_command AS command, failure_category AS category, occurrence_count AS count, working_alternative AS alternative FROM failure_patterns WHERE deleted = 0 AND (${scope}${target.infra === undefined ? ' OR infrastructure_id IN (SELECT id FROM infrastructure WHERE client_id = ?)' : ''}) ORDER BY occurrence_count DESC LIMIT 3`)
      .all(...scopeArgs, ...(target.infra === undefined ? [target.clientId] : [])) as { command: string | null; category: string | null; count: number; alternative: string | null }[];
    for (const p of patterns) lines.push(`Fails: \`${oneLine(p.command ?? '?', 50)}\` (${(p.category ?? 'other').replace(/_/g, ' ')} ×${p.count})${p.alternative ? `; works: \`${oneLine(p.alternative, 60)}\`` : ''}`);
  }
  const capabilities = machineProfile(context).capabilities;
  if (capabilities) {
    const lacks = [capabilities.powershell.version ? null : 'PowerShell', capabilities.docker.available === false ? 'Docker' : null].filter(Boolean);
    lines.push(`This machine: ${capabilities.os.name} ${capabilities.os.version}, shell ${capabilities.preferredShell ?? 'unknown'}${lacks.length > 0 ? `; no ${lacks.join(', no ')}` : ''}.`);
  }
  if (lines.length === 0) return 'No environment constraints are recorded.';
  const kept: string[] = [];
  let words = 0;
  for (const line of lines) {
    const count = line.split(/\s+/).filter(Boolean).length;
    if (words + count > WORDS) continue;
    kept.push(line);
    words += count;
  }
  return kept.join('\n');
}
