import { commandTemplates, failureTemplates } from './demo-templates.js';

/** Commands that target no device: Microsoft 365 tenants, internal development, the technician's own machine. */
const PWSH = 'pwsh';
const SH = 'bash';

export const m365 = commandTemplates([
  [PWSH, 'Connect-ExchangeOnline -UserPrincipalName mspadmin@{mail} -ShowBanner:$false', '', 9000],
  [PWSH, 'Get-EXOMailbox -ResultSize Unlimited | Measure-Object', 'Count    : {n}\nAverage  :\nSum      :', 4200],
  [PWSH, 'Get-EXOMailboxStatistics {user}@{mail} | Select DisplayName,TotalItemSize', 'DisplayName  TotalItemSize\n-----------  -------------\n{user}       {n}.21 GB (51,765,871,616 bytes)', 2100],
  [PWSH, 'Set-MailboxAutoReplyConfiguration -Identity {user}@{mail} -AutoReplyState Enabled -InternalMessage "Out of office until Monday"', '', 1800],
  [PWSH, 'Get-MessageTrace -SenderAddress {user}@{mail} -StartDate (Get-Date).AddDays(-2) -EndDate (Get-Date) | Select Received,RecipientAddress,Status', 'Received             RecipientAddress          Status\n--------             ----------------          ------\n{month} 09:14  billing@vendor.com   Delivered', 3900],
  [PWSH, 'Add-MailboxPermission -Identity office@{mail} -User {user}@{mail} -AccessRights FullAccess -AutoMapping $true', 'Identity  User            AccessRights  IsInherited Deny\n--------  ----            ------------  ----------- ----\noffice    {code}\\{user}    FullAccess    False       False', 2600],
  [PWSH, 'Connect-MgGraph -Scopes User.ReadWrite.All,Directory.Read.All -NoWelcome', '', 7000],
  [PWSH, 'Get-MgSubscribedSku | Select SkuPartNumber,ConsumedUnits', 'SkuPartNumber        ConsumedUnits\n-------------        -------------\nSPB                             {n}\nEXCHANGESTANDARD                  6', 1700],
  [PWSH, 'Get-MgUser -UserId {user}@{mail} -Property DisplayName,AccountEnabled,SignInActivity | Select DisplayName,AccountEnabled', 'DisplayName  AccountEnabled\n-----------  --------------\n{user}       True', 1500],
  [PWSH, 'Revoke-MgUserSignInSession -UserId {user}@{mail}', 'True', 1300],
  [PWSH, 'Set-Mailbox {user}@{mail} -Type Shared', '', 2200],
  [PWSH, 'Get-DistributionGroupMember staff@{mail} | Select Name,PrimarySmtpAddress', 'Name      PrimarySmtpAddress\n----      ------------------\n{user}    {user}@{mail}', 1900],
  [PWSH, 'Get-MgAuditLogSignIn -Filter "userPrincipalName eq \'{user}@{mail}\'" -Top 5 | Select CreatedDateTime,IpAddress,Status', 'CreatedDateTime   IpAddress      Status\n---------------   ---------      ------\n{month} 07:58     203.0.113.{n}  Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus', 4100],
]);

