import { dev, devFailures, local, localFailures, m365, m365Failures } from './demo-commands-cloud.js';
import type { Family } from './demo-data.js';
import { commandTemplates, failureTemplates, type CommandTemplate, type FailureTemplate } from './demo-templates.js';

/**
 * Commands a technician runs against each kind of device, and how they fail there: the PowerShell
 * 2.0 cmdlets missing on Server 2008 R2, SMB1-only NAS, FreeBSD under pfSense, old SSH key exchange.
 */
const PS = 'powershell';
const SH = 'bash';

const winCommon = commandTemplates([
  [PS, "Get-WmiObject Win32_Service -ComputerName {h} -Filter \"StartMode='Auto' AND State<>'Running'\" | Select Name,State", 'Name       State\n----       -----\ngupdate    Stopped\nsppsvc     Stopped', 1800],
  [PS, "Get-WmiObject Win32_LogicalDisk -ComputerName {h} -Filter DriveType=3 | Select DeviceID,@{n='FreeGB';e={[math]::Round($_.FreeSpace/1GB,1)}}", 'DeviceID FreeGB\n-------- ------\nC:         {n}.4\nD:        212.7', 1500],
  [PS, 'Get-EventLog -ComputerName {h} -LogName System -EntryType Error -Newest 20 | Select TimeGenerated,Source,EventID', 'TimeGenerated        Source                   EventID\n-------------        ------                   -------\n09:14:02             Service Control Manager     7031', 2600],
  [PS, 'quser /server:{h}', ' USERNAME   SESSIONNAME  ID  STATE   IDLE TIME  LOGON TIME\n {user}     rdp-tcp#12    2  Active          .  08:02', 700],
  [PS, 'Invoke-Command -ComputerName {h} -ScriptBlock { Restart-Service Spooler -PassThru }', 'Status   Name     DisplayName\n------   ----     -----------\nRunning  Spooler  Print Spooler', 4200],
  [PS, 'nltest /dsgetdc:{d}', '           DC: \\\\{h}\n      Address: \\\\{ip}\n     Dom Name: {d}\nThe command completed successfully', 400],
  [PS, 'repadmin /replsummary', 'Source DSA          largest delta    fails/total %%   error\n {h}                  12m:04s    0 /   5    0', 3100],
  [PS, 'dcdiag /s:{h} /test:dns /q', '', 9000],
  [PS, 'net user {user} /domain', 'User name                    {user}\nAccount active               Yes\nPassword last set            {month}\nThe command completed successfully.', 600],
  [PS, 'net share', 'Share name   Resource                        Remark\nShared       D:\\Shares\\Shared\nScans        D:\\Scans\nThe command completed successfully.', 300],
  [PS, 'wmic /node:{h} qfe list brief /format:table', 'HotFixID   InstalledOn\n{kb}  {month}\nKB4567512  7/14/2020', 2100],
  [PS, 'Get-WmiObject Win32_UserAccount -ComputerName {h} -Filter "LocalAccount=True" | Select Name,Disabled', 'Name           Disabled\n----           --------\nAdministrator     False\nGuest              True\nsvc-backup        False', 1900],
  [PS, 'certutil -store My', '================ Certificate 0 ================\nSerial Number: 0a3f5c\nNotAfter: {month}\nSubject: CN=mail.{mail}\nCertUtil: -store command completed successfully.', 500],
  [PS, 'Import-Module ActiveDirectory; Search-ADAccount -LockedOut | Select Name,SamAccountName', 'Name          SamAccountName\n----          --------------\n{user}        {user}', 2400],
  [PS, 'Unlock-ADAccount -Identity {user}', '', 900],
  [PS, 'Set-ADAccountPassword -Identity {user} -Reset -NewPassword (Read-Host -AsSecureString "New password")', '', 8000],
  [PS, 'gpupdate /force', 'Updating policy...\nComputer Policy update has completed successfully.\nUser Policy update has completed successfully.', 14000],
  [PS, 'gpresult /s {h} /r /scope computer', 'Applied Group Policy Objects\n-----------------------------\n    Default Domain Policy\n    {code} Workstation Baseline', 5200],
  [PS, 'w32tm /query /computer:{h} /status', 'Leap Indicator: 0(no warning)\nStratum: 3 (secondary reference - syncd by (S)NTP)\nSource: time.windows.com,0x9', 800],
  [PS, 'shutdown /r /t 60 /m \\\\{h} /c "Patching - restart scheduled by MSP"', '', 600],
  [PS, 'Invoke-Command -ComputerName {h} { vssadmin list writers } | Select-String "Writer name|State"', "Writer name: 'SqlServerWriter'\n   State: [1] Stable\nWriter name: 'System Writer'\n   State: [1] Stable", 3300],
  [PS, 'Test-Connection {h} -Count 2', 'Source   Destination  IPV4Address   Bytes  Time(ms)\n------   -----------  -----------   -----  --------\nTECH01   {h}          {ip}          32     1', 1200],
  [PS, 'Invoke-Command -ComputerName {h} { iisreset /status }', 'Status for IIS Admin Service ( IISADMIN ) : Running\nStatus for World Wide Web Publishing Service ( W3SVC ) : Running', 1600],
  [PS, 'robocopy \\\\{h}\\Shared \\\\{h}\\Archive\\Shared /E /XO /R:1 /W:1 /NP /LOG+:C:\\Temp\\robocopy.log', '               Total    Copied   Skipped  Mismatch    FAILED    Extras\n    Dirs :       312         4       308         0         0         0', 95000],
  [PS, 'Get-Process -ComputerName {h} | Sort-Object WS -Descending | Select -First 5 Name,@{n="MB";e={[int]($_.WS/1MB)}}', 'Name          MB\n----          --\nsqlservr    6144\nw3wp         812\nMsMpEng      301', 2200],
  [PS, 'Get-ADUser {user} -Properties LastLogonDate,PasswordLastSet,LockedOut | Select Name,LastLogonDate,LockedOut', 'Name      LastLogonDate     LockedOut\n----      -------------     ---------\n{user}    {month}               False', 1400],
  [PS, 'Get-ADComputer -Filter * -Properties OperatingSystem | Group OperatingSystem | Select Count,Name', 'Count Name\n----- ----\n   {n} Windows 10 Pro\n    9 Windows 11 Pro\n    2 {os}', 2600],
  [PS, 'schtasks /query /s {h} /fo LIST /tn "\\MSP\\Nightly disk report"', 'TaskName:      \\MSP\\Nightly disk report\nNext Run Time: 1:00:00 AM\nStatus:        Ready', 900],
]);

