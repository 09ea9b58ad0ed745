import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTION_KINDS, redact, redactSecrets } from '../../src-main/core/redaction.js';

/** [input, secrets that must vanish, the kind its marker names, words that must stay] */
type SecretCase = [string, string[], string, string[]];
const SECRET_CASES: SecretCase[] = [
  // PowerShell
  ["Set-LocalUser -Name frontdesk -Password 'Winter2024!'", ['Winter2024!'], 'password', ['Set-LocalUser', '-Name frontdesk', '-Password']],
  ['New-LocalUser -Name svc_backup -Password "Bk$up#2024"', ['Bk$up#2024'], 'password', ['New-LocalUser', 'svc_backup', '-Password']],
  ['Invoke-Sqlcmd -ServerInstance sql01 -Username sa -Password Sq1Adm1n! -Query "SELECT 1"', ['Sq1Adm1n!'], 'password', ['sql01', '-Username sa', '-Password', 'SELECT 1']],
  ['$sec = ConvertTo-SecureString "Dental#2024" -AsPlainText -Force', ['Dental#2024'], 'password', ['ConvertTo-SecureString', '-AsPlainText -Force']],
  ["$sec = ConvertTo-SecureString -String 'Qw3rty!x' -AsPlainText -Force", ['Qw3rty!x'], 'password', ['-String', '-AsPlainText']],
  ['$c = New-Object System.Management.Automation.PSCredential ("acme\\admin", (ConvertTo-SecureString "Acme!Adm1n" -AsPlainText -Force)); Add-Computer -DomainName acme.local -Credential $c', ['Acme!Adm1n'], 'password', ['acme\\admin', 'PSCredential', 'Add-Computer -DomainName acme.local']],
  ['$password = "Tr0ub4dor&3"', ['Tr0ub4dor&3'], 'password', ['$password =']],
  ["$pw='hunter2'", ['hunter2'], 'password', ['$pw=']],
  ["$cred = [pscredential]::new('ACME\\jdoe', (ConvertTo-SecureString 'Jd0e!pass' -AsPlainText -Force))", ['Jd0e!pass'], 'password', ["'ACME\\jdoe'", '[pscredential]::new']],
  ['Set-ADAccountPassword -Identity jdoe -Reset -NewPassword (ConvertTo-SecureString -AsPlainText "Temp#12345" -Force)', ['Temp#12345'], 'password', ['Set-ADAccountPassword -Identity jdoe -Reset -NewPassword']],
  ["'Sp1ce!Girl' | ConvertTo-SecureString -AsPlainText -Force", ['Sp1ce!Girl'], 'password', ['ConvertTo-SecureString']],
  ['$nc = New-Object System.Net.NetworkCredential("svc_scan", "Sc4nN0w!")', ['Sc4nN0w!'], 'password', ['"svc_scan"', 'NetworkCredential']],
  ['$env:DB_PASSWORD = "pg-Secret-99"', ['pg-Secret-99'], 'password', ['$env:DB_PASSWORD']],
  ['Set-ItemProperty -Path "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" -Name DefaultPassword -Value "Kiosk#2024"', ['Kiosk#2024'], 'password', ['-Name DefaultPassword', '-Value', 'Winlogon']],
  ['Connect-MgGraph -AccessToken eyJhbGciOi.fake -TenantId 1234', ['eyJhbGciOi.fake'], 'token', ['Connect-MgGraph', '-AccessToken', '-TenantId 1234']],
  ['Add-VpnConnection -Name Office -ServerAddress vpn.acme.com -L2tpPsk "PskV4lue!" -Force', ['PskV4lue!'], 'password', ['-L2tpPsk', 'vpn.acme.com']],
  // Windows
  ['net user jdoe W3lcome!2024 /add /domain', ['W3lcome!2024'], 'password', ['net user jdoe', '/add /domain']],
  ['net user Administrator "Str0ng Pass!"', ['Str0ng Pass!'], 'password', ['net user Administrator']],
  ['net use \\\\fs01\\share Sh4reP@ss /user:ACME\\jdoe', ['Sh4reP@ss'], 'password', ['\\\\fs01\\share', '/user:ACME\\jdoe']],
  ['net use Z: \\\\nas01\\scans /user:scanner Sc4nner! /persistent:yes', ['Sc4nner!'], 'password', ['Z: \\\\nas01\\scans', '/user:scanner', '/persistent:yes']],
  ['cmdkey /add:fs01.acme.local /user:ACME\\svc /pass:Cmdk3y!', ['Cmdk3y!'], 'password', ['cmdkey /add:fs01.acme.local', '/user:ACME\\svc', '/pass:']],
  ['schtasks /create /tn Backup /tr C:\\bk.cmd /sc daily /ru ACME\\svc_bk /rp Bk2024!x', ['Bk2024!x'], 'password', ['/tn Backup', '/ru ACME\\svc_bk', '/rp']],
  ['sc.exe config MSSQLSERVER obj= "ACME\\svc_sql" password= SqlSvc#1', ['SqlSvc#1'], 'password', ['sc.exe config MSSQLSERVER', 'obj= "ACME\\svc_sql"', 'password=']],
  ['psexec \\\\ws042 -u ACME\\admin -p Ps3x3c! -s cmd', ['Ps3x3c!'], 'password', ['\\\\ws042', '-u ACME\\admin', '-s cmd']],
  ['systeminfo /s dc01 /u ACME\\admin /p Sys1nfo!', ['Sys1nfo!'], 'password', ['/s dc01', '/u ACME\\admin', '/p']],
  ['reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" /v DefaultPassword /t REG_SZ /d "Aut0Log!" /f', ['Aut0Log!'], 'password', ['/v DefaultPassword', '/t REG_SZ', '/f']],
  ['    Key Content            : CoffeeShopWifi99', ['CoffeeShopWifi99'], 'password', ['Key Content']],
  ['wmic /node:ws01 /user:admin /password:Wm1c!pw process list', ['Wm1c!pw'], 'password', ['/node:ws01', '/user:admin', 'process list']],
  // Unix and databases
  ['mysql -u root -pR00tPw! shop', ['R00tPw!'], 'password', ['mysql -u root -p', 'shop']],
  ["mysqldump -u backup -p'Dump!2024' --all-databases > all.sql", ['Dump!2024'], 'password', ['-u backup', '--all-databases > all.sql']],
  ['mysql --user=app --password=AppPw2024 app_db', ['AppPw2024'], 'password', ['--user=app', '--password=', 'app_db']],
  ['PGPASSWORD=pgS3cret psql -h db01 -U postgres -c "select 1"', ['pgS3cret'], 'password', ['PGPASSWORD=', 'psql -h db01 -U postgres']],
  ['MYSQL_PWD=my5ql! mysql -u root', ['my5ql!'], 'password', ['MYSQL_PWD=', 'mysql -u root']],
  ['sshpass -p "SshP4ss!" ssh admin@10.0.0.5 uptime', ['SshP4ss!'], 'password', ['sshpass -p', 'admin@10.0.0.5 uptime']],
  ['restic backup /srv --password hunter2x', ['hunter2x'], 'password', ['restic backup /srv', '--password']],
  ['rclone config create b2 b2 account 0012ab key K001abc --pass Rcl0ne!', ['Rcl0ne!'], 'password', ['rclone config create', '--pass']],
  ['kubectl config set-credentials ci --token=kube-t0ken-abc123', ['kube-t0ken-abc123'], 'token', ['kubectl config set-credentials ci', '--token=']],
  ['datadog-agent integration --api-key 0123456789abcdef0123', ['0123456789abcdef0123'], 'api_key', ['--api-key']],
  ['vault write auth/approle/login role_id=abc --secret s3cr3t-id-99', ['s3cr3t-id-99'], 'secret', ['--secret', 'role_id=abc']],
  ['plink -ssh -l root -pw Pl1nkPw! 192.168.1.1', ['Pl1nkPw!'], 'password', ['plink -ssh -l root -pw', '192.168.1.1']],
  ["smbclient //nas01/backup -U 'ACME\\jdoe%Smb!2024' -c ls", ['Smb!2024'], 'password', ['//nas01/backup', 'ACME\\jdoe%', '-c ls']],
  ['curl -u admin:Curl!Pw https://nas01:5001/api', ['Curl!Pw'], 'password', ['curl -u admin:', 'https://nas01:5001/api']],
  ['htpasswd -b /etc/nginx/.htpasswd monitor M0nit0r!', ['M0nit0r!'], 'password', ['/etc/nginx/.htpasswd monitor']],
  ["echo 'Sud0Pass!' | sudo -S apt-get update", ['Sud0Pass!'], 'password', ['echo', 'sudo -S apt-get update']],
  ['export API_KEY=ak_live_5f2b8c9d', ['ak_live_5f2b8c9d'], 'api_key', ['export API_KEY=']],
  ['SECRET_KEY=dj4ng0-s3cret ./manage.py runserver', ['dj4ng0-s3cret'], 'api_key', ['SECRET_KEY=', './manage.py runserver']],
  ['openssl pkcs12 -export -in c.pem -out c.pfx -passout pass:Pfx!2024', ['Pfx!2024'], 'password', ['-passout pass:', '-out c.pfx']],
  ['db01.acme.local:5432:erp:erp_app:Erp#Pg2024', ['Erp#Pg2024'], 'password', ['db01.acme.local:5432:erp:erp_app:']],
  ['ldapsearch -x -H ldap://dc01 -D "cn=svc,dc=acme" -w Ld4pPw! "(uid=jdoe)"', ['Ld4pPw!'], 'password', ['-D "cn=svc,dc=acme"', '-w', '(uid=jdoe)']],
  ['docker login -u ci -p D0ckerHub! registry.acme.com', ['D0ckerHub!'], 'password', ['docker login -u ci', 'registry.acme.com']],
  ['sqlcmd -S sql01 -U sa -P SqlSa!2024 -Q "select @@version"', ['SqlSa!2024'], 'password', ['-S sql01 -U sa', '-Q']],
  ['redis-cli -h cache01 -a R3d1s! ping', ['R3d1s!'], 'password', ['redis-cli -h cache01', 'ping']],
  ['sudo mount -t cifs //nas/s /mnt/s -o username=jdoe,password=Cifs!24,uid=1000', ['Cifs!24'], 'password', ['username=jdoe', 'uid=1000']],
  ['echo "jdoe:N3wPass!" | sudo chpasswd', ['N3wPass!'], 'password', ['jdoe:', 'chpasswd']],
  ['7z x backup.7z -pZ1pS3cret -o/tmp/out', ['Z1pS3cret'], 'password', ['7z x backup.7z', '-o/tmp/out']],
  // URLs, connection strings, headers
  ['git clone https://deploy:gl-Deploy-99@gitlab.acme.com/ops/scripts.git', ['gl-Deploy-99'], 'url_credentials', ['https://deploy:', '@gitlab.acme.com/ops/scripts.git']],
  ['mongodb+srv://app:M0ng0Pw@cluster0.ab1cd.mongodb.net/prod?retryWrites=true', ['M0ng0Pw'], 'url_credentials', ['mongodb+srv://app:', 'cluster0.ab1cd.mongodb.net/prod']],
  ['mount smb://scanner:Sc4n!@nas01/scans', ['Sc4n!'], 'url_credentials', ['smb://scanner:', '@nas01/scans']],
  ['"ConnectionStrings": { "Erp": "Server=sql01;Database=erp;User Id=erp_app;Password=Erp!Sql2024;" }', ['Erp!Sql2024'], 'connection_string', ['Server=sql01', 'User Id=erp_app', 'Password=']],
  ['DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql01;UID=sa;PWD={Od8c;Pw};', ['Od8c;Pw'], 'connection_string', ['SERVER=sql01', 'UID=sa', 'PWD=']],
  ['DefaultEndpointsProtocol=https;AccountName=acmebk;AccountKey=q8Vd7Xn2Lr4+abcdEFGHijkl0123456789==;EndpointSuffix=core.windows.net', ['q8Vd7Xn2Lr4+abcdEFGHijkl0123456789=='], 'azure_key', ['AccountName=acmebk', 'EndpointSuffix=core.windows.net']],
  ['Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=Zm9vYmFyYmF6cXV4MTIz=', ['Zm9vYmFyYmF6cXV4MTIz='], 'azure_key', ['SharedAccessKeyName=RootManageSharedAccessKey']],
  ['curl -H "Authorization: Bearer abc123.def456.ghi789" https://api.acme.com/v1/me', ['abc123.def456.ghi789'], 'bearer', ['Authorization: Bearer', 'https://api.acme.com/v1/me']],
  ['Authorization: Basic YWRtaW46UzNjcmV0IQ==', ['YWRtaW46UzNjcmV0IQ=='], 'basic_auth', ['Authorization: Basic']],
  ['curl -H "X-Api-Key: 9f8e7d6c5b4a" https://rmm.example/api', ['9f8e7d6c5b4a'], 'api_key', ['X-Api-Key:', 'https://rmm.example/api']],
  ['https://acmebk.blob.core.windows.net/c/f.zip?sv=2022-11-02&ss=b&sp=r&se=2025-01-01&sig=AbCdEf0123456789%2Bxyz%3D', ['AbCdEf0123456789%2Bxyz%3D'], 'azure_key', ['sv=2022-11-02', 'sp=r', 'sig=']],
  // Token formats
  ['token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'], 'jwt', ['token:']],
  ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', ['AKIAIOSFODNN7EXAMPLE'], 'aws_key', ['aws_access_key_id =']],
  ['aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], 'aws_key', ['aws configure set aws_secret_access_key']],
  ['The docs use AKIAIOSFODNN7EXAMPLE as the example key id.', ['AKIAIOSFODNN7EXAMPLE'], 'aws_key', ['The docs use', 'as the example key id.']],
  ['jdoe,,AKIAI44QH8DHBEXAMPLE,je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', ['AKIAI44QH8DHBEXAMPLE', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'], 'aws_key', ['jdoe,,']],
  ['AZURE_CLIENT_SECRET=abc8Q~dEfGhIjKlMnOpQrStUvWxYz012345678', ['abc8Q~dEfGhIjKlMnOpQrStUvWxYz012345678'], 'azure_key', ['AZURE_CLIENT_SECRET=']],
  ['git remote set-url origin https://ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789@github.com/acme/ops.git', ['ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'], 'github_token', ['github.com/acme/ops.git']],
  ['GH_TOKEN=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz gh pr list', ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'], 'github_token', ['gh pr list']],
  ['SLACK_BOT=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp', ['xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp'], 'slack_token', []],
  ['curl -X POST https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX -d @msg.json', ['T0000/B0000/XXXXXXXXXXXXXXXX'], 'slack_webhook', ['https://hooks.slack.com/services/', '-d @msg.json']],
  ['maps key AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q in the page', ['AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'], 'google_api_key', ['maps key', 'in the page']],
  ['STRIPE=sk_live_51Habcdefghijklmnop', ['sk_live_51Habcdefghijklmnop'], 'stripe_key', []],
  ['ANTHROPIC_API_KEY=sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345', ['sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345'], 'api_key', ['ANTHROPIC_API_KEY=']],
  ['gh auth login --with-token < gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', ['gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'], 'github_token', ['gh auth login --with-token <']],
  ['https://docs.example.com/reset?token=abc123def&lang=en', ['abc123def'], 'token', ['https://docs.example.com/reset?token=', '&lang=en']],
  ['az login --service-principal -u 1111-2222 -p Az.S3cret~x --tenant acme.onmicrosoft.com', ['Az.S3cret~x'], 'password', ['az login --service-principal -u 1111-2222', '--tenant acme.onmicrosoft.com']],
  // Config keys
  ['{"username": "svc_backup", "password": "Js0n!Pw"}', ['Js0n!Pw'], 'password', ['"username": "svc_backup"', '"password":']],
  ['  db_password: Yaml!Pw 2024', ['Yaml!Pw 2024'], 'password', ['db_password:']],
  ['client_secret = "cs-0a1b2c3d4e"', ['cs-0a1b2c3d4e'], 'secret', ['client_secret =']],
  ['refresh_token=rt.ABCdef123&expires_in=3600', ['rt.ABCdef123'], 'token', ['refresh_token=', 'expires_in=3600']],
  ['<AdministratorPassword>\n  <Value>Unatt3nd!</Value>\n  <PlainText>true</PlainText>\n</AdministratorPassword>', ['Unatt3nd!'], 'password', ['<AdministratorPassword>', '<PlainText>true</PlainText>']],
  ["$config = @{ Server = 'sql01'; Password = 'H4sh!Tbl' }", ['H4sh!Tbl'], 'password', ["Server = 'sql01'", 'Password =']],
  ['config system admin\n    edit "admin"\n        set password Fort1Gate!\n    next', ['Fort1Gate!'], 'password', ['edit "admin"', 'set password']],
  ['username netadmin privilege 15 secret 0 C1sc0Adm!n', ['C1sc0Adm!n'], 'password', ['username netadmin privilege 15 secret']],
  ['crypto isakmp key Ik3Psk!2024 address 203.0.113.10', ['Ik3Psk!2024'], 'password', ['crypto isakmp key', 'address 203.0.113.10']],
  // Prose
  ['The password is Sommer2024! for the scanner account.', ['Sommer2024!'], 'password', ['The password is', 'for the scanner account.']],
  ["its password is 'blue horse 7'", ['blue horse 7'], 'password', ['its password is']],
  ['my password is Pa55word, please keep it safe', ['Pa55word'], 'password', ['my password is', ', please keep it safe']],
  ['the password for admin is Adm1n#NAS.', ['Adm1n#NAS'], 'password', ['the password for admin is']],
  ['temp pw: Welcome1 (must change at logon)', ['Welcome1'], 'password', ['temp pw:', '(must change at logon)']],
  ['I reset the password for jdoe to Spring#2025 and told her by phone', ['Spring#2025'], 'password', ['reset the password for jdoe to', 'and told her by phone']],
  ['log in with password Kiosk!42 on the front desk PC', ['Kiosk!42'], 'password', ['log in with password', 'on the front desk PC']],
];

/** Text that looks like a secret but is not: it must come back byte-identical. */
const LOOK_ALIKES: string[] = [
  'Get-ADUser -Filter * -Properties PasswordLastSet',
  'Set-ADUser -Identity jdoe -PasswordNeverExpires $true',
  'net user jdoe',
  'net user jdoe *',
  'net user jdoe /active:no',
  'net user jdoe /domain',
  'mysql -p',
  'mysql -u root -p mydb',
  'mysql -u root --password mydb',
  'passwd jdoe',
  'chage -l jdoe',
  'grep -r password /etc/app.conf',
  'Test-NetConnection fs01 -Port 443',
  'ssh -p 2222 admin@fw01.acme.local',
  'scp -P 22 backup.tar admin@nas01:/volume1/',
  'git log --author=jdoe --since=2024-01-01',
  'https://support.acme.com/kb/article?page=2&lang=en',
  'ssh admin@10.0.0.5 "uptime"',
  'Reset password for jdoe via the portal',
  'password policy: 12 characters minimum',
  'The password is expired.',
  '$SecurePassword = Read-Host -AsSecureString',
  'ConvertTo-SecureString $plain -AsPlainText -Force',
  '$cred = Get-Credential',
  'Set-LocalUser -Name jdoe -Password $SecurePassword',
  'Import-Clixml -Path C:\\scripts\\cred.xml; -PasswordFile C:\\pw.txt',
  '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  'Algorithm Hash                                                             Path\nSHA256    E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 C:\\x.iso',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'ls -p /etc',
  'ps -p 1234 -o pid,cmd',
  'tar -cpzf backup.tgz /srv',
  'docker run -d -p 8080:80 nginx',
  'kubectl get secrets -n prod',
  'An account failed to log on.\n\nLogon Type:\t3\nAccount Name:\tjdoe\nFailure Reason:\tUnknown user name or bad password.',
  'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
  'ping fe80::1ff:fe23:4567:890a%eth0',
  'PasswordRequired       : True\nUserMayChangePassword  : True\nPasswordLastSet        : 3/4/2024 9:12:44 AM',
  'ssh-copy-id -i ~/.ssh/id_ed25519.pub admin@nas01',
  'passwd:         files systemd',
  'PasswordAuthentication no',
  'Get-ADDefaultDomainPasswordPolicy | Select MinPasswordLength,MaxPasswordAge',
  'The bypass: true setting lets the script run',
  'docker login -u ci --password-stdin registry.acme.com',
  'psql --no-password -h db01 erp',
  'openssl pkcs12 -in c.pfx -passin env:PFX_PASS -nodes',
  'runas /user:ACME\\admin cmd',
  'xcopy C:\\src D:\\dst /u /p /y',
  'npm test: pass 42, fail 0',
  '[sudo] password for jdoe: Sorry, try again.',
  'Minimum password length:            7\nMaximum password age (days):        42',
  '"password": null, "token_type": "Bearer", "max_tokens": 4096',
  'export PASSWORD=$DB_PASS; mysql --password="$PASSWORD"',
  'PWD=/home/jdoe',
  'Write-Host "Enter the password for $user"',
  'Write-Host "Password:" ; $x = Read-Host "value"',
  'pwd\n/home/jdoe/clients/acme',
  'Stop-Service spooler -PassThru',
  'Set-ExecutionPolicy Bypass -Scope Process',
  'ssh-keygen -t ed25519 -N "" -f ~/.ssh/acme',
  'vault token create --token-ttl 3600',
  'ansible-playbook site.yml --ask-pass --ask-become-pass',
  'I ran net user jdoe to check the account',
];

const PRIVATE_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACBvZXhhbXBsZWtleWV4YW1wbGVrZXlleGFtcGxlAAAAAA==',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

function assertRedacted(input: string, secrets: string[], kind: string, keep: string[]): string {
  const { text, kinds } = redactSecrets(input);
  for (const secret of secrets) assert.ok(!text.includes(secret), `${JSON.stringify(input)} still shows ${secret}: ${text}`);
  assert.ok(text.includes(`[REDACTED:${kind}]`), `${JSON.stringify(input)} lacks [REDACTED:${kind}]: ${text} (${kinds.join(',')})`);
  for (const word of keep) assert.ok(text.includes(word), `${JSON.stringify(input)} lost ${JSON.stringify(word)}: ${text}`);
  return text;
}

describe('redactSecrets', () => {
  it(`redacts the secret and keeps the context in ${SECRET_CASES.length} realistic commands, configs and sentences`, () => {
    for (const [input, secrets, kind, keep] of SECRET_CASES) assertRedacted(input, secrets, kind, keep);
  });

  it(`returns ${LOOK_ALIKES.length} look-alikes byte-identical`, () => {
    for (const input of LOOK_ALIKES) {
      const result = redactSecrets(input);
      assert.equal(result.text, input, `a look-alike was changed: ${JSON.stringify(input)}`);
      assert.equal(result.redactions, 0);
      assert.deepEqual(result.kinds, []);
    }
  });

  it('names every kind it produces in REDACTION_KINDS and counts each redaction', () => {
    const kinds = new Set<string>(REDACTION_KINDS);
    for (const [input] of SECRET_CASES) {
      for (const kind of redactSecrets(input).kinds) assert.ok(kinds.has(kind), `unlisted kind ${kind}`);
    }
    const result = redactSecrets('mysql -pOne1 && net user bob Two2! /add');
    assert.equal(result.redactions, 2);
    assert.deepEqual(result.kinds, ['password']);
  });

  it('redacts inside a command quoted for ssh, bash -c and an Invoke-Command script block', () => {
    assertRedacted('ssh admin@fs01 "net user scanner Sc4n!2024 /add && net localgroup administrators scanner /add"', ['Sc4n!2024'], 'password', ['ssh admin@fs01 "net user scanner', '/add && net localgroup administrators scanner /add"']);
    assertRedacted('ssh root@nas01 "net user scanner Sc4n!2024"', ['Sc4n!2024'], 'password', ['ssh root@nas01 "net user scanner', '"']);
    assertRedacted(`ssh root@nas01 'mysql -u root -pN4sR00t -e "show databases"'`, ['N4sR00t'], 'password', [`ssh root@nas01 'mysql -u root -p`, `-e "show databases"'`]);
    assertRedacted("bash -c 'PGPASSWORD=pgPw99 pg_dump -h db01 erp > erp.sql'", ['pgPw99'], 'password', ["bash -c 'PGPASSWORD=", 'pg_dump -h db01 erp > erp.sql']);
    const block = 'Invoke-Command -ComputerName dc01 -ScriptBlock { Set-ADAccountPassword -Identity jdoe -Reset -NewPassword (ConvertTo-SecureString "Reset#2025" -AsPlainText -Force); net user helpdesk H3lp!desk /add }';
    const text = assertRedacted(block, ['Reset#2025', 'H3lp!desk'], 'password', ['Invoke-Command -ComputerName dc01 -ScriptBlock {', '-Identity jdoe', 'net user helpdesk', '/add }']);
    assert.equal(redactSecrets(block).redactions, 2, text);
  });

  it('redacts the body of a multi-line private key and keeps its armour lines', () => {
    const text = redact(`key for nas01:\n${PRIVATE_KEY}\nnext line`);
    assert.equal(text, 'key for nas01:\n-----BEGIN OPENSSH PRIVATE KEY-----\n[REDACTED:private_key]\n-----END OPENSSH PRIVATE KEY-----\nnext line');
    const rsa = '-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\r\n\r\nMIIEowIBAAKCAQEAv3m\r\nAbCd+/==\r\n-----END RSA PRIVATE KEY-----';
    assert.equal(redact(rsa), '-----BEGIN RSA PRIVATE KEY-----\r\n[REDACTED:private_key]\r\n-----END RSA PRIVATE KEY-----');
    const json = '{"private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n","client_email":"x@acme.iam.gserviceaccount.com"}';
    assertRedacted(json, ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'], 'private_key', ['"client_email":"x@acme.iam.gserviceaccount.com"']);
    assertRedacted('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04f\n(output truncated)', ['MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04f'], 'private_key', ['(output truncated)']);
  });

  it('redacts known secrets anywhere, even inside words, and leaves markers alone', () => {
    const result = redactSecrets('ticket note: door code Zebra-4471, alarm Zebra-4471x; see [REDACTED:password]', { knownSecrets: ['Zebra-4471', 'REDACTED', 'ab'] });
    assert.equal(result.text, 'ticket note: door code [REDACTED:known], alarm [REDACTED:known]x; see [REDACTED:password]');
    assert.equal(result.redactions, 2);
    assert.deepEqual(result.kinds, ['known']);
    const overlapping = redactSecrets('net user bob Hunter2024! /add', { knownSecrets: ['Hunter2024!'] });
    assert.equal(overlapping.text, 'net user bob [REDACTED:known] /add', 'a known secret names the kind over a pattern');
  });

  it('applies extra patterns from the user config: the first group, or the whole match', () => {
    const extraPatterns = [
      { kind: 'door_code', pattern: /door code (\d{4})/i },
      { kind: 'customer_ref', pattern: /CUST-[A-Z0-9]{8}/g },
    ];
    const result = redactSecrets('Door code 4471 for CUST-AB12CD34 and CUST-ZZ99YY88', { extraPatterns });
    assert.equal(result.text, 'Door code [REDACTED:door_code] for [REDACTED:customer_ref] and [REDACTED:customer_ref]');
    assert.deepEqual(result.kinds, ['door_code', 'customer_ref']);
    assert.equal(extraPatterns[0]?.pattern.flags, 'i', 'the caller’s pattern is not modified');
  });

  it('is idempotent: redacting twice equals redacting once, markers are never re-redacted', () => {
    const all = [...SECRET_CASES.map(([input]) => input), PRIVATE_KEY, ...LOOK_ALIKES].join('\n');
    const once = redact(all);
    assert.equal(redact(once), once);
    for (const [input] of SECRET_CASES) {
      const first = redact(input);
      assert.equal(redact(first), first, `not idempotent: ${input}`);
    }
    for (const marked of ['password: [REDACTED:password]', '-Password [REDACTED:password]', 'curl -u admin:[REDACTED:password] https://x', 'net user bob [REDACTED:password] /add', 'the password is [REDACTED:password].', "$pw = '[REDACTED:password]'"]) {
      const result = redactSecrets(marked);
      assert.equal(result.text, marked);
      assert.equal(result.redactions, 0);
    }
  });

  it('returns text without any trigger unchanged', () => {
    const plain = 'Get-Service | Where-Object Status -eq Running | Sort-Object Name';
    assert.deepEqual(redactSecrets(plain), { text: plain, redactions: 0, kinds: [] });
    assert.deepEqual(redactSecrets(''), { text: '', redactions: 0, kinds: [] });
  });

  it('redacts 1 MB of random text laced with near-miss triggers in well under a second (linear-time patterns: a quadratic one would take minutes)', () => {
    let seed = 20_240_601;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const triggers = ['password', 'password=', '"password": "', '-Password ', '--password ', 'pwd', 'secret', 'token', 'net user a ', 'net use \\\\a\\b ', '/user:', 'mysql ', ' -p', 'sshpass', 'curl -u ', '%', '://', 'a:', '@', 'eyJ', 'eyJa.', 'AKIA', 'ghp_', 'xoxb-', 'sk-', 'Q~', '-----BEGIN PRIVATE KEY-----', '"', "'", '\\"', ';', 'Password=', 'Authorization: ', 'Bearer ', 'ConvertTo-SecureString ', ' | ', 'echo ', 'the password is ', '<password>', '$', '=', '[REDACTED:password]', '\n', ' '];
    const parts: string[] = [];
    let length = 0;
    while (length < 1 << 20) {
      const part = random() < 0.5
        ? (triggers[Math.floor(random() * triggers.length)] ?? '')
        : String.fromCharCode(32 + Math.floor(random() * 95)).repeat(1 + Math.floor(random() * 12));
      parts.push(part);
      length += part.length;
    }
    const adversarial = parts.join('').slice(0, 1 << 20);
    const longRuns = `password: ${'a'.repeat(1 << 19)}${' '.repeat(1 << 19)}x`;
    const printable = Array.from({ length: 1 << 20 }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
    redact(adversarial.slice(0, 50_000)); // let V8 compile the patterns (the first runs are interpreted)
    for (const [name, input] of [['adversarial', adversarial], ['long runs', longRuns], ['printable', printable]] as const) {
      // CPU time, best of five: the work done, not how busy the machine running the tests is.
      let best = Infinity;
      for (let run = 0; run < 5; run++) {
        const started = process.cpuUsage();
        redact(input);
        const used = process.cpuUsage(started);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      assert.ok(best < 1000, `1 MB of ${name} text took ${best.toFixed(0)} ms`);
    }
  });
});
