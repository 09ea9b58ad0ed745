import { MspError } from '../../core/errors.js';

/**
 * Merging MSP Mode's hook handlers into a Claude Code settings object, and taking them out again.
 * Pure functions: the input is never mutated; the result says whether anything changed.
 *
 * Shape: {"hooks":{"<Event>":[{"matcher":"...","hooks":[{"type":"command","command":"...","timeout":N}]}]}}.
 * Our handlers live in matcher groups of their own (never inside a user's group), one per event.
 * A handler is recognised as ours when its `command` is the hook command passed in, or when the
 * command runs a `hook.sh` and ends with the MSP_HOOK_MARKER shell comment (so handlers pointing
 * at an older data dir are found too). Nothing else in the settings is ever touched.
 */

export const MSP_HOOK_MARKER = '# msp-mode-hook';

/** The hook command for a data dir: `bash '<dataDir>/hook.sh' # msp-mode-hook` (path single-quoted). */
export function mspHookCommand(dataDir: string): string {
  const script = `${dataDir.replace(/\\/g, '/').replace(/\/+$/, '')}/hook.sh`;
  return `bash '${script.replace(/'/g, `'\\''`)}' ${MSP_HOOK_MARKER}`;
}

interface HookSpec { event: string; matcher?: string; timeout: number }

/** The events MSP Mode records, with their matchers and timeouts (seconds). */
export const MSP_HOOK_EVENTS: readonly HookSpec[] = [
  { event: 'SessionStart', timeout: 5 },
  { event: 'UserPromptSubmit', timeout: 3 },
  { event: 'PreToolUse', matcher: 'Bash|PowerShell', timeout: 3 },
  { event: 'PostToolUse', matcher: 'Bash|PowerShell|Write|Edit|MultiEdit|NotebookEdit', timeout: 3 },
  { event: 'PostToolUseFailure', matcher: 'Bash|PowerShell', timeout: 3 },
  { event: 'Stop', timeout: 3 },
  { event: 'SubagentStop', timeout: 3 },
  { event: 'PreCompact', timeout: 3 },
  { event: 'SessionEnd', timeout: 2 },
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

function fail(message: string): never {
  throw new MspError('bad_input', `${message}; nothing was changed`, 'settings');
}

/** Checks the settings shape and returns a deep copy with its hooks object (if any). */
function validated(settings: unknown): { copy: Json; hooks: Record<string, unknown[]> | undefined } {
  if (!isObject(settings)) fail(`the settings must be a JSON object (got ${describe(settings)})`);
  const copy = structuredClone(settings);
  const hooks = copy.hooks;
  if (hooks === undefined) return { copy, hooks: undefined };
  if (!isObject(hooks)) fail(`"hooks" must be an object of arrays (got ${describe(hooks)})`);
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) fail(`"hooks.${event}" must be an array of matcher groups (got ${describe(groups)})`);
  }
  return { copy, hooks: hooks as Record<string, unknown[]> };
}

function isOurs(handler: unknown, hookCommand: string | undefined): boolean {
  if (!isObject(handler) || typeof handler.command !== 'string') return false;
  const command = handler.command.trim();
  if (hookCommand !== undefined && command === hookCommand.trim()) return true;
  return command.endsWith(MSP_HOOK_MARKER) && command.includes('hook.sh');
}

/** Removes our handlers from one event's groups; groups emptied by it go, a user's own groups stay as they are. */
function stripGroups(groups: unknown[], hookCommand: string | undefined): { groups: unknown[]; removed: number } {
  let removed = 0;
  const kept: unknown[] = [];
  for (const group of groups) {
    if (!isObject(group) || !Array.isArray(group.hooks)) {
      kept.push(group);
      continue;
    }
    const handlers = group.hooks.filter((h) => !isOurs(h, hookCommand));
    const count = group.hooks.length - handlers.length;
    removed += count;
    if (count === 0) kept.push(group);
    else if (handlers.length > 0) kept.push({ ...group, hooks: handlers });
  }
  return { groups: kept, removed };
}

function ourGroup(spec: HookSpec, hookCommand: string): Json {
  return { ...(spec.matcher ? { matcher: spec.matcher } : {}), hooks: [{ type: 'command', command: hookCommand, timeout: spec.timeout }] };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Adds one MSP Mode handler per event. Idempotent: an event that already holds exactly our group
 * (and no other handler of ours) is left where it is; stale handlers of ours are replaced.
 */
export function mergeMspHooks(settings: unknown, hookCommand: string): { settings: object; changed: boolean } {
  const { copy, hooks } = validated(settings);
  const merged: Record<string, unknown[]> = hooks ?? {};
  for (const spec of MSP_HOOK_EVENTS) {
    const groups = merged[spec.event] ?? [];
    const wanted = ourGroup(spec, hookCommand);
    const { groups: others, removed } = stripGroups(groups, hookCommand);
    if (removed === 1 && groups.some((g) => same(g, wanted))) continue;
    merged[spec.event] = [...others, wanted];
  }
  copy.hooks = merged;
  const changed = !same(copy, settings);
  return { settings: changed ? copy : structuredClone(settings as Json), changed };
}

/** Hook containers that are empty already (kept by removeMspHooks so uninstall restores them). */
export interface EmptyContainers { hooks: boolean; events: string[] }

export function emptyHookContainers(settings: unknown): EmptyContainers {
  if (!isObject(settings) || !isObject(settings.hooks)) return { hooks: false, events: [] };
  const hooks = settings.hooks;
  return {
    hooks: Object.keys(hooks).length === 0,
    events: Object.entries(hooks).filter(([, groups]) => Array.isArray(groups) && groups.length === 0).map(([event]) => event),
  };
}

/**
 * Removes every MSP Mode handler (all events, not only ours today), the groups it leaves empty, and
 * the event arrays and `hooks` object left empty, except containers listed in `keepEmpty` (those
 * that were empty before install). A user's own handlers, groups and keys are untouched.
 */
export function removeMspHooks(settings: unknown, options: { hookCommand?: string; keepEmpty?: EmptyContainers } = {}): { settings: object; changed: boolean } {
  const { copy, hooks } = validated(settings);
  if (!hooks) return { settings: copy, changed: false };
  let removedAny = false;
  const remaining: Record<string, unknown[]> = {};
  for (const [event, groups] of Object.entries(hooks)) {
    const { groups: kept, removed } = stripGroups(groups, options.hookCommand);
    if (removed > 0) removedAny = true;
    if (removed === 0 || kept.length > 0 || options.keepEmpty?.events.includes(event)) remaining[event] = kept;
  }
  if (!removedAny) return { settings: copy, changed: false };
  copy.hooks = remaining;
  const keepHooks = Object.keys(remaining).length > 0 || options.keepEmpty?.hooks === true;
  return { settings: keepHooks ? copy : Object.fromEntries(Object.entries(copy).filter(([key]) => key !== 'hooks')), changed: true };
}
