import type { MspConfig } from '../../../src-shared/config.js';

export type FolderMapping = MspConfig['capture']['mappings'][number];

/**
 * A folder path in a comparable form: forward slashes, no trailing slash, and lower case for
 * Windows paths (drive letters or backslashes), whose file systems ignore case.
 */
export function comparablePath(dir: string): string {
  const windows = /^[A-Za-z]:[\\/]/.test(dir) || dir.includes('\\');
  const slashed = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  return windows ? slashed.toLowerCase() : slashed || '/';
}

/** The mapping of the deepest mapped folder containing `cwd` (longest prefix wins), if any. */
export function mappingFor(cwd: string, mappings: readonly FolderMapping[]): FolderMapping | undefined {
  const here = comparablePath(cwd);
  let best: FolderMapping | undefined;
  let bestLength = -1;
  for (const mapping of mappings) {
    const dir = comparablePath(mapping.dir);
    const inside = here === dir || here.startsWith(dir === '/' ? '/' : `${dir}/`);
    if (inside && dir.length > bestLength) {
      best = mapping;
      bestLength = dir.length;
    }
  }
  return best;
}
