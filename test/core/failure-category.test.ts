import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAILURE_CATEGORIES, categoriseFailure, parseExitCode, type FailureCategory } from '../../src-main/core/failure-category.js';

/** [shell, Claude Code's `error` (exit code line, then the output), expected category] */
const REAL_ERRORS: [string, string, FailureCategory][] = [
  // PowerShell
  ['powershell', "Exit code 1\nGet-LocalUser : The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\nAt line:1 char:1", 'command_not_found'],
  ['bash', "Exit code 1\nGet-LocalUser: The term 'Get-LocalUser' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.", 'command_not_found'],
  ['powershell', "Exit code 1\nSet-ADUser : A parameter cannot be found that matches parameter name 'PasswordNeverExpire'.\n    + CategoryInfo          : InvalidArgument: (:) [Set-ADUser], ParameterBindingException", 'syntax_error'],
  ['powershell', "Exit code 1\nGet-Item : Cannot bind argument to parameter 'Path' because it is null.", 'syntax_error'],
  ['powershell', "Exit code 1\nGet-ChildItem : Access to the path 'C:\\Windows\\System32\\config' is denied.\n    + FullyQualifiedErrorId : DirUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetChildItemCommand", 'permission_denied'],
  ['powershell', 'Exit code 1\nCopy-Item : System.UnauthorizedAccessException: Access is denied.', 'permission_denied'],
  ['powershell', 'Exit code 1\n[dc01] Connecting to remote server dc01 failed with the following error message : The WinRM client cannot process the request. If the authentication scheme is different from Kerberos, or if the client computer is not joined to a domain, then HTTPS transport must be used or the destination machine must be added to the TrustedHosts configuration setting.', 'network'],
  ['powershell', 'Exit code 1\n[fs01] Connecting to remote server fs01 failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer.', 'network'],
  ['powershell', 'Exit code 1\nEnter-PSSession : Connecting to remote server ws042 failed with the following error message : Access is denied. For more information, see the about_Remote_Troubleshooting Help topic.', 'authentication'],
  ['powershell', 'Exit code 1\nThe script \'Export-Mailboxes.ps1\' cannot be run because it contained a "#requires" statement for Windows PowerShell 5.1. The version of Windows PowerShell that is required by the script does not match the currently running version of Windows PowerShell 2.0.', 'version_compatibility'],
  ['bash', 'Exit code 1\nSet-ExecutionPolicy: Operation is not supported on this platform.', 'version_compatibility'],
  ['powershell', "Exit code 1\nTest-Connection : Testing connection to computer 'fs01' failed: Request timed out.", 'timeout'],
  ['powershell', 'Exit code 1\nInvoke-RestMethod : The remote server returned an error: (401) Unauthorized.', 'authentication'],
  ['powershell', 'Exit code 1\nInvoke-WebRequest : The remote server returned an error: (403) Forbidden.', 'permission_denied'],
  ['powershell', 'Exit code 1\nException calling "DownloadString" with "1" argument(s): "The request was aborted: Could not create SSL/TLS secure channel."', 'version_compatibility'],
  ['powershell', "Exit code 1\nGet-ADUser : Cannot find an object with identity: 'jdoe' under: 'DC=acme,DC=local'.", 'other'],
  // cmd and Windows
  ['cmd', "Exit code 9009\n'robocpy' is not recognized as an internal or external command,\noperable program or batch file.", 'command_not_found'],
  ['cmd', 'Exit code 2\nSystem error 5 has occurred.\n\nAccess is denied.', 'permission_denied'],
  ['cmd', 'Exit code 2\nSystem error 53 has occurred.\n\nThe network path was not found.', 'network'],
  ['cmd', 'Exit code 2\nSystem error 1326 has occurred.\n\nThe user name or password is incorrect.', 'authentication'],
  ['cmd', 'Exit code 1\nThe syntax of the command is incorrect.', 'syntax_error'],
  // bash
  ['bash', 'Exit code 127\nbash: gti: command not found', 'command_not_found'],
  ['bash', 'Exit code 127\n-sh: set-inform: not found', 'command_not_found'],
  ['bash', 'Exit code 126\nbash: ./backup.sh: Permission denied', 'permission_denied'],
  ['bash', "Exit code 2\nbash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `for f in $(ls; do echo $f; done)'", 'syntax_error'],
  ['bash', 'Exit code 127\nbash: /opt/tools/run.sh: No such file or directory', 'command_not_found'],
  ['bash', 'Exit code 1\ncat: /etc/app.conf: No such file or directory', 'other'],
  ['bash', 'Exit code 1\nnetstat: illegal option -- p\nusage: netstat [-AaLlnW] [-f address_family | -p protocol]', 'syntax_error'],
  ['bash', 'Exit code 1\n  File "report.py", line 3\n    print "done"\n    ^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to \'print\'. Did you mean print(...)?', 'syntax_error'],
  ['bash', "Exit code 1\n./tool: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by ./tool)", 'version_compatibility'],
  ['bash', 'Exit code 100\nE: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)', 'permission_denied'],
  ['bash', 'Exit code 100\nReading package lists...\nE: Unable to locate package wins', 'command_not_found'],
  // ssh
  ['bash', 'Exit code 255\nssh: connect to host 10.0.0.5 port 22: Connection timed out', 'timeout'],
  ['bash', 'Exit code 255\nssh: connect to host 10.0.0.5 port 22: Connection refused', 'network'],
  ['bash', 'Exit code 255\nadmin@10.0.0.5: Permission denied (publickey,password).', 'authentication'],
  ['bash', 'Exit code 255\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.', 'authentication'],
  ['bash', 'Exit code 255\nssh: Could not resolve hostname fs01.acme.local: Name or service not known', 'network'],
  ['bash', 'Exit code 255\nUnable to negotiate with 192.168.1.1 port 22: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1', 'version_compatibility'],
  // curl
  ['bash', 'Exit code 6\ncurl: (6) Could not resolve host: portal.acme.com', 'network'],
  ['bash', 'Exit code 28\ncurl: (28) Operation timed out after 10001 milliseconds with 0 bytes received', 'timeout'],
  ['bash', 'Exit code 60\ncurl: (60) SSL certificate problem: unable to get local issuer certificate', 'network'],
  ['bash', 'Exit code 22\ncurl: (22) The requested URL returned error: 403', 'permission_denied'],
  // sudo
  ['bash', 'Exit code 1\nsudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\nsudo: a password is required', 'permission_denied'],
  ['bash', 'Exit code 1\njdoe is not in the sudoers file.  This incident will be reported.', 'permission_denied'],
  ['bash', 'Exit code 1\nsudo: 3 incorrect password attempts', 'authentication'],
  // SQL Server, MySQL, Azure AD
  ['bash', "Exit code 1\nSqlcmd: Error: Microsoft ODBC Driver 17 for SQL Server : Login failed for user 'sa'..", 'authentication'],
  ['bash', "Exit code 1\nERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)", 'authentication'],
  ['powershell', 'Exit code 1\nConnect-AzureAD : One or more errors occurred.: AADSTS50126: Error validating credentials due to invalid username or password.', 'authentication'],
  ['bash', 'Exit code 1\nnpm ERR! network request to https://registry.npmjs.org/zod failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org', 'network'],
  // interrupted
  ['bash', 'Exit code 137\nKilled', 'interrupted'],
  ['bash', 'Exit code 130\n^C', 'interrupted'],
  ['bash', 'Exit code 1\nTraceback (most recent call last):\n  File "sync.py", line 40, in <module>\nKeyboardInterrupt', 'interrupted'],
];