export const m365Failures = failureTemplates([
  [PWSH, 'Connect-ExchangeOnline -UserPrincipalName mspadmin@{mail}', 1, 'authentication', 'AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access', 'Sign in interactively with MFA (no -Credential), or use the GDAP relationship'],
  [PWSH, 'Get-MsolUser -UserPrincipalName {user}@{mail}', 1, 'command_not_found', "The term 'Get-MsolUser' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'MSOnline is retired: Get-MgUser from Microsoft.Graph.Users'],
  [PWSH, 'Get-EXOMailbox {user}', 1, 'other', "The operation couldn't be performed because object '{user}' couldn't be found on 'BYAPR04A{n}DC003.NAMPR04A{n}.PROD.OUTLOOK.COM'.", 'Use the full UPN, or Get-EXORecipient -Anr NAME'],
  [PWSH, 'Get-MgUser -All | Select DisplayName,UserPrincipalName', 1, 'permission_denied', 'Get-MgUser_List: Insufficient privileges to complete the operation.', 'Connect-MgGraph -Scopes User.Read.All (consent once as Global Admin)'],
  [PWSH, 'Get-MessageTrace -StartDate (Get-Date).AddDays(-30)', 1, 'other', 'Invalid StartDate value. The StartDate can\'t be greater than 10 days from today.', 'Start-HistoricalSearch for anything older than 10 days'],
]);

export const dev = commandTemplates([
  [SH, 'git status --short', ' M src/{h}.ts\n?? test/fixtures/ticket-{n}.json', 200],
  [SH, 'git pull --rebase', 'Successfully rebased and updated refs/heads/main.', 1800],
  [SH, 'npm test', '# tests {n}8\n# suites 12\n# pass {n}8\n# fail 0\n# duration_ms 3412', 9000],
  [SH, 'npx tsc --noEmit -p tsconfig.json', '', 7000],
  [SH, 'npm run build', '> {h}@1.{n}.0 build\n> node scripts/build.mjs\nbuilt dist/main.cjs (412 kB) in 380 ms', 5000],
  [SH, 'git commit -am "Handle Syncro tickets closed by automation"', '[main 3f2a9c1] Handle Syncro tickets closed by automation\n 2 files changed, 31 insertions(+), 6 deletions(-)', 400],
  [SH, 'git push', 'To github.com:demo-msp/{h}.git\n   8c1d2e4..3f2a9c1  main -> main', 2200],
  [SH, 'docker compose up -d', ' Container {h}-db-1   Started\n Container {h}-app-1  Started', 6000],
  [SH, 'docker compose logs --tail 20 app', 'app-1  | listening on :8080\napp-1  | forwarded alert {n}431 to ticket #{n}872', 1100],
  [SH, 'pwsh -NoProfile -Command "Invoke-Pester ./tests -Output Minimal"', 'Tests completed in 4.1s\nTests Passed: {n}, Failed: 0, Skipped: 2', 8000],
  [SH, 'rg -n "Get-WmiObject" src | head', 'src/Get-DiskReport.ps1:14:    $disks = Get-WmiObject Win32_LogicalDisk -ComputerName $Computer', 300],
]);

export const devFailures = failureTemplates([
  [SH, 'npm test', 1, 'other', '# fail 2\nnot ok 17 - parses a Syncro webhook with an empty comment', null],
  [SH, 'npx tsc --noEmit -p tsconfig.json', 2, 'syntax_error', "src/{h}.ts({n},7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.", null],
  [SH, 'git push', 1, 'other', ' ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to github.com:demo-msp/{h}.git', 'git pull --rebase, then push'],
  [SH, 'npm ci', 1, 'network', 'npm ERR! network request to https://registry.npmjs.org/zod failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org', 'Disconnect the client VPN (full tunnel) or retry'],
  [SH, 'docker compose up -d', 1, 'permission_denied', 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock', 'Add yourself to the docker group (log out and in) or start Docker Desktop'],
  [SH, 'npm run dev', 130, 'interrupted', 'stopped with Ctrl+C', null],
]);

export const local = commandTemplates([
  [SH, 'dig +short MX {mail}', '0 {code}-com.mail.protection.outlook.com.', 300],
  [SH, 'dig +short TXT {mail} | grep spf', '"v=spf1 include:spf.protection.outlook.com include:servers.mcsv.net -all"', 300],
  [SH, 'whois {mail} | grep -i "expir"', 'Registry Expiry Date: 2027-03-14T04:00:00Z', 1400],
  [SH, 'curl -sI https://www.{mail} | head -1', 'HTTP/2 200', 600],
  [SH, 'echo | openssl s_client -connect mail.{mail}:443 -servername mail.{mail} 2>/dev/null | openssl x509 -noout -enddate', 'notAfter=Mar 14 23:59:59 2027 GMT', 900],
  [SH, 'nslookup {h}.{d} {ip}', 'Server:\t\t{ip}\nAddress:\t{ip}#53\n\nName:\t{h}.{d}\nAddress: {ip}', 400],
  [SH, 'traceroute -n -q1 -m 8 {ip}', 'traceroute to {ip} ({ip}), 8 hops max\n 1  10.8.0.1  21.3 ms\n 2  {ip}  22.9 ms', 4000],
  [SH, 'ls ~/msp/clients/{code}/', 'configs  docs  notes.md  scripts', 50],
  [SH, 'git -C ~/msp/clients add -A && git -C ~/msp/clients commit -qm "{code}: notes"', '', 300],
  [SH, 'nmcli connection up "{code} VPN"', 'Connection successfully activated (D-Bus active path: /org/freedesktop/NetworkManager/ActiveConnection/{n})', 3500],
]);

export const localFailures = failureTemplates([
  [SH, 'gti status', 127, 'command_not_found', 'bash: gti: command not found', 'git status'],
  [SH, 'curl -sI https://portal.{mail}', 6, 'network', 'curl: (6) Could not resolve host: portal.{mail}', null],
  [SH, 'nmcli connection up "{code} VPN"', 4, 'authentication', 'Error: Connection activation failed: Secrets were required, but not provided.', 'Store the VPN password in the keyring (nmcli connection modify … +vpn.secrets)'],
  [SH, 'nslookup {h}.{d} {ip}', 1, 'timeout', ';; connection timed out; no servers could be reached', 'Connect the client VPN first'],
]);
