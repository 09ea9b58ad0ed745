// Claude Code hook input, as the hooks reference describes it (../shared/claude-code-hooks.md).
// Parsed tolerantly: unknown keys are kept out of the way, optional keys may be missing, and
// builds that lack newer fields still parse. Only what MSP Mode records is checked.
import { z } from 'zod';

const text = z.string().max(1_000_000);
const optionalText = text.optional();

/** Fields every hook event carries. */
const common = {
  session_id: z.string().min(1).max(200),
  transcript_path: optionalText,
  cwd: z.string().max(4096).default(''),
  prompt_id: z.string().max(200).optional(),
  permission_mode: z.string().max(64).optional(),
  agent_id: z.string().max(200).optional(),
  agent_type: z.string().max(200).optional(),
};

const toolCommon = {
  ...common,
  tool_name: z.string().min(1).max(200),
  tool_use_id: z.string().max(200).optional(),
  tool_input: z.record(z.string(), z.unknown()).default({}),
  duration_ms: z.number().nonnegative().optional(),
};

export const sessionStartEvent = z.looseObject({ ...common, hook_event_name: z.literal('SessionStart'), source: z.string().max(32).default('startup'), model: optionalText });
export const userPromptEvent = z.looseObject({ ...common, hook_event_name: z.literal('UserPromptSubmit'), prompt: text.default('') });
export const preToolUseEvent = z.looseObject({ ...toolCommon, hook_event_name: z.literal('PreToolUse') });
export const postToolUseEvent = z.looseObject({ ...toolCommon, hook_event_name: z.literal('PostToolUse'), tool_response: z.unknown().optional() });
export const postToolUseFailureEvent = z.looseObject({
  ...toolCommon,
  hook_event_name: z.literal('PostToolUseFailure'),
  error: text.default(''),
  is_interrupt: z.boolean().optional(),
});
export const stopEvent = z.looseObject({ ...common, hook_event_name: z.enum(['Stop', 'SubagentStop']), last_assistant_message: optionalText });
export const preCompactEvent = z.looseObject({ ...common, hook_event_name: z.literal('PreCompact'), trigger: z.string().max(32).optional() });
export const sessionEndEvent = z.looseObject({ ...common, hook_event_name: z.literal('SessionEnd'), reason: z.string().max(64).optional() });

export const hookEvent = z.discriminatedUnion('hook_event_name', [
  sessionStartEvent, userPromptEvent, preToolUseEvent, postToolUseEvent, postToolUseFailureEvent, stopEvent, preCompactEvent, sessionEndEvent,
]);
export type HookEvent = z.infer<typeof hookEvent>;
export type HookEventName = HookEvent['hook_event_name'];

/** Shell tools: Bash everywhere, PowerShell on Windows. */
export const SHELL_TOOLS = new Set(['Bash', 'PowerShell']);
/** Tools that change files. */
export const FILE_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);

/** What the agent answers a hook with (Claude Code's JSON output). */
export const hookAnswer = z.object({
  hookSpecificOutput: z.object({ hookEventName: z.string(), additionalContext: z.string() }).optional(),
});
export type HookAnswer = z.infer<typeof hookAnswer>;