describe('parseExitCode', () => {
  it("reads the exit code that starts Claude Code's PostToolUseFailure error", () => {
    assert.equal(parseExitCode('Exit code 1\nError: something failed'), 1);
    assert.equal(parseExitCode('Exit code 127'), 127);
    assert.equal(parseExitCode('Exit code -1073741510\n^C'), -1073741510);
  });

  it('returns null when the text does not start with an exit code', () => {
    assert.equal(parseExitCode('Error: Exit code 1'), null);
    assert.equal(parseExitCode('Command failed'), null);
    assert.equal(parseExitCode(''), null);
  });
});

describe('categoriseFailure', () => {
  it(`puts ${REAL_ERRORS.length} real error texts from PowerShell, cmd, bash, ssh, curl, sudo, SQL Server and Azure AD in their category`, () => {
    for (const [shell, error, expected] of REAL_ERRORS) {
      assert.equal(categoriseFailure(error, parseExitCode(error), shell), expected, error);
    }
    const categories = new Set(REAL_ERRORS.map(([, , category]) => category));
    assert.deepEqual([...FAILURE_CATEGORIES].filter((category) => !categories.has(category)), [], 'every category is exercised');
  });

  it('falls back on the exit code when the text says nothing specific', () => {
    assert.equal(categoriseFailure('Exit code 127'), 'command_not_found', 'read from the text when not given');
    assert.equal(categoriseFailure('', 126), 'permission_denied');
    assert.equal(categoriseFailure('', 124), 'timeout');
    for (const code of [130, 137, 143]) assert.equal(categoriseFailure('', code), 'interrupted');
    assert.equal(categoriseFailure('', -1073741510, 'powershell'), 'interrupted', "Windows' Ctrl+C status");
    assert.equal(categoriseFailure('', 9009, 'cmd'), 'command_not_found');
    assert.equal(categoriseFailure('', 9009, 'bash'), 'other');
    assert.equal(categoriseFailure('Exit code 1\nsomething went wrong', null), 'other');
  });

  it('lets a specific phrase win over the exit code, and the exit code over a generic word', () => {
    assert.equal(categoriseFailure('ssh: connect to host fs01 port 22: Connection refused', 255), 'network');
    assert.equal(categoriseFailure('bash: foo: command not found', 1), 'command_not_found');
    assert.equal(categoriseFailure('Killed', 1), 'interrupted');
    assert.equal(categoriseFailure('usage: backup [-v] TARGET', 124), 'timeout');
    assert.equal(categoriseFailure('usage: backup [-v] TARGET', 2), 'syntax_error');
    assert.equal(categoriseFailure('open /srv/x: permission denied', 137), 'interrupted');
    assert.equal(categoriseFailure('open /srv/x: permission denied', 1), 'permission_denied');
  });

  it('keeps a version hint in the text ahead of "not recognized"', () => {
    const old = "Exit code 1\nThe term 'Get-LocalUser' is not recognized as the name of a cmdlet. This script requires PowerShell version 5.1.";
    assert.equal(categoriseFailure(old, 1, 'powershell'), 'version_compatibility');
  });

  it('tells a wrong option (syntax) from a too-old tool (version) and a user interrupt', () => {
    assert.equal(categoriseFailure("error: unknown option '--frobnicate'", 129), 'syntax_error');
    assert.equal(categoriseFailure('robocopy: Invalid Parameter #3 : "/MT:16"'), 'syntax_error');
    assert.equal(categoriseFailure('Search-Mailbox : This cmdlet requires a newer version of the Exchange Management Shell.'), 'version_compatibility');
    assert.equal(categoriseFailure('Get-Clipboard : This cmdlet requires .NET Framework 4.5 or later.'), 'version_compatibility');
    assert.equal(categoriseFailure('The feature is not supported in this version of Windows Server.'), 'version_compatibility');
    assert.equal(categoriseFailure('Operation cancelled: interrupted by user'), 'interrupted');
  });

  it('reads both ends of long output quickly', () => {
    const long = `Exit code 1\n${'progress 42%\n'.repeat(5000)}bash: rsync: command not found`;
    const started = process.cpuUsage();
    assert.equal(categoriseFailure(long, 1, 'bash'), 'command_not_found');
    const used = process.cpuUsage(started);
    assert.ok((used.user + used.system) / 1000 < 50);
  });
});
