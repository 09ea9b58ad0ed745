/**
 * The secret patterns redaction.ts applies, most specific first (on overlap the earlier rule names
 * the kind). A pattern marks the secret with a named group s1…s4 (one per way of quoting it) that
 * ends the match (what follows it is a lookahead, so no match indices are needed); with none, the
 * whole match is the secret. Patterns start at a literal where they can (lookbehinds come after
 * it, so the engine skips ahead fast), repeat only bounded or unambiguous parts and never search a
 * prefix per position, so each runs in linear time; `hints` are lowercase substrings of which one
 * must occur for the rule to run at all (the fast path).
 */

export interface RuleMatch {
  text: string;
  groups: Partial<Record<string, string>>;
  secret: string;
  /** Where the whole match starts and ends, to look at what stands around it. */
  start: number;
  end: number;
}

export interface PatternRule {
  kind: string | ((groups: Partial<Record<string, string>>) => string);
  /** Lowercase ASCII; the rule runs only when one of them occurs (in any case). */
  hints: readonly string[];
  pattern: RegExp;
  /** A value in prose: sentence punctuation after it is not part of it, and it must look like a password. */
  prose?: boolean;
  accept?: (match: RuleMatch) => boolean;
  /**
   * The command the flag belongs to: a match counts only within 300 characters after it, in the
   * same command (no line break, `|`, `&` or `;` between). Found once, not rescanned per flag.
   */
  command?: RegExp;
}

export interface FinderRule {
  kind: string;
  hints: readonly string[];
  find: (text: string) => { start: number; end: number }[];
}

const S = String.raw;
const rx = (source: string, flags = 'i') => new RegExp(source, `g${flags}`);

/** A value: \"escaped\", "double", 'single' (PowerShell doubles a quote inside) or a bare word. */
const value = (notFirst = '') =>
  S`(?:\\"(?<s1>[^"\\\r\n]+)(?=\\")|"(?<s2>[^"\r\n]+)(?=")|'(?<s3>(?:[^'\r\n]|'')+)(?=')|(?<s4>[^\s"'(\-${notFirst}][^\s]*))`;
const VALUE = value();
/** A value written straight after its flag (`-pS3cret`, `pass:S3cret`). */
const ATTACHED = S`(?:"(?<s1>[^"\r\n]+)(?=")|'(?<s2>[^'\r\n]+)(?=')|(?<s3>[^\s"'][^\s]*))`;
const QUOTED_ONLY = S`(?:"(?<s1>[^"\r\n]+)(?=")|'(?<s2>(?:[^'\r\n]|'')+)(?='))`;
/** A Windows positional password: not an option (/add), not * (which prompts). */
const POSITIONAL = S`(?:"(?<s1>[^"\r\n]+)(?=")|(?<s2>(?!\*(?:[\s"']|$))[^\s/"'][^\s]*))`;

/** Words that name a secret when they end a key, flag or variable name. */
const LONG_WORDS = S`password|passwd|passphrase|passcode|secret[_\-]?key|secret|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|account[_\-]?key|auth[_\-]?key|master[_\-]?key|subscription[_\-]?key|encryption[_\-]?key|keymaterial`;
const SECRET_WORDS = S`${LONG_WORDS}|pass|pwd|pw|psk`;
/** `[Pp][Aa]…`: case-insensitive letters inside a pattern that is otherwise case-sensitive. */
const anyCase = (source: string) => source.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);
/**
 * A key naming a secret, followed by its separator: the whole name is read first and then checked
 * to end in a secret word (one look back, not a search per prefix). Short words also end ordinary
 * words (bypass, compass), so they need a separator or a camel-case step before them (`db_pass`,
 * `dbPass`); long words take any prefix.
 */
const KEY_BEHIND = S`(?:[A-Za-z0-9][\w.\-]{0,80}?)?(?<kw>${anyCase(LONG_WORDS)})\d{0,3}|(?:[A-Za-z0-9][\w.\-]{0,80}?[_.\-])?(?<kw2>${anyCase('pass|pwd|pw|psk')})\d{0,3}|[A-Za-z0-9][\w.\-]{0,80}?[a-z0-9](?<kw3>Pass|PASS|Pwd|PWD|Pw|PW|Psk|PSK)\d{0,3}`;
const keyName = (separator: string) =>
  S`[A-Za-z0-9][\w.\-]{0,80}(?=${separator})(?<=(?<kw>${anyCase(LONG_WORDS)})\d{0,3}|(?:^|[^A-Za-z0-9])(?<kw2>${anyCase('pass|pwd|pw|psk')})\d{0,3}|[a-z0-9](?<kw3>Pass|PASS|Pwd|PWD|Pw|PW|Psk|PSK)\d{0,3})`;