const winModern = commandTemplates([
  [PS, 'Get-CimInstance Win32_OperatingSystem -ComputerName {h} | Select Caption,LastBootUpTime', 'Caption                                LastBootUpTime\n-------                                --------------\nMicrosoft {os}   {month}', 1500],
  [PS, 'Test-NetConnection {h} -Port 3389', 'ComputerName     : {h}\nRemoteAddress    : {ip}\nRemotePort       : 3389\nTcpTestSucceeded : True', 2100],
  [PS, 'Get-SmbShare -CimSession {h} | Where Name -notlike "*$"', 'Name    ScopeName Path              Description\n----    --------- ----              -----------\nShared  *         D:\\Shares\\Shared\nScans   *         D:\\Scans', 1300],
  [PS, 'Get-SmbOpenFile -CimSession {h} | Where Path -like "*QuickBooks*" | Select ClientUserName,Path', 'ClientUserName  Path\n--------------  ----\n{code}\\{user}   D:\\Shares\\Accounting\\Company.QBW', 1700],
  [PS, 'Get-DnsServerZone -ComputerName {h} | Select ZoneName,ZoneType', 'ZoneName        ZoneType\n--------        --------\n_msdcs.{d}      Primary\n{d}             Primary\n{n}.{lan}.in-addr.arpa Primary', 1300],
  [PS, 'Get-DhcpServerv4ScopeStatistics -ComputerName {h}', 'ScopeId        Free  InUse  PercentageInUse\n-------        ----  -----  ---------------\n{lan}.0        {n}    154    76.2', 1100],
  [PS, 'dism /online /cleanup-image /startcomponentcleanup', 'Deployment Image Servicing and Management tool\n[==========================100.0%==========================]\nThe operation completed successfully.', 420000],
  [PS, 'Get-HotFix -ComputerName {h} | Sort InstalledOn -Descending | Select -First 3 HotFixID,InstalledOn', 'HotFixID   InstalledOn\n--------   -----------\n{kb}  {month}', 2500],
  [PS, 'Get-VM -ComputerName {h} | Select Name,State,Uptime', 'Name     State    Uptime\n----     -----    ------\nDC01     Running  41.03:12:55\nAPP01    Running  41.03:10:02', 1900],
  [PS, 'Get-ScheduledTask -CimSession {h} -TaskPath \\MSP\\ | Select TaskName,State', 'TaskName              State\n--------              -----\nNightly disk report   Ready', 1600],
  [PS, 'Invoke-WebRequest https://mail.{mail}/owa/healthcheck.htm -UseBasicParsing | Select StatusCode', 'StatusCode\n----------\n       200', 900],
]);

