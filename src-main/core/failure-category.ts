/**
 * What kind of failure a failed shell command met, from its error text and exit code: the key under
 * which MSP Mode remembers what went wrong and what worked instead. Pure and fast (a few dozen
 * regex tests over at most ~20 kB).
 *
 * Order: specific phrases first (an ssh `Permission denied (publickey)` is authentication before
 * any generic "permission denied"), then the exit code (127 command not found, 126 permission,
 * 124 timeout, 130/137/143 and Windows' Ctrl+C status interrupted, 9009 cmd's "not recognized"),
 * then generic words. Decisions on ambiguous texts:
 * - "timed out" is timeout even when it is a connection that timed out; refused, unreachable,
 *   unresolvable and TLS/certificate trust problems are network;
 * - ssh `Host key verification failed` / `REMOTE HOST IDENTIFICATION HAS CHANGED` is
 *   authentication: the server could not prove who it is (the fix is known_hosts, not the network);
 * - a remote session refused with "Access is denied" (WinRM, psexec, `net use` error 5 is not one)
 *   is authentication: the credentials were not accepted there; a local "Access is denied" is
 *   permission_denied, as are sudo's "a password is required" and "not in the sudoers file";
 * - a missing package (`E: Unable to locate package`, `No match was found`) is command_not_found:
 *   the tool asked for does not exist where it was looked for; a PowerShell "is not recognized" is
 *   command_not_found unless the text itself names a version (`requires PowerShell 3.0`);
 * - "No such file or directory" is command_not_found only when the shell says it about the
 *   program it tried to run (`bash: ./run.sh: No such file or directory`), otherwise other;
 * - unknown/invalid/illegal options and parameters are syntax_error (the command line is wrong
 *   for this tool), "unsupported" / "requires a newer version" are version_compatibility, as are
 *   TLS handshakes an old .NET or ssh cannot make (`Could not create SSL/TLS secure channel`,
 *   `no matching key exchange method found`).
 */

export const FAILURE_CATEGORIES = [
  'command_not_found', 'permission_denied', 'syntax_error', 'network', 'timeout', 'authentication', 'version_compatibility', 'interrupted', 'other',
] as const;
export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

const EXIT_CODE = /^\s*Exit code (-?\d+)/;

/** Claude Code's PostToolUseFailure `error` starts "Exit code N", then the output. */
export function parseExitCode(error: string): number | null {
  const match = EXIT_CODE.exec(error);
  return match ? Number(match[1]) : null;
}

type Rule = readonly [FailureCategory, RegExp];