const WORD_HINTS = ['pass', 'pwd', 'pw', 'psk', 'secret', 'token', 'key'];
/** Short words that also end ordinary words (bypass, compass): they need a boundary before them. */
const SHORT_WORDS = new Set(['pass', 'pwd', 'pw', 'psk']);

export function kindOfWord(word: string): string {
  const w = word.toLowerCase().replace(/[_-]/g, '');
  if (w === 'token') return 'token';
  if (w === 'secret') return 'secret';
  if (w === 'privatekey') return 'private_key';
  if (w.endsWith('key')) return 'api_key';
  return 'password';
}
const wordKind = (g: Partial<Record<string, string>>) => kindOfWord(g.kw ?? g.kw2 ?? g.kw3 ?? '');

/** `dbPass`, `db_pass`, `pass` name a password; `bypass` does not. */
function standsAlone(prefix: string, word: string): boolean {
  if (prefix === '' || /[_.-]$/.test(prefix) || !SHORT_WORDS.has(word.toLowerCase())) return true;
  return /[a-z0-9]$/.test(prefix) && /^[A-Z]/.test(word);
}

/** Switches that end in a secret word but take no value (`--no-password`, `--ask-pass`). */
const SWITCH_PREFIX = /^-{1,2}(?:no|ask|prompt|read|show|hide|skip|require|force|reset|change|forgot|generate|random|expire|disable|enable|allow|use|with|without|cannot|save)[-_]?[a-z]/i;
/** mysql's optional values must be attached: `mysql --password mydb` prompts, mydb is the database. */
const MYSQL_FAMILY = /\b(?:mysql\w*|mariadb[\w-]*)\b/i;

function flagTakesValue(m: RuleMatch): boolean {
  if (SWITCH_PREFIX.test(m.groups.flag ?? '')) return false;
  if ((m.groups.sep ?? '').trim() !== '') return true;
  const before = m.text.slice(Math.max(0, m.start - 300), m.start);
  const command = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1);
  return !MYSQL_FAMILY.test(command);
}

/** Values after a key that are not secrets: nsswitch's `passwd: files`, test counts `pass: 3`. */
const NSSWITCH_SOURCES = /^(?:files|compat|sss|systemd|ldap|nis|winbind|db|dns)(?:\s|$)/;
function keyValueAccepted(m: RuleMatch): boolean {
  const word = (m.groups.kw ?? m.groups.kw2 ?? m.groups.kw3 ?? '').toLowerCase();
  // A key that opens a string without closing it: its value is inside the same string
  // ("X-Api-Key: 9f8e"), or the key is prompt text ("Password:") and what follows is not its value.
  if ((m.groups.q1 ?? '') !== '' && (m.groups.q2 ?? '') === '' && m.groups.s4 === undefined) return false;
  if (word === 'passwd' && NSSWITCH_SOURCES.test(m.secret)) return false;
  return !((word === 'pass' || word === 'token') && /^\d{1,5}$/.test(m.secret));
}

/** A positional value that is plainly an English word of a sentence mentioning the command. */
const SENTENCE_WORDS = new Set(['to', 'for', 'and', 'the', 'on', 'in', 'at', 'with', 'from', 'then', 'but', 'or', 'via', 'is', 'was', 'command', 'account', 'exists', 'not', 'again', 'first']);
const notASentenceWord = (m: RuleMatch) => !SENTENCE_WORDS.has(m.secret.toLowerCase());

/** Digits followed by a unit are a length or an age ("the password is 12 characters"), not a password. */
const UNIT_AFTER = /^[ \t]+(?:characters?|chars?|digits?|letters?|symbols?|days?|hours?|minutes?|weeks?|months?|years?|times?|long)\b/i;
const notAMeasure = (m: RuleMatch) => !(/^\d+$/.test(m.secret) && UNIT_AFTER.test(m.text.slice(m.end, m.end + 40)));