const winCurrent = commandTemplates([
  [PS, 'Invoke-Command -ComputerName {h} { Get-LocalUser | Select Name,Enabled,LastLogon }', 'Name           Enabled LastLogon\n----           ------- ---------\nAdministrator    False\nmspadmin          True {month}', 1700],
  [PS, 'Invoke-Command -ComputerName {h} { Get-LocalGroupMember Administrators }', 'ObjectClass Name                 PrincipalSource\n----------- ----                 ---------------\nGroup       {code}\\Domain Admins  ActiveDirectory', 1500],
  [PS, 'Get-WindowsUpdate -ComputerName {h} -MicrosoftUpdate', 'ComputerName Status KB          Size Title\n------------ ------ --          ---- -----\n{h}          ------ {kb}   512MB {month} Cumulative Update', 24000],
  [PS, 'Install-WindowsUpdate -ComputerName {h} -AcceptAll -IgnoreReboot', 'X ComputerName Result     KB          Size Title\n- ------------ ------     --          ---- -----\n3 {h}          Installed  {kb}   512MB {month} Cumulative Update', 1500000],
  [PS, 'Get-ComputerInfo -Property OsName,OsVersion,CsTotalPhysicalMemory', 'OsName                : Microsoft {os}\nOsVersion             : 10.0.17763\nCsTotalPhysicalMemory : 34359738368', 6000],
]);

