/**
 * The slash commands and subagents MSP Mode installs into a `.claude` folder. Every file carries
 * INSTALL_MARKER so uninstall deletes only files MSP Mode wrote.
 */

export const INSTALL_MARKER = '<!-- installed by MSP Mode -->';

export interface ClaudeFile { path: string; content: string }

/** `"node" "launcher"`: absolute paths, so nothing depends on PATH. */
function invocation(launcher: { node: string; msp: string }): string {
  return `"${launcher.node}" "${launcher.msp}"`;
}

function frontmatter(fields: Record<string, string>): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${/^[\w ./,()-]*$/.test(value) ? value : JSON.stringify(value)}`);
  return ['---', ...lines, '---', INSTALL_MARKER, ''].join('\n');
}

export function slashCommands(launcher: { node: string; msp: string }): ClaudeFile[] {
  const msp = invocation(launcher);
  const allowed = `Bash(${msp} *)`;
  const command = (name: string, description: string, hint: string | undefined, body: string[]): ClaudeFile => ({
    path: `commands/${name}.md`,
    content: `${frontmatter({ description, ...(hint ? { 'argument-hint': hint } : {}), 'allowed-tools': allowed })}${body.join('\n')}\n`,
  });
  return [
    command('msp', 'MSP Mode: start billable client work for a client', '<client>', [
      `!\`${msp} start msp --client "$0"\``,
      '',
      'The MSP Mode session above is now active: work in this conversation is recorded as that client\'s billable work.',
      `A project can be named with: ${msp} start msp --client "<client>" --project "<project>".`,
    ]),
    command('dev', 'MSP Mode: start project (development) work', '<project>', [
      `!\`${msp} start dev --project "$0"\``,
      '',
      'The MSP Mode dev session above is now active (not billable unless started with --billable).',
    ]),
    command('normal', 'MSP Mode: start normal work (neither client nor project work)', undefined, [
      `!\`${msp} start normal\``,
      '',
      'The MSP Mode session above is now active: nothing is billed.',
    ]),
    command('msp-end', 'MSP Mode: end the active session with a summary of what was done', '<summary of what was done>', [
      `!\`${msp} end --summary "$ARGUMENTS"\``,
      '',
      'The MSP Mode session above is ended; its summary is kept verbatim for the next session.',
    ]),
  ];
}

interface AgentSpec { name: string; description: string; run: string[]; returns: string; planned?: boolean }

const AGENTS: AgentSpec[] = [
  { name: 'machine-detection', description: 'Identifies this machine for MSP Mode: OS, shells, Docker, PowerShell, package managers, VPN profiles, MCP servers. Use before running machine-specific commands.', run: ['machine'], returns: 'a plain-text machine profile of about 20 lines (use --json for the object)' },
  { name: 'environment-context', description: 'Gathers the MSP Mode context for a client: this machine, recent sessions, open tasks and environment notes. Use when starting client work.', run: ['context --client "<client>"'], returns: 'at most 300 words of facts about the client and this machine' },
  { name: 'context-recovery', description: 'Recovers what happened in earlier MSP Mode sessions for a client, with their summaries. Use to resume interrupted work.', run: ['sessions --client "<client>" --limit 10', 'context --client "<client>"'], returns: 'one line per session (newest first, with its summary), then at most 300 words of context' },
  { name: 'work-categorization', description: 'Reports the active MSP Mode session: mode (msp, dev, normal), client, project, billable and elapsed minutes. Use to check how current work is categorized.', run: ['status'], returns: 'one line describing the active session, or that none is active' },
  { name: 'session-summary', description: 'Ends the active MSP Mode session with a concise summary of the work done. Use when the work for a client is finished.', run: ['end --summary "<what was done, what is left>"'], returns: 'one line naming the ended session and its minutes; write the summary as 1-5 factual sentences' },
  { name: 'credential-retrieval', description: 'Finds which stored credential applies (client, device, username, URL, whether this machine holds the secret). Use when a task needs a login that the technician stored.', run: ['cred list --client "<client>"', 'cred get "<name or id>" --field username'], returns: 'one masked line per credential (never a secret); the technician reveals a secret with msp cred get ID, which is audited, and it must never be echoed into summaries' },
  { name: 'credential-storage', description: 'Stores a credential for a client in the MSP Mode vault (OS keychain). Use when the technician gives a new or changed login to keep.', run: ['cred add "<name>" --client "<client>" --username "<user>" [--url URL] [--kind password|api_key|ssh_key|totp_seed]', 'cred rotate "<name or id>"'], returns: 'one line confirming what was stored and its id (never the secret: the technician types it at the hidden prompt)' },
  { name: 'historical-search', description: 'Searches past MSP Mode sessions, commands and notes across clients. Use to find how something was done before.', run: ['search "<words>" [--client "<client>"]', 'sessions --client "<client>"'], returns: 'a dense answer of at most 300 words: matching sessions with dates, ids, outcomes and the commands that matched (--page N for more)' },
  { name: 'integration-workflow', description: 'Runs an MSP Mode integration workflow (PSA, RMM, documentation tools) for a client. Use when work must be logged or synced to an external system.', run: ['integrations run "<workflow>" --client "<client>"'], returns: 'a dense answer of at most 300 words: what the workflow did and anything that failed', planned: true },
  { name: 'problem-pattern-matching', description: 'Matches the current error or symptom against problems MSP Mode has seen before and their fixes. Use when a failure looks familiar.', run: ['problems "<error text or symptom>"'], returns: 'a dense answer of at most 250 words: the 3 most similar recorded problems with their fixes, where and when they worked, and past failed commands with what worked next' },
  { name: 'database-query', description: 'Answers questions about recorded MSP Mode work: open tasks, sessions, billable time per client. Use for reports and status questions.', run: ['task list', 'sessions [--client "<client>"] [--from DATE] [--to DATE]', 'report [--client "<client>"] [--from DATE]'], returns: 'one line per task or session; report (planned) gives a dense answer of at most 300 words', planned: true },
  { name: 'failure-analysis', description: 'Analyzes failed commands recorded by MSP Mode and what fixed them before. Use after repeated command failures.', run: ['search "<command or error words>" --kind command', 'problems "<error text>"'], returns: 'dense answers (at most 300 and 250 words): the sessions where the command failed or ran, the recorded fixes of that error and the variants that worked next' },
  { name: 'integration-search', description: 'Finds which MSP Mode integrations (PSA, RMM, documentation, MCP servers) are available for a client or this machine. Use before an integration workflow.', run: ['integrations [--client "<client>"]', 'machine'], returns: 'a dense answer of at most 300 words listing the integrations and how to use them', planned: true },
];

export const AGENT_NAMES: readonly string[] = AGENTS.map((a) => a.name);

export function subagents(launcher: { node: string; msp: string }): ClaudeFile[] {
  const msp = invocation(launcher);
  return AGENTS.map((agent) => ({
    path: `agents/${agent.name}.md`,
    content: `${frontmatter({ name: agent.name, description: agent.description, tools: 'Bash' })}${[
      `You are the MSP Mode ${agent.name.replace(/-/g, ' ')} agent. Use the msp command line only (msp is ${msp}):`,
      '',
      ...agent.run.map((c) => `- ${msp} ${c}`),
      '',
      `It returns ${agent.returns}.`,
      ...(agent.planned ? ['', 'If this msp command is not available in this version yet (msp answers "unknown command"), say so in one line and stop.'] : []),
      '',
      'Answer the caller with the facts only, densely, in at most 300 words. Add --json to a command when you need exact fields.',
    ].join('\n')}\n`,
  }));
}