/** Specific phrases: they decide before the exit code does. */
const SPECIFIC: readonly Rule[] = [
  ['interrupted', /(?:^|\n)\s*\^C|interrupted by user|KeyboardInterrupt|operation (?:was )?cancell?ed by (?:the )?user|The pipeline has been stopped|(?:^|\n)\s*Killed\b|terminated by signal (?:SIGINT|SIGTERM|SIGKILL)/i],

  ['version_compatibility', /requires? (?:Windows )?PowerShell (?:version )?\d|#requires -version|cannot be run because it contained a "#requires" statement|is not supported on this (?:platform|version|edition|operating system)|PlatformNotSupportedException|This cmdlet requires \.NET|requires \.NET (?:Framework|Core|\d)|GLIBC(?:XX)?_[\d.]+'? not found|requires a newer version|not supported in this version|minimum (?:required )?version|is not compatible with (?:this|the installed|your)|no matching (?:key exchange method|host key type|cipher|MAC) found|Exec format error|cannot execute binary file|obsolete SMB1|Could not create SSL\/TLS secure channel|underlying connection was closed: An unexpected error occurred on a send/i],

  ['authentication', /Permission denied \((?:publickey|password|keyboard-interactive|gssapi)[^)]*\)|Permission denied, please try again|Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|Login failed for user|AADSTS\d{4,}|user name or password is incorrect|System error 1326|logon failure|NT_STATUS_LOGON_FAILURE|authentication fail|password authentication failed|Access denied for user '[^']*'@|incorrect password attempts|invalid (?:username or password|credentials|user name or password)|bad credentials|\b401\b[^\n]{0,40}Unauthori[sz]ed|returned error: 401\b|Unauthori[sz]ed[^\n]{0,10}\b401\b|HTTP(?:\/[\d.]+)? 401\b|status(?: code)?:? 401\b|invalid_grant|invalid_client|trust relationship between this workstation and the primary domain failed|KDC_ERR|Clock skew too great|Secrets were required|multi-factor authentication|(?:token|credentials|session) (?:has |have )?expired|Connecting to remote server \S+ failed with the following error message ?: Access is denied/i],

  ['permission_denied', /is not in the sudoers file|sudo: a (?:terminal|password) is required|must be run as root|must be root|are you root|requires elevation|Run as administrator|administrator privileges|Insufficient (?:privileges|permissions)|UnauthorizedAccessException|Access to the path .{0,300}? is denied|System error 5 has occurred|NT_STATUS_ACCESS_DENIED|Operation not permitted|\bEACCES\b|\bEPERM\b|\b403\b[^\n]{0,20}Forbidden|returned error: 403\b|HTTP(?:\/[\d.]+)? 403\b|status(?: code)?:? 403\b|Cannot open \S+ service on computer/i],

  ['timeout', /timed out|\btimeout (?:expired|exceeded|reached|occurred|elapsed)|\bETIMEDOUT\b|Timeout expired|deadline exceeded|did not properly respond after a period of time|\b504\b[^\n]{0,20}Gateway|Gateway Time-?out/i],

  ['network', /Could not resolve (?:host|hostname|proxy)|Name or service not known|Temporary failure in name resolution|No such host is known|nodename nor servname|\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo|Connection refused|\bECONNREFUSED\b|actively refused|No route to host|Network is unreachable|\bE(?:NET|HOST)UNREACH\b|host unreachable|Connection reset|\bECONNRESET\b|Connection closed by|The network (?:path|name) was not found|System error (?:53|64|67|1231)\b|The RPC server is unavailable|WinRM (?:client )?cannot (?:complete the operation|process the request)|Unable to connect to the remote server|Could not connect to|Failed to connect to|network request to .{0,200}? failed|SSL certificate problem|certificate verify failed|unable to get local issuer certificate|Failed to fetch|\b50[23]\b[^\n]{0,20}(?:Bad Gateway|Service Unavailable)/i],

  ['command_not_found', /command not found|is not recognized as (?:the|a) name of a cmdlet|is not recognized as an internal or external command|(?:^|\n)-?(?:ba|z|da|a|k|c|tc)?sh(?:: \S+){1,2}: not found\s*(?:\n|$)|Command not found\.|executable file not found in \$PATH|spawn \S+ ENOENT|is not a \w+ command|No such command|Unknown command|missing script:|The module '[^']+' could not be loaded|Unable to locate package|No package \S+ available|No match (?:was found|for argument)|No package found matching/i],
  ['command_not_found', /(?:^|\n)(?:-?(?:ba|z|da|a|k|c|tc)?sh|\/(?:usr\/)?bin\/\w*sh)(?:: line \d+)?: [^\n]{1,300}: No such file or directory/],

  ['syntax_error', /syntax error|SyntaxError|invalid syntax|Incorrect syntax near|error in your SQL syntax|The syntax of the command is incorrect|unexpected (?:token|EOF|end of file)|Unexpected token '|Missing (?:closing|expression|argument|statement|an argument)|string is missing the terminator|ParserError|parse error|A parameter cannot be found that matches parameter name|Cannot bind (?:argument to )?parameter|ParameterBindingException|positional parameter cannot be found|(?:unknown|invalid|illegal|unrecognized|unrecognised) (?:option|switch|argument|parameter|flag)|unrecognized arguments|Invalid switch|bad substitution|error TS\d+/i],
];

/** Generic words: they decide only when neither a specific phrase nor the exit code did. */
const GENERIC: readonly Rule[] = [
  ['authentication', /\bUnauthori[sz]ed\b|\bnot authenticated\b/i],
  ['permission_denied', /Permission denied|Access (?:is )?denied|\bForbidden\b|not permitted/i],
  ['version_compatibility', /\bunsupported\b|not supported/i],
  ['syntax_error', /(?:^|\n)\s*usage:/i],
];

const WINDOWS_CTRL_C = new Set([-1073741510, 3221225786]);

function categoryOfExitCode(exitCode: number, shell: string): FailureCategory | null {
  if (exitCode === 127) return 'command_not_found';
  if (exitCode === 126) return 'permission_denied';
  if (exitCode === 124) return 'timeout';
  if (exitCode === 130 || exitCode === 137 || exitCode === 143 || WINDOWS_CTRL_C.has(exitCode)) return 'interrupted';
  if (exitCode === 9009 && /^(?:cmd|powershell|pwsh)/i.test(shell)) return 'command_not_found';
  return null;
}

const firstMatch = (rules: readonly Rule[], text: string) => rules.find(([, pattern]) => pattern.test(text))?.[0] ?? null;

/** Long output keeps the useful part at both ends: the command's first complaint and its last words. */
const WINDOW = 10_000;

export function categoriseFailure(text: string, exitCode?: number | null, shell = ''): FailureCategory {
  const code = exitCode ?? parseExitCode(text);
  const body = text.replace(EXIT_CODE, '');
  const sample = body.length > 2 * WINDOW ? `${body.slice(0, WINDOW)}\n${body.slice(-WINDOW)}` : body;
  return firstMatch(SPECIFIC, sample) ?? (code === null ? null : categoryOfExitCode(code, shell)) ?? firstMatch(GENERIC, sample) ?? 'other';
}