const winFailures = failureTemplates([
  [PS, 'Invoke-Command -ComputerName {h} { gpupdate /force }', 1, 'network', 'Connecting to remote server {h} failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid', 'winrm quickconfig on the server, or run it over RDP/psexec'],
  [PS, 'Get-ADUser -Identity {user}', 1, 'other', "Get-ADUser : Cannot find an object with identity: '{user}' under: 'DC={code},DC=local'.", 'Search by name: Get-ADUser -Filter "Name -like \'*surname*\'"'],
  [PS, 'Restart-Service MSExchangeTransport', 1, 'permission_denied', "Restart-Service : Service 'Microsoft Exchange Transport (MSExchangeTransport)' cannot be stopped due to the following error: Cannot open MSExchangeTransport service on computer '.'.", 'Run the shell elevated (Run as administrator)'],
  [PS, 'Remove-Item C:\\inetpub\\logs\\LogFiles\\W3SVC1\\*.log', 1, 'other', 'Remove-Item : Cannot remove item C:\\inetpub\\logs\\LogFiles\\W3SVC1\\u_ex{n}.log: The process cannot access the file because it is being used by another process.', 'Skip today\'s log: Get-ChildItem *.log | Where LastWriteTime -lt (Get-Date).AddDays(-30) | Remove-Item'],
  [PS, 'Get-WmiObject Win32_Service -ComputerName {h}', 1, 'network', 'Get-WmiObject : The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)', 'Allow WMI through the Windows firewall (netsh advfirewall firewall set rule group="windows management instrumentation (wmi)" new enable=yes)'],
  [PS, 'Get-ChildItem \\\\{h}\\D$\\Shares -Recurse | Measure-Object Length -Sum', 1, 'permission_denied', "Get-ChildItem : Access to the path '\\\\{h}\\D$\\Shares\\HR' is denied.", 'Use the backup operator account or robocopy /B /L for sizes'],
  [PS, 'Enter-PSSession {h}', 1, 'authentication', 'Enter-PSSession : Connecting to remote server {h} failed with the following error message : Access is denied.', 'Use -Credential with the domain admin account ({code}\\mspadmin)'],
  [PS, 'Get-Servcie -ComputerName {h}', 1, 'command_not_found', "Get-Servcie : The term 'Get-Servcie' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'Get-Service'],
  [PS, 'Test-Connection {h} -Count 4', 1, 'timeout', "Test-Connection : Testing connection to computer '{h}' failed: Request timed out.", 'Connect the client VPN first'],
  [PS, "Get-WmiObject Win32_LogicalDisk -Filter DriveType=3 | Select DeviceID,@{n='FreeGB';e={$_.FreeSpace/1GB}", 1, 'syntax_error', "Missing closing '}' in statement block or type definition.", null],
  [PS, 'robocopy \\\\{h}\\Shared \\\\{h}\\Archive\\Shared /MIR /R:1 /W:1', -1073741510, 'interrupted', 'robocopy stopped with Ctrl+C (STATUS_CONTROL_C_EXIT)', null],
  [PS, 'Install-WindowsUpdate -ComputerName {h} -AcceptAll', 1, 'network', 'Install-WindowsUpdate : Exception from HRESULT: 0x8024402C', 'Check the proxy/WSUS setting: netsh winhttp show proxy; remove the stale WSUS GPO'],
  [PS, 'Invoke-Command -ComputerName {h} { Get-EventLog Security -Newest 500 }', 1, 'timeout', 'Processing data for a remote command failed with the following error message: The WSMan provider host process did not return a proper response.', 'Filter on the server side: Get-WinEvent -FilterHashtable @{LogName="Security"; Id=4740}'],
]);

const win2008Failures = failureTemplates([
  [PS, 'Invoke-Command -ComputerName {h} { Get-LocalUser }', 1, 'command_not_found', "The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'Get-WmiObject Win32_UserAccount -Filter "LocalAccount=True" (PowerShell 2.0 on Server 2008 R2)', true],
  [PS, 'Get-SmbShare -CimSession {h}', 1, 'command_not_found', "The term 'Get-SmbShare' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'net share, or Get-WmiObject Win32_Share -ComputerName HOST', true],
  [PS, 'Invoke-WebRequest -Uri https://download.microsoft.com/download/KB{n}.msu -OutFile C:\\Temp\\update.msu', 1, 'command_not_found', "The term 'Invoke-WebRequest' is not recognized as the name of a cmdlet, function, script file, or operable program.", '(New-Object Net.WebClient).DownloadFile(url, path) after enabling TLS 1.2', true],
  [PS, 'Test-NetConnection {h} -Port 443', 1, 'command_not_found', "The term 'Test-NetConnection' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'portqry -n HOST -e 443, or (New-Object Net.Sockets.TcpClient).Connect(host, 443)', true],
  [PS, 'Get-CimInstance Win32_OperatingSystem -ComputerName {h}', 1, 'command_not_found', "The term 'Get-CimInstance' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'Get-WmiObject Win32_OperatingSystem', true],
  [PS, "(New-Object Net.WebClient).DownloadString('https://api.syncromsp.com/ping')", 1, 'version_compatibility', 'Exception calling "DownloadString" with "1" argument(s): "The underlying connection was closed: An unexpected error occurred on a send."', '[Net.ServicePointManager]::SecurityProtocol = 3072 (TLS 1.2; needs .NET 4.5 and KB3140245)', true],
  [PS, 'dism /online /cleanup-image /startcomponentcleanup', 87, 'version_compatibility', 'Error: 87\nThe startcomponentcleanup option is unknown.', 'cleanmgr with "Windows Update Cleanup" (KB2852386) on 2008 R2', true],
  [PS, 'Get-ScheduledTask -TaskPath \\MSP\\', 1, 'command_not_found', "The term 'Get-ScheduledTask' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'schtasks /query /fo LIST /v', true],
]);

const win2012Failures = failureTemplates([
  [PS, 'Invoke-Command -ComputerName {h} { Get-LocalUser }', 1, 'command_not_found', "The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'net user, or Get-WmiObject Win32_UserAccount (PowerShell 4.0 has no LocalAccounts module)', true],
  [PS, 'Install-Module PSWindowsUpdate -Force', 1, 'command_not_found', "The term 'Install-Module' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'Copy the PSWindowsUpdate folder to C:\\Program Files\\WindowsPowerShell\\Modules, or use sconfig option 6', true],
  [PS, 'Expand-Archive C:\\Temp\\tools.zip C:\\Tools', 1, 'command_not_found', "The term 'Expand-Archive' is not recognized as the name of a cmdlet, function, script file, or operable program.", '[IO.Compression.ZipFile]::ExtractToDirectory() after Add-Type -Assembly System.IO.Compression.FileSystem', true],
]);

const linux = commandTemplates([
  [SH, "ssh {h} 'df -h / /var'", 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda2        98G   61G   33G  {n}% /', 700],
  [SH, "ssh {h} 'uptime'", ' 10:42:01 up {n} days,  3:12,  1 user,  load average: 0.31, 0.27, 0.22', 500],
  [SH, "ssh {h} 'sudo apt-get update && sudo apt-get -y upgrade'", 'Fetched 4,312 kB in 3s (1,402 kB/s)\n{n} upgraded, 0 newly installed, 0 to remove and 0 not upgraded.', 95000],
  [SH, "ssh {h} 'systemctl status unifi --no-pager | head -5'", '● unifi.service - unifi\n     Loaded: loaded (/lib/systemd/system/unifi.service; enabled)\n     Active: active (running) since Mon; {n} days ago', 800],
  [SH, "ssh {h} 'sudo journalctl -u nginx --since \"1 hour ago\" --no-pager | tail -20'", '-- No entries --', 900],
  [SH, "ssh {h} 'free -m'", '               total        used        free      shared  buff/cache   available\nMem:            7951        3120         602          41        4228        4520', 500],
  [SH, "ssh {h} 'sudo certbot renew --dry-run'", 'Congratulations, all simulated renewals succeeded:\n  /etc/letsencrypt/live/{h}.{mail}/fullchain.pem (success)', 21000],
  [SH, "ssh {h} 'sudo systemctl restart nginx && systemctl is-active nginx'", 'active', 1800],
  [SH, "ssh {h} 'sudo docker ps'", 'CONTAINER ID   IMAGE                 STATUS        NAMES\n3f2a9c1d8e7b   louislam/uptime-kuma  Up {n} days    uptime-kuma', 900],
  [SH, "ssh {h} 'sudo ufw status numbered'", 'Status: active\n[ 1] 22/tcp   ALLOW IN   {lan}.0/24\n[ 2] 8443/tcp ALLOW IN   Anywhere', 700],
  [SH, "ssh {h} 'sudo du -sh /var/log/* | sort -h | tail -3'", '312M\t/var/log/unifi\n1.1G\t/var/log/journal\n2.4G\t/var/log/syslog.1', 3400],
  [SH, "ssh {h} 'lsb_release -d'", 'Description:\t{os}', 400],
  [SH, 'scp {h}:/etc/nginx/sites-available/default ./configs/{h}-nginx.conf', '', 900],
]);

const linuxFailures = failureTemplates([
  [SH, "ssh {h} 'apt-get -y upgrade'", 100, 'permission_denied', 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)', 'sudo apt-get -y upgrade'],
  [SH, "ssh {h} 'sudo apt-get update'", 100, 'other', 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process {n}21 (unattended-upgr)', 'Wait for unattended-upgrades to finish (systemctl status unattended-upgrades)', true],
  [SH, 'ssh {h}', 255, 'timeout', 'ssh: connect to host {h} port 22: Connection timed out', 'Connect the client VPN first'],
  [SH, "ssh {h} 'sudo systemctl restart unifi'", 1, 'other', 'Job for unifi.service failed because the control process exited with error code.', 'Free disk space on /var (MongoDB will not start below 2 GB), then restart', true],
  [SH, "ssh {h} 'ifconfig'", 127, 'command_not_found', 'bash: ifconfig: command not found', 'ip -br addr'],
  [SH, 'ssh admin@{h}', 255, 'authentication', 'admin@{h}: Permission denied (publickey).', 'ssh as mspadmin with the MSP key (~/.ssh/msp_ed25519)'],
  [SH, "ssh {h} 'sudo do-release-upgrade'", 130, 'interrupted', 'Upgrade aborted by the technician (Ctrl+C)', null],
  [SH, "ssh {h} 'sudo apt-get install -y python3.10'", 100, 'version_compatibility', 'E: Unable to locate package python3.10', 'Ubuntu 18.04 ships python3.6: use the deadsnakes PPA or upgrade the release', true],
]);

const readynas = commandTemplates([
  [SH, "ssh root@{h} 'df -h /data'", 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/md127       8.2T  6.9T  1.3T  {n}% /data', 600],
  [SH, "ssh root@{h} 'cat /proc/mdstat'", 'md127 : active raid5 sdd3[3] sdc3[2] sdb3[1] sda3[0]\n      8776306368 blocks super 1.2 level 5, 64k chunk [4/4] [UUUU]', 500],
  [SH, "ssh root@{h} 'systemctl status nmbd --no-pager | head -3'", '● nmbd.service - Samba NMB Daemon\n   Active: active (running) since Tue; {n} days ago', 700],
  [SH, "ssh root@{h} 'smbstatus -b | tail -5'", 'PID     Username     Group        Machine\n{n}12   {user}       users        {lan}.57 (ipv4:{lan}.57:49731)', 800],
  [SH, "ssh root@{h} 'grep -i \"protocol\" /etc/frontview/samba/smb.conf.overrides'", 'server min protocol = NT1\nserver max protocol = NT1', 400],
  [SH, 'nmblookup {h}', 'querying {h} on {lan}.255\n{ip} {h}<00>', 1200],
  [SH, "ssh root@{h} 'btrfs filesystem usage /data | head -6'", 'Overall:\n    Device size:                   8.17TiB\n    Used:                          6.92TiB\n    Free (estimated):              1.24TiB', 1500],
]);

const readynasFailures = failureTemplates([
  ['cmd', 'net use S: \\\\{h}\\Shared /persistent:yes', 2, 'version_compatibility', "You can't connect to the file share because it's not secure. This share requires the obsolete SMB1 protocol, which is unsafe.", 'The NAS speaks SMB1 only: enable the SMB 1.0 client on this workstation (temporary) or map the share from the server', true],
  [SH, "ssh root@{h} 'apt-get install -y wins'", 100, 'network', 'E: Failed to fetch http://apt.readynas.com/packages/readynasos/dists/apollo/main/binary-amd64/Packages  404  Not Found', 'Download the wheezy-era .deb from archive.debian.org and dpkg -i it', true],
  [SH, "ssh admin@{h} 'sudo systemctl restart smbd'", 127, 'command_not_found', 'bash: sudo: command not found', 'ReadyNAS has no sudo: ssh as root with the admin password'],
  [SH, 'ssh admin@{h}', 255, 'authentication', 'admin@{h}: Permission denied, please try again.', 'ReadyNAS SSH accepts root (with the admin password), not admin'],
]);

const synology = commandTemplates([
  [SH, "ssh admin@{h} 'sudo synoshare --enum ALL'", 'Share Enum Argument: [0xF07] ALL\n4 Listed:\nhomes\nShared\nScans\nBackup', 900],
  [SH, "ssh admin@{h} 'cat /etc.defaults/VERSION'", 'majorversion="7"\nminorversion="1"\nproductversion="{os}"', 400],
  [SH, "ssh admin@{h} 'sudo synopkg status HyperBackup'", 'package HyperBackup is started', 700],
  [SH, "ssh admin@{h} 'df -h /volume1'", 'Filesystem         Size  Used Avail Use% Mounted on\n/dev/mapper/cachedev_0  11T  7.1T  3.9T  {n}% /volume1', 500],
  [SH, "ssh admin@{h} 'sudo smartctl -H /dev/sata1'", 'SMART overall-health self-assessment test result: PASSED', 1300],
  [SH, "ssh admin@{h} 'cat /proc/mdstat | head -3'", 'md2 : active raid5 sata4p5[3] sata3p5[2] sata2p5[1] sata1p5[0]\n      11706562368 blocks super 1.2 level 5 [4/4] [UUUU]', 500],
]);

const synologyFailures = failureTemplates([
  [SH, "ssh admin@{h} 'synoshare --enum ALL'", 1, 'permission_denied', 'synoshare: Permission denied', 'sudo synoshare (the admin group may sudo on DSM)'],
  [SH, "ssh admin@{h} 'apt-get install htop'", 127, 'command_not_found', '-ash: apt-get: command not found', 'DSM has no apt: run tools in a Container Manager container'],
  [SH, "ssh admin@{h} 'sudo smartctl -H /dev/sda'", 2, 'version_compatibility', 'Smartctl open device: /dev/sda failed: No such device', 'DSM 7 names disks /dev/sata1…: sudo smartctl -H /dev/sata1', true],
]);

const unifi = commandTemplates([
  [SH, "ssh root@{h} 'info'", 'Model:       UDM-Pro\nVersion:     {os}\nIP Address:  {ip}\nStatus:      Connected (https://unifi.ui.com)', 800],
  [SH, "ssh root@{h} 'iptables -L UBIOS_WAN_IN_USER -n --line-numbers | head -8'", 'Chain UBIOS_WAN_IN_USER (1 references)\nnum  target  prot opt source       destination\n1    RETURN  all  --  0.0.0.0/0    0.0.0.0/0   state RELATED,ESTABLISHED', 900],
  [SH, "ssh root@{h} 'ping -c 3 8.8.8.8'", '3 packets transmitted, 3 received, 0% packet loss, time 2003ms\nrtt min/avg/max/mdev = 11.8/12.4/13.1/0.5 ms', 2600],
  [SH, "ssh root@{h} 'ipsec statusall | head -4'", 'Security Associations (1 up, 0 connecting):\n    peer-{ip}[{n}]: ESTABLISHED 3 hours ago', 1100],
  [SH, "ssh root@{h} 'ip -br addr | head -5'", 'br0     UP   {lan}.1/24\neth8    UP   203.0.113.{n}/29', 500],
]);

const unifiFailures = failureTemplates([
  [SH, 'ssh admin@{h}', 255, 'authentication', 'admin@{h}: Permission denied (publickey,password).', 'UniFi OS SSH is root with the device SSH password (Settings › Advanced), not the UI account'],
  [SH, "ssh root@{h} 'set-inform http://unifi.{d}:8080/inform'", 127, 'command_not_found', '-sh: set-inform: not found', 'set-inform is for adopted APs and switches; the gateway adopts itself'],
  [SH, "ssh root@{h} 'configure'", 127, 'version_compatibility', '-bash: configure: command not found', 'UniFi OS is not EdgeOS: make changes in the Network application', true],
]);

const pfsense = commandTemplates([
  [SH, "ssh root@{h} 'pfctl -si | head -6'", 'Status: Enabled for {n} days 03:12:55           Debug: Urgent\nState Table                          Total             Rate\n  current entries                     1843', 700],
  [SH, "ssh root@{h} 'ifconfig igb0 | head -4'", 'igb0: flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> metric 0 mtu 1500\n\tinet 203.0.113.{n} netmask 0xfffffff8', 500],
  [SH, "ssh root@{h} 'sockstat -4 -l | head -5'", 'USER     COMMAND    PID   FD PROTO  LOCAL ADDRESS  FOREIGN ADDRESS\nroot     openvpn    {n}41  6  udp4   *:1194         *:*', 600],
  [SH, "ssh root@{h} 'pfSsh.php playback svc restart openvpn'", 'Attempting to issue restart to openvpn service...\n\topenvpn has been restarted.', 3200],
  [SH, "ssh root@{h} 'tail -n 5 /var/log/filter.log'", 'filterlog[{n}]: 5,,,1000000103,igb0,match,block,in,4,0x0,,242,54321,0,none,6,tcp,44,45.155.205.{n},203.0.113.2', 500],
  [SH, "ssh root@{h} 'cat /etc/version'", '{os}-RELEASE', 300],
]);

const pfsenseFailures = failureTemplates([
  [SH, "ssh root@{h} 'ip addr'", 1, 'command_not_found', 'ip: Command not found.', 'pfSense is FreeBSD: ifconfig'],
  [SH, "ssh root@{h} 'systemctl restart openvpn'", 1, 'command_not_found', 'systemctl: Command not found.', 'pfSsh.php playback svc restart openvpn'],
  [SH, "ssh root@{h} 'netstat -tulpn'", 1, 'syntax_error', 'netstat: illegal option -- p', 'sockstat -4 -l'],
]);

const fortigate = commandTemplates([
  [SH, "ssh admin@{h} 'get system status'", 'Version: FortiGate-60F v{os},build0523 (GA.M)\nSerial-Number: FGT60FTK2109{n}\nHA Mode: standalone\nOperation Mode: NAT', 1200],
  [SH, "ssh admin@{h} 'get router info routing-table all | head -6'", 'S*      0.0.0.0/0 [10/0] via 203.0.113.1, wan1\nC       {lan}.0/24 is directly connected, internal', 1100],
  [SH, "ssh admin@{h} 'diagnose vpn ike gateway list | head -6'", 'vd: root/0\nname: to-branch\nversion: 2\ncreated: {n}s ago\nIKE SA: created 1/1  established 1/1', 1400],
  [SH, "ssh admin@{h} 'execute ping 8.8.8.8'", '5 packets transmitted, 5 packets received, 0% packet loss\nround-trip min/avg/max = 9.8/10.2/10.9 ms', 5200],
  [SH, "ssh admin@{h} 'get vpn ssl monitor'", 'SSL VPN Login Users:\n Index   User     Group      Auth Type   Timeout\n 0       {user}   VPN-Users  1(1)        {n}', 1000],
  [SH, "ssh admin@{h} 'get system performance status | head -3'", 'CPU states: 3% user 1% system 0% nice 96% idle\nMemory: 2045524k total, 1021400k used ({n}%)', 1300],
  [SH, "ssh admin@{h} 'show firewall policy 12'", 'config firewall policy\n    edit 12\n        set name "LAN to WAN"\n        set srcintf "internal"\n        set action accept\n    next\nend', 900],
]);

const fortigateFailures = failureTemplates([
  [SH, "ssh admin@{h} 'get firewall policy 99'", 1, 'syntax_error', 'entry not found in datasource\nCommand fail. Return code -3', 'show firewall policy | grep -f NAME to find the id first'],
  [SH, "ssh admin@{h} 'execute ping-options source {lan}.254'", 1, 'syntax_error', 'Command fail. Return code -651', 'execute ping-options source must be an interface IP of the FortiGate'],
  [SH, 'ssh admin@{h}', 255, 'authentication', 'Connection closed by {ip} port 22', 'Trusted hosts only: connect from the MSP office IP or over SSL-VPN', true],
]);

const switches = commandTemplates([
  [SH, "ssh admin@{h} 'show vlan'", 'VLAN ID Name          Status\n------- ------------- ------\n1       DEFAULT_VLAN  Port-based\n20      VOICE         Port-based\n{n}      GUEST         Port-based', 1400],
  [SH, "ssh admin@{h} 'show mac-address-table'", ' MAC Address       Port  VLAN\n 00155d-0a{n}01     24    1\n b827eb-3c2211     7     20', 1600],
  [SH, "ssh admin@{h} 'show logging -r | head -5'", 'I 01/03/24 09:12:01 00076 ports: port 7 is now on-line\nW 01/03/24 08:58:44 00077 ports: port 7 is now off-line', 1200],
  [SH, "ssh admin@{h} 'show power-over-ethernet brief | head -5'", 'Port Power Enable Priority Alloc By Actual Power  Status\n7    Yes          low      usage    6.4 W         Delivering', 1300],
  [SH, 'snmpwalk -v2c -c {code}ro {ip} IF-MIB::ifOperStatus | head -4', 'IF-MIB::ifOperStatus.1 = INTEGER: up(1)\nIF-MIB::ifOperStatus.2 = INTEGER: down(2)', 2200],
]);

const switchFailures = failureTemplates([
  [SH, 'ssh admin@{h}', 255, 'version_compatibility', 'Unable to negotiate with {ip} port 22: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1', 'ssh -oKexAlgorithms=+diffie-hellman-group1-sha1 -oHostKeyAlgorithms=+ssh-rsa admin@IP', true],
  [SH, "ssh admin@{h} 'show running-config | include vlan'", 1, 'syntax_error', '% Invalid input detected at "|" marker.', 'show running-config, then filter locally with grep', true],
]);

const printer = commandTemplates([
  [SH, 'ping -c 3 {ip}', '3 packets transmitted, 3 received, 0% packet loss, time 2003ms', 2100],
  [SH, 'snmpwalk -v2c -c public {ip} 1.3.6.1.2.1.43.11.1.1.9', 'SNMPv2-SMI::mib-2.43.11.1.1.9.1.1 = INTEGER: {n}\nSNMPv2-SMI::mib-2.43.11.1.1.9.1.2 = INTEGER: 71', 1800],
  [SH, 'curl -skI https://{ip}/ | head -1', 'HTTP/1.1 200 OK', 900],
  [SH, 'nmap -p 9100,515,631,445 {ip}', 'PORT     STATE SERVICE\n445/tcp  open  microsoft-ds\n631/tcp  open  ipp\n9100/tcp open  jetdirect', 3100],
  [PS, 'Get-PrintJob -ComputerName FS01 -PrinterName {h} | Select Id,DocumentName,JobStatus', 'Id DocumentName             JobStatus\n-- ------------             ---------\n{n} Microsoft Word - Invoice  Error, Printing', 1200],
]);

const printerFailures = failureTemplates([
  [SH, 'ping -c 3 {ip}', 1, 'network', '3 packets transmitted, 0 received, 100% packet loss, time 2050ms', 'The printer took a new DHCP address: check the DHCP leases and reserve it'],
  [SH, 'snmpwalk -v2c -c public {ip} 1.3.6.1.2.1.43.11.1.1.9', 1, 'timeout', 'Timeout: No Response from {ip}', 'The SNMP community is not "public" on this printer: see its credential', true],
]);

const esxi = commandTemplates([
  [SH, "ssh root@{h} 'esxcli vm process list | grep -E \"^[A-Z]\"'", 'DC01\nAPP01\nFS01', 1400],
  [SH, "ssh root@{h} 'vim-cmd vmsvc/getallvms'", 'Vmid   Name    File                       Guest OS\n1      DC01    [datastore1] DC01/DC01.vmx  windows9Server64Guest', 1800],
  [SH, "ssh root@{h} 'esxcli system version get'", '   Product: VMware ESXi\n   Version: {os}\n   Build: Releasebuild-{n}424296', 900],
  [SH, "ssh root@{h} 'vim-cmd vmsvc/snapshot.get 1'", 'Get Snapshot:\n|-ROOT\n--Snapshot Name        : before-patching\n--Snapshot Created On  : {month}', 1100],
  [SH, "ssh root@{h} 'df -h | grep datastore'", 'VMFS-6      1.7T   1.2T  512.0G  {n}% /vmfs/volumes/datastore1', 800],
]);

const esxiFailures = failureTemplates([
  [SH, 'ssh root@{h}', 255, 'network', 'ssh: connect to host {h} port 22: Connection refused', 'Enable TSM-SSH in the host client (Manage › Services), disable it afterwards', true],
]);

const ups = commandTemplates([
  [SH, 'snmpget -v1 -c {code}ro {ip} PowerNet-MIB::upsAdvBatteryCapacity.0 PowerNet-MIB::upsAdvBatteryRunTimeRemaining.0', 'PowerNet-MIB::upsAdvBatteryCapacity.0 = Gauge32: 100\nPowerNet-MIB::upsAdvBatteryRunTimeRemaining.0 = Timeticks: (222000) 0:37:00.00', 1500],
  [SH, 'ping -c 3 {ip}', '3 packets transmitted, 3 received, 0% packet loss, time 2003ms', 2100],
]);

const upsFailures = failureTemplates([
  [SH, 'curl -skI https://{ip}/', 35, 'version_compatibility', 'curl: (35) error:0A000102:SSL routines::unsupported protocol', 'The NMC2 speaks TLS 1.0 only: use SSH or SNMP, or update the NMC firmware', true],
]);


/** Successful command templates of each family. */
export const COMMANDS: Record<Family, CommandTemplate[]> = {
  win2008: winCommon, win2012: [...winCommon, ...winModern], win: [...winCommon, ...winModern, ...winCurrent],
  linux, readynas, synology, unifi, pfsense, fortigate, switch: switches, printer, esxi, ups, m365, dev, local,
};

/** Failure templates of each family; on Server 2008 R2 the PowerShell 2.0 failures count twice: they are what trips people there. */
export const FAILURES: Record<Family, FailureTemplate[]> = {
  win2008: [...winFailures, ...win2008Failures, ...win2008Failures], win2012: [...winFailures, ...win2012Failures], win: winFailures,
  linux: linuxFailures, readynas: readynasFailures, synology: synologyFailures, unifi: unifiFailures, pfsense: pfsenseFailures,
  fortigate: fortigateFailures, switch: switchFailures, printer: printerFailures, esxi: esxiFailures, ups: upsFailures,
  m365: m365Failures, dev: devFailures, local: localFailures,
};

/** The share of commands that fail, per family: old Windows fails most, it is where habits break. */
export const FAILURE_RATE: Record<Family, number> = {
  win2008: 0.17, win2012: 0.12, win: 0.08, linux: 0.09, readynas: 0.14, synology: 0.08, unifi: 0.09, pfsense: 0.11, fortigate: 0.1,
  switch: 0.12, printer: 0.1, esxi: 0.08, ups: 0.1, m365: 0.09, dev: 0.13, local: 0.06,
};