/** A private key body: base64 lines, PEM headers, literal \n of JSON strings; stops at -----END. */
const KEY_BEGIN = /-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----/g;
const KEY_BODY = /(?:(?:Proc-Type|DEK-Info|Comment|Version|Hash)[ \t]*:[^\r\n\\]{0,200}|[A-Za-z0-9+/=]+|\\[rn]|\s)*/y;
function findPrivateKeys(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const begin of text.matchAll(KEY_BEGIN)) {
    KEY_BODY.lastIndex = begin.index + begin[0].length;
    const body = KEY_BODY.exec(text)?.[0] ?? '';
    const lead = /^(?:\s|\\[rn])*/.exec(body)?.[0].length ?? 0;
    const trail = /(?:\s|\\[rn])*$/.exec(body.slice(lead))?.[0].length ?? 0;
    const start = KEY_BODY.lastIndex - body.length + lead;
    const end = KEY_BODY.lastIndex - trail;
    if (end > start) found.push({ start, end });
  }
  return found;
}

/** `'S3cret' | ConvertTo-SecureString`: found from the pipe back to the string, not from every quote. */
const PIPED_TO_SECURE_STRING = /(["'])[ \t]*\|[ \t]*ConvertTo-SecureString\b/gi;
function findPipedSecureStrings(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const pipe of text.matchAll(PIPED_TO_SECURE_STRING)) {
    const from = Math.max(0, pipe.index - 4096);
    const open = text.slice(from, pipe.index).lastIndexOf(pipe[1] ?? '"');
    if (open === -1) continue;
    const start = from + open + 1;
    if (pipe.index > start && !/[\r\n]/.test(text.slice(start, pipe.index))) found.push({ start, end: pipe.index });
  }
  return found;
}

export const FINDER_RULES: readonly FinderRule[] = [
  { kind: 'private_key', hints: ['private key'], find: findPrivateKeys },
  { kind: 'password', hints: ['convertto-securestring'], find: findPipedSecureStrings },
];

export const PATTERN_RULES: readonly PatternRule[] = [
  // Formats that are secrets wherever they stand.
  { kind: 'private_key', hints: ['private-lines'], pattern: rx(S`Private-Lines:[ \t]*\d{1,4}\r?\n(?<s1>[A-Za-z0-9+/=]{1,200}(?:\r?\n[A-Za-z0-9+/=]{1,200}){0,400})`) },
  { kind: 'aws_key', hints: ['akia', 'asia'], pattern: rx(S`(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])`, '') },
  { kind: 'aws_key', hints: ['akia', 'asia'], pattern: rx(S`(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}["']?[ \t]*[,:;|\t ][ \t]*["']?(?<s1>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, '') },
  { kind: 'aws_key', hints: ['secret'], pattern: rx(S`(?<![\w])(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key)["']?[ \t]*(?:[:=]|[ \t])[ \t]*["']?(?<s1>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`) },
  { kind: 'github_token', hints: ['gh', 'github_pat_'], pattern: rx(S`(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])`, '') },
  { kind: 'token', hints: ['glpat-', 'npm_'], pattern: rx(S`(?<![\w-])(?:glpat-[A-Za-z0-9_\-]{20,255}|npm_[A-Za-z0-9]{36})(?![\w-])`, '') },
  { kind: 'slack_token', hints: ['xox'], pattern: rx(S`(?<![\w-])xox[abposre]-[A-Za-z0-9\-]{10,250}`, '') },
  { kind: 'slack_webhook', hints: ['hooks.slack.com'], pattern: rx(S`hooks\.slack\.com/(?:services|workflows|triggers)/(?<s1>[A-Za-z0-9/_\-]{8,300})`) },
  { kind: 'webhook', hints: ['/api/webhooks/', 'webhook.office.com'], pattern: rx(S`(?:discord(?:app)?\.com/api/webhooks/|\.webhook\.office\.com/webhookb2/)(?<s1>[^\s"'<>]{20,500})`) },
  { kind: 'google_api_key', hints: ['aiza'], pattern: rx(S`(?<![\w-])AIza[0-9A-Za-z_\-]{35}(?![\w-])`, '') },
  { kind: 'stripe_key', hints: ['_live_', '_test_', 'whsec_'], pattern: rx(S`(?<![\w])(?:(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,247}|whsec_[0-9A-Za-z]{20,100})`, '') },
  { kind: 'api_key', hints: ['sk-'], pattern: rx(S`(?<![\w-])sk-(?:ant-(?:api|admin)\d{2}-|proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,300}(?![\w-])`, '') },
  { kind: 'azure_key', hints: ['q~'], pattern: rx(S`(?<![\w~.\-])[A-Za-z0-9_~.\-]{3}\dQ~[A-Za-z0-9_~.\-]{31,34}(?![\w~.\-])`, '') },
  { kind: 'jwt', hints: ['eyj'], pattern: rx(S`(?<![\w-])eyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*`, '') },

  // Credentials inside URLs, connection strings and HTTP headers.
  { kind: 'url_credentials', hints: ['://'], pattern: rx(S`://(?<=(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{0,30}://)[^\s:/@"'<>]{0,200}:(?<s1>[^\s/"'<>]+)(?=@)`) },
  {
    kind: (g) => (/^(?:password|pwd)$/i.test(g.k ?? '') ? 'connection_string' : 'azure_key'),
    hints: ['password', 'pwd', 'accountkey', 'sharedaccess'],
    pattern: rx(S`=(?<=(?<![\w])(?<k>Password|Pwd|AccountKey|SharedAccessKey|SharedAccessSignature)=)[ \t]*(?:"(?<s1>[^"\r\n]+)(?=")|'(?<s2>[^'\r\n]+)(?=')|\{(?<s3>[^}\r\n]+)(?=\})|(?<s4>[^;"'\r\n]+))`),
    accept: (m) => /;[ \t]*$/.test(m.text.slice(Math.max(0, m.start - 40), m.start - (m.groups.k ?? '').length)) || /^["'}]?[ \t]*;/.test(m.text.slice(m.end, m.end + 20)),
  },
  { kind: 'azure_key', hints: ['sig='], pattern: rx(S`[?&]sig=(?<s1>[^&\s"'#<>]{10,})`) },
  {
    kind: (g) => (/^basic$/i.test(g.scheme ?? '') ? 'basic_auth' : 'bearer'),
    hints: ['authorization'],
    pattern: rx(S`\b(?:Proxy-)?Authorization["']?[ \t]*[:=][ \t]*["']?(?:(?<scheme>Bearer|Basic|Token|Negotiate|NTLM|SharedKey|SSWS|ApiKey|Key)[ \t]+)?(?<s1>[^\s"',;]{4,4096})`),
  },
  { kind: 'bearer', hints: ['bearer'], pattern: rx(S`\bBearer[ \t]+(?<s1>[A-Za-z0-9._~+/\-]{8,4096}=*)`), accept: (m) => /\d/.test(m.secret) || m.secret.length >= 24 },
  { kind: 'token', hints: ['cookie'], pattern: rx(S`\b(?:Set-)?Cookie[ \t]*:[ \t]*(?<s1>[^\r\n"']{1,4096})`) },

  // PowerShell.
  { kind: 'password', hints: ['convertto-securestring'], pattern: rx(S`ConvertTo-SecureString(?:[ \t]+-(?:AsPlainText|Force)(?::\$true)?){0,2}[ \t]+(?:-String(?::|[ \t]+))?${VALUE}`) },
  { kind: 'password', hints: ['networkcredential'], pattern: rx(S`NetworkCredential\]?(?:::new)?[ \t]*(?:\(|[ \t]-ArgumentList[ \t]+\(?)[ \t]*(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'|\$[\w:]{1,60})[ \t]*,[ \t]*${QUOTED_ONLY}`) },
  { kind: wordKind, hints: WORD_HINTS, pattern: rx(S`\$(?<![\w$]\$)(?:env:)?(?<pre>[A-Za-z_]\w{0,60}?)?(?<kw>${SECRET_WORDS})(?:plain(?:text)?|clear(?:text)?|text|str(?:ing)?)?\d{0,3}[ \t]*=[ \t]*${QUOTED_ONLY}`), accept: (m) => standsAlone(m.groups.pre ?? '', m.groups.kw ?? '') },
  { kind: 'password', hints: ['-value'], pattern: rx(S`-Name[ \t]+["']?\w{0,40}?(?:Password|Pwd|Secret|Token)["']?[^\r\n|;]{0,100}?[ \t]-Value[ \t]+${VALUE}`) },

  // Windows commands.
  { kind: 'password', hints: ['net'], pattern: rx(S`\bnet(?:\.exe)?[ \t]+user[ \t]+(?:"[^"\r\n]{1,100}"|[^\s/"'][^\s"']{0,100})(?:[ \t]+/[A-Za-z]{1,20}(?::[^\s"']{0,100})?){0,4}[ \t]+${POSITIONAL}`), accept: notASentenceWord },
  { kind: 'password', hints: ['net'], pattern: rx(S`\bnet(?:\.exe)?[ \t]+use(?:[ \t]+(?:[A-Za-z]:|\*))?[ \t]+(?:"\\\\[^"\r\n]{1,300}"|\\\\[^\s"']{1,300})[ \t]+${POSITIONAL}`), accept: notASentenceWord },
  { kind: 'password', hints: ['net'], command: rx(S`\bnet(?:\.exe)?[ \t]+use\b`), pattern: rx(S`/user:(?<=[ \t]/user:)(?:"[^"\r\n]{1,200}"|[^\s"']{1,200})[ \t]+${POSITIONAL}`), accept: notASentenceWord },
  { kind: 'password', hints: ['/pass', '/pwd'], pattern: rx(S`/(?<![\w/]/)(?:pass|password|pwd)[:=]${ATTACHED}`) },
  { kind: 'password', hints: ['/p'], pattern: rx(S`/(?<![\w/]/)u(?:ser)?[ \t:]+(?:"[^"\r\n]{1,200}"|[^\s/"'][^\s"']{0,200})(?:[ \t]+/[A-Za-z]{1,20}(?:[: \t][^\s/"'][^\s"']{0,100})?){0,4}?[ \t]+/p[ \t:]+${value('/')}`) },
  { kind: 'password', hints: ['/rp'], pattern: rx(S`/(?<![\w/]/)RP[ \t]+${value('/')}`) },
  { kind: 'password', hints: ['freerdp'], command: rx(S`\bx?freerdp\b`), pattern: rx(S`/p:(?<=[ \t]/p:)${ATTACHED}`) },
  { kind: 'password', hints: ['/d'], pattern: rx(S`/v[ \t]+"?\w{0,40}?(?:Password|Pwd|Secret|Token)"?[^\r\n]{0,100}?[ \t]/d[ \t]+${VALUE}`) },
  { kind: 'password', hints: ['reg_'], pattern: rx(S`\b\w{0,40}?(?:Password|Pwd)[ \t]+REG_(?:EXPAND_)?SZ[ \t]+(?<s1>[^\r\n]+)`) },
  { kind: 'password', hints: ['key content'], pattern: rx(S`\bKey Content[ \t]*:[ \t]*(?<s1>[^\r\n]+)`) },
  { kind: wordKind, hints: ['setx'], pattern: rx(S`\bsetx[ \t]+(?<kw>\w{0,60}?(?:PASSWORD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY))[ \t]+${VALUE}`) },

  // Tools that take a password as an option or a positional argument.
  {
    kind: 'password',
    hints: ['psexec', 'paexec', 'winrs', 'login', 'mongo', 'racadm', 'smbmap', 'rdesktop', 'evil-winrm', 'crackmapexec', 'nxc', 'netexec'],
    command: rx(S`(?<![\w-])(?:psexec(?:64)?|paexec|winrs|docker[ \t]+login|podman[ \t]+login|helm[ \t]+registry[ \t]+login|az[ \t]+login|mongo(?:sh|dump|restore|export|import)?|racadm|smbmap|rdesktop|evil-winrm|crackmapexec|netexec|nxc)(?:\.exe)?\b`),
    pattern: rx(S`-p(?<=[ \t]-p)[ \t:]+${VALUE}`, ''),
  },
  { kind: 'password', hints: ['sqlcmd', 'bcp', 'osql', 'isql', 'ipmitool', 'zip'], command: rx(S`(?<![\w-])(?:sqlcmd|bcp|osql|isql|ipmitool|unzip|zip)(?:\.exe)?\b`), pattern: rx(S`-P(?<=[ \t]-P)(?!assword)[ \t]*${VALUE}`, '') },
  { kind: 'password', hints: ['redis-cli'], command: rx(S`(?<![\w-])redis-cli\b`), pattern: rx(S`-a(?<=[ \t]-a)[ \t]+${VALUE}`, '') },
  { kind: 'password', hints: ['ldap'], command: rx(S`(?<![\w-])ldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn)\b`), pattern: rx(S`-w(?<=[ \t]-w)[ \t]+${VALUE}`, '') },
  { kind: 'password', hints: ['ssh-keygen'], command: rx(S`(?<![\w-])ssh-keygen\b`), pattern: rx(S`-(?<=[ \t]-)[NP][ \t]+${VALUE}`, '') },
  { kind: 'password', hints: ['sshpass'], command: rx(S`(?<![\w-])sshpass\b`), pattern: rx(S`-p(?<=[ \t]-p)[ \t]*${VALUE}`, '') },
  { kind: 'password', hints: ['mysql', 'mariadb', '7z', 'rar'], command: rx(S`(?<![\w-])(?:mysql\w*|mariadb[\w\-]*|7z[a-z]?|rar)(?:\.exe)?\b`, ''), pattern: rx(S`-p(?<=[ \t]-p)${ATTACHED}`, '') },
  { kind: 'password', hints: ['%'], pattern: rx(S`-(?<![\w-]-)(?:U|-user(?:name)?[= \t])[ \t]*(?:'[^'%\r\n]{1,200}%(?<s1>[^'\r\n]+)(?=')|"[^"%\r\n]{1,200}%(?<s2>[^"\r\n]+)(?=")|[^\s%"']{1,200}%(?<s3>[^\s"']+))`, '') },
  { kind: 'password', hints: ['curl'], command: rx(S`(?<![\w-])curl\b`, ''), pattern: rx(S`-(?<=[ \t]-)(?:[uU]|-user|-proxy-user)(?:[ \t]+|=)(?:'[^':\r\n]{0,200}:(?<s1>[^'\r\n]+)(?=')|"[^":\r\n]{0,200}:(?<s2>[^"\r\n]+)(?=")|[^\s:"']{0,200}:(?<s3>[^\s"']+))`, '') },
  { kind: 'password', hints: ['lftp'], command: rx(S`(?<![\w-])lftp\b`, ''), pattern: rx(S`-u(?<=[ \t]-u)[ \t]+["']?[^\s,"']{1,200},(?<s1>[^\s"']+)`, '') },
  { kind: 'password', hints: ['htpasswd'], pattern: rx(S`\bhtpasswd(?<opts>(?:[ \t]+-[A-Za-z]{1,6}){1,4})[ \t]+(?:"[^"\r\n]{1,300}"|[^\s"']{1,300})[ \t]+(?:"[^"\r\n]{1,200}"|[^\s"']{1,200})[ \t]+${VALUE}`, ''), accept: (m) => /-[a-z]*b/i.test(m.groups.opts ?? '') },
  {
    kind: 'password',
    hints: ['echo'],
    pattern: rx(S`\becho[ \t]+(?:-[neE]{1,3}[ \t]+)?(?:'(?<s1>[^'\r\n]+)(?=')|"(?<s2>[^"\r\n]+)(?=")|(?<s3>[^\s|'"][^\s|]*))(?=["']?[ \t]*\|[ \t]*(?:sudo[ \t]+(?:-[A-Za-z]{1,4}[ \t]+){0,4}?-[A-Za-z]{0,3}S|(?:sudo[ \t]+)?passwd\b[^\r\n|]{0,100}?--stdin|[^\r\n|]{0,100}?\blogin\b[^\r\n|]{0,200}?--password-stdin))`, ''),
  },
  { kind: 'password', hints: ['chpasswd'], pattern: rx(S`\becho[ \t]+(?:-[neE]{1,3}[ \t]+)?(?:'[^':\r\n]{1,200}:(?<s1>[^'\r\n]+)(?=')|"[^":\r\n]{1,200}:(?<s2>[^"\r\n]+)(?=")|[^\s:'"|]{1,200}:(?<s3>[^\s|'"]+))(?=["']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?chpasswd\b)`, '') },
  { kind: 'password', hints: ['pass:'], pattern: rx(S`-(?<![\w-]-)(?:pass(?:in|out|word|wd)?|k(?:pass)?)[ \t]+pass:${ATTACHED}`) },

  // Network devices: FortiOS `set psksecret`, Cisco `username … secret`, `crypto isakmp key`, SNMP communities.
  { kind: 'password', hints: ['set '], pattern: rx(S`set(?<![\w-]set)[ \t]+(?:password|passwd|psksecret|secret|pre-shared-key|pre-shared-secret|shared-secret|plaintext-password|auth-pwd|psk|passphrase|wpa-passphrase|sae-password)[ \t]+(?:ENC[ \t]+)?${VALUE}`), accept: notASentenceWord },
  { kind: 'password', hints: ['username', 'enable', 'isakmp', 'pre-shared-key', 'community'], pattern: rx(S`(?<![\w-])(?:(?:username[ \t]+\S{1,64}(?:[ \t]+privilege[ \t]+\d{1,2})?|enable)[ \t]+(?:password|secret)|crypto[ \t]+isakmp[ \t]+key|pre-shared-key|snmp-server[ \t]+community)(?:[ \t]+\d)?[ \t]+${VALUE}`), accept: notASentenceWord },

  // Flags, variables and keys named after a secret.
  {
    kind: wordKind,
    hints: WORD_HINTS,
    pattern: rx(S`(?<flag>-(?<![\w-]-)-?[A-Za-z][\w\-]{0,40}(?=[ \t=:])(?<=(?<kw>${SECRET_WORDS})))(?<sep>[ \t]*[=:][ \t]*|[ \t]+)${VALUE}`),
    accept: flagTakesValue,
  },
  {
    kind: wordKind,
    hints: WORD_HINTS,
    pattern: rx(S`<[\w:.\-]{0,40}?(?<kw>password|passwd|pwd|secret|token|apikey|api_key|accesskey|privatekey|keymaterial)>(?:\s{0,200}<Value>)?(?<s1>[^<\r\n]+)(?=<)`),
  },
  {
    kind: wordKind,
    hints: WORD_HINTS,
    pattern: rx(S`^[ \t]*(?:-[ \t]+)?${keyName(S`[ \t]*:|[ \t]+=`)}(?:[ \t]*:|[ \t]+=)[ \t]*(?<s1>[^\s"'#|>&](?:[^\r\n]*[^\s])?)(?=[ \t]*$)`, 'm'),
    accept: keyValueAccepted,
  },
  {
    kind: wordKind,
    hints: WORD_HINTS,
    pattern: rx(S`(?::=|=>|[:=])(?<=(?:^|[^\w$.\-])(?<q1>["']?)(?:${KEY_BEHIND})(?<q2>["']?)[ \t]*(?::=|=>|[:=]))[ \t]*${VALUE}`, ''),
    accept: keyValueAccepted,
  },
  { kind: 'password', hints: [':'], pattern: rx(S`^[ \t]*(?:[A-Za-z0-9._\-]{1,253}|\*|\[[0-9A-Fa-f:]{2,45}\]):(?:\d{1,5}|\*):[^:\s]{1,100}:(?<user>[^:\s]{1,100}):(?<s1>(?:[^:\s\\]|\\.)+)(?=[ \t]*$)`, 'm'), accept: (m) => /[A-Za-z_*]/.test(m.groups.user ?? '') },

  // Prose: "the password is …", "password for admin is …", "reset the password to …", "log in with password …".
  {
    kind: 'password',
    hints: ['pass', 'pw', 'pin'],
    prose: true,
    pattern: rx(S`\b(?:password|passphrase|passcode|pw|pwd|pin)(?:[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?(?:user[ \t]+|account[ \t]+)?\S{1,64})?[ \t]+(?:is|was|will[ \t]+be|should[ \t]+be)(?:[ \t]+(?:now|still|set[ \t]+to|changed[ \t]+to|reset[ \t]+to))?[ \t]*:?[ \t]+(?:"(?<s1>[^"\r\n]{1,200})(?=")|'(?<s2>[^'\r\n]{1,200})(?=')|\x60(?<s3>[^\x60\r\n]{1,200})(?=\x60)|(?<s4>[^\s"'\x60]{1,200}))`),
    accept: notAMeasure,
  },
  {
    kind: 'password',
    hints: ['pass', 'pw', 'pin'],
    prose: true,
    pattern: rx(S`\b(?:(?:set|change[ds]?|reset|update[ds]?)[ \t]+(?:(?:the|his|her|its|their|my|your)[ \t]+)?(?:(?:new|temp|temporary|local|admin|user|root)[ \t]+)?(?:password|passphrase|pw|pin)(?:[ \t]+(?:for|of)[ \t]+\S{1,64})?[ \t]+to|(?:with|using|use)[ \t]+(?:the[ \t]+)?(?:password|passphrase|pw))[ \t]+(?:"(?<s1>[^"\r\n]{1,200})(?=")|'(?<s2>[^'\r\n]{1,200})(?=')|\x60(?<s3>[^\x60\r\n]{1,200})(?=\x60)|(?<s4>[^\s"'\x60]{1,200}))`),
    accept: notAMeasure,
  },
];
