import type { Family } from './demo-data.js';
import { compile, type Template } from './demo-templates.js';

/**
 * What a demo session was about: the work item title, its category, the one-line summary the
 * technician gave at the end, and a tag. Holes are those of TemplateContext ({h} is the device).
 */
export interface Scenario {
  title: Template;
  category: string;
  summary: Template;
  tag: string;
}

type ScenarioRow = [title: string, category: string, summary: string, tag: string];

const scenarios = (rows: ScenarioRow[]): Scenario[] =>
  rows.map(([title, category, summary, tag]) => ({ title: compile(title), category, summary: compile(summary), tag }));

const windows: ScenarioRow[] = [
  ['Renew SSL certificate on {h}', 'Security', 'Renewed SSL cert on {h}; bound it in IIS; restarted IIS; verified OWA and ActiveSync', 'ssl'],
  ['Free disk space on {h}', 'Troubleshooting', 'Cleared {n} GB on C: of {h} (WinSxS cleanup, IIS logs, old profiles); disk alert closed', 'remote'],
  ['Install {month} updates on {h}', 'Patching & Updates', 'Installed {month} cumulative update {kb} on {h}; rebooted after hours; services verified', 'patching'],
  ['Unlock and reset account for {user}', 'User Management', 'Unlocked AD account {user} (stale phone password); reset password; verified Outlook sign-in', 'remote'],
  ['Investigate slow logons', 'Troubleshooting', 'Slow logons traced to a dead drive mapping GPO on {h}; removed it; logon down to {n} s', 'follow-up'],
  ['Fix failed backup job on {h}', 'Backup & Recovery', 'Backup of {h} failed on VSS writer; restarted writer service, re-ran job: success', 'backup'],
  ['Onboard new user {user}', 'User Management', 'Created AD user {user}, added groups and home folder, licensed mailbox, sent welcome sheet', 'remote'],
  ['Print spooler crashes on {h}', 'Printing & Scanning', 'Spooler on {h} crashing on a bad HP driver; removed driver, installed Universal PCL 6; queue cleared', 'printer'],
  ['Check replication and DNS on {h}', 'Monitoring', 'Ran dcdiag/repadmin on {h}: replication healthy, fixed stale DNS record for {user}-PC', 'remote'],
  ['RDS users disconnected on {h}', 'Troubleshooting', 'RDS sessions dropping on {h}: RD licensing grace period ended; activated licence server; users back in', 'urgent'],
  ['Share permissions for {user}', 'Configuration', 'Gave {user} modify rights on the Accounting share on {h} via group; tested access', 'remote'],
  ['Windows time drift on {h}', 'Configuration', 'Time on {h} was {n} min off; set PDC to pool.ntp.org, resynced domain; Kerberos errors gone', 'remote'],
];

const BY_FAMILY: Record<Family, ScenarioRow[]> = {
  win2008: [...windows, ['Plan retirement of {h}', 'Infrastructure', 'Inventoried roles and shares on {h} (Server 2008 R2) for the migration; listed PowerShell 2.0 blockers', 'server-2008']],
  win2012: [...windows, ['Exchange queue stuck on {h}', 'Troubleshooting', 'Mail queue on {h} backed up (back pressure, disk 95%); cleared logs, restarted transport; queue drained', 'urgent']],
  win: windows,
  linux: [
    ['Patch {h}', 'Patching & Updates', 'apt upgrade on {h} ({n} packages), rebooted, services back; certbot renewal dry run OK', 'patching'],
    ['UniFi controller down on {h}', 'Troubleshooting', 'UniFi app on {h} would not start (disk full from MongoDB logs); rotated logs, restarted: devices reconnected', 'urgent'],
    ['Renew certificate on {h}', 'Security', 'certbot renewal on {h} failing on port 80 rule; opened it for the challenge, renewed, reloaded nginx', 'ssl'],
    ['Monitoring container on {h}', 'Monitoring', 'Updated Uptime Kuma container on {h}; added checks for the {code} VPN and OWA', 'remote'],
  ],
  readynas: [
    ['Scanner cannot save to {h}', 'Printing & Scanning', 'Scan to folder failing: {h} speaks SMB1 only; re-enabled SMB1 on its share for the scanner, tested scan', 'smb1'],
    ['Replace failed disk in {h}', 'Storage', 'Replaced failed disk {n} in {h}; RAID resync started ({n} h estimated); RMM alert acknowledged', 'nas'],
    ['WINS on {h}', 'Networking', 'Installed WINS manually on {h} (wheezy .deb over ssh); verified NetBIOS name resolution from FS01', 'smb1'],
    ['Workstation cannot map {h}', 'Troubleshooting', 'Win11 PC of {user} could not map {h} (SMB1 only); mapped via the server share instead; replacement quoted', 'eol'],
  ],
  synology: [
    ['Hyper Backup failed on {h}', 'Backup & Recovery', 'Hyper Backup on {h} failed (C2 quota); pruned versions, re-ran task: success', 'backup'],
    ['Update DSM on {h}', 'Patching & Updates', 'Updated {h} to DSM {os}; packages restarted; shares and Active Backup verified', 'patching'],
    ['Restore folder for {user}', 'Backup & Recovery', 'Restored the Projects/{n} folder for {user} from the {month} snapshot on {h}', 'backup'],
  ],
  unifi: [
    ['Site-to-site VPN down on {h}', 'Networking', 'IPsec tunnel on {h} down after ISP IP change; updated peer address; tunnel up, branch reachable', 'vpn'],
    ['Update {h} firmware', 'Patching & Updates', 'Updated {h} to {os}; checked WAN failover and port forwards afterwards', 'firewall'],
    ['Guest Wi-Fi isolation', 'Security', 'Guest network on {h} could reach the LAN; enabled client isolation and a LAN block rule; tested', 'security'],
  ],
  pfsense: [
    ['OpenVPN users cannot connect to {h}', 'Networking', 'OpenVPN on {h} stuck after a package update; restarted service, reissued {user} profile; connected', 'vpn'],
    ['Update pfSense on {h}', 'Patching & Updates', 'Backed up config, updated {h} to {os}; rules and VPN verified', 'firewall'],
    ['Port forward for camera NVR', 'Configuration', 'Added a port forward on {h} for the NVR app (restricted to the owner\'s IP); documented the rule', 'firewall'],
  ],
  fortigate: [
    ['SSL-VPN login failures on {h}', 'Networking', 'SSL-VPN on {h} rejected {user} (group missing after LDAP change); fixed group mapping; login OK', 'vpn'],
    ['Upgrade FortiOS on {h}', 'Patching & Updates', 'Upgraded {h} to FortiOS {os} along the upgrade path; config backed up; VPN and policies verified', 'firewall'],
    ['Block traffic to a phishing domain', 'Security', 'Added the phishing domain from the {month} campaign to the web filter on {h}; confirmed block page', 'security'],
  ],
  switch: [
    ['VoIP phones not getting VLAN on {h}', 'Networking', 'Phones on {h} landed on VLAN 1; fixed LLDP-MED voice VLAN on ports 1-24; phones registered', 'onsite'],
    ['Port flapping on {h}', 'Troubleshooting', 'Port {n} on {h} flapping (bad patch cable at reception); disabled port, asked for cable swap', 'follow-up'],
  ],
  printer: [
    ['Printer {h} offline', 'Printing & Scanning', '{h} offline: took a new DHCP address; reserved {ip} on the DC and fixed the port; test page OK', 'printer'],
    ['Scan to e-mail broken on {h}', 'Printing & Scanning', 'Scan to e-mail on {h} failing after M365 basic auth removal; switched to the SMTP relay connector', 'm365'],
  ],
  esxi: [
    ['Snapshot cleanup on {h}', 'Infrastructure', 'Removed a {n}-day-old snapshot on {h} that was filling datastore1; consolidated disks', 'remote'],
    ['Patch {h}', 'Patching & Updates', 'Patched {h} to {os}; VMs shut down and started in order; SSH disabled again', 'patching'],
  ],
  ups: [['UPS self-test and runtime check', 'Monitoring', 'UPS {h} self-test passed, runtime {n} min; shutdown agent on the host verified', 'remote']],
  m365: [
    ['Shared mailbox access for {user}', 'Microsoft 365', 'Gave {user} full access to office@{mail}; automapping on; verified in Outlook', 'm365'],
    ['Offboard {user}', 'User Management', 'Offboarded {user}: blocked sign-in, revoked sessions, converted mailbox to shared, forwarded to manager, freed licence', 'm365'],
    ['Missing e-mails for {user}', 'Microsoft 365', 'Message trace for {user}: vendor mails quarantined as spoof; released and allow-listed the sender domain', 'm365'],
    ['Licence review for {mail}', 'Administration', 'Licence review: {n} Business Premium in use, removed 3 unused; reported savings to the client', 'm365'],
    ['Suspicious sign-in for {user}', 'Security', 'Risky sign-in for {user} from abroad: reset password, revoked sessions, re-registered MFA; no mail rules found', 'security'],
  ],
  dev: [
    ['Ticket sync for closed tickets', 'Development', 'Fixed {h}: closed Syncro tickets were re-opened by the sync; added a test; released 1.{n}.0', 'dev'],
    ['Refactor {h} config loading', 'Development', 'Refactored config loading in {h}: one zod schema, clear error messages; tests green', 'dev'],
    ['Add disk report to {h}', 'Development', 'Added a WMI fallback to the disk report in {h} for PowerShell 2.0 servers; Pester tests added', 'dev'],
  ],
  local: [
    ['Review RMM alerts', 'Monitoring', 'Reviewed overnight RMM alerts: {n} closed as noise, 2 tickets opened (disk, backup)', 'remote'],
    ['Domain renewals', 'Administration', 'Checked domain and certificate expiries for all clients; renewed {mail} for 2 years', 'documentation'],
    ['Update documentation', 'Documentation', 'Updated network diagrams and runbooks in the client docs repository', 'documentation'],
  ],
};

export const SCENARIOS = Object.fromEntries(Object.entries(BY_FAMILY).map(([family, rows]) => [family, scenarios(rows)])) as Record<Family, Scenario[]>;

/** Extra work items of a longer session: [title, category]. */
export const SECONDARY_WORK: [string, string][] = [
  ['Checked backup status', 'Backup & Recovery'], ['Documented the change in the client notes', 'Documentation'],
  ['Reviewed event logs', 'Monitoring'], ['Called the client to confirm the fix', 'Administration'],
  ['Updated the ticket and time entry', 'Administration'], ['Checked pending Windows updates', 'Patching & Updates'],
  ['Verified antivirus status', 'Security'], ['Tested VPN access', 'Networking'],
];

export interface ProblemTemplate {
  family: Family;
  problem: string;
  symptom: string;
  error: string;
  cause: string;
  solution: string;
  steps: string;
}

const problem = (family: Family, text: string, symptom: string, error: string, cause: string, solution: string, steps: string[]): ProblemTemplate =>
  ({ family, problem: text, symptom, error, cause, solution, steps: JSON.stringify(steps) });

export const PROBLEMS: ProblemTemplate[] = [
  problem('win2008', 'Get-LocalUser missing on Server 2008 R2', 'Local account audit script stops on the old server', "The term 'Get-LocalUser' is not recognized as the name of a cmdlet", 'PowerShell 2.0: the LocalAccounts module needs 5.1', 'Use WMI instead of the LocalAccounts cmdlets', ['Get-WmiObject Win32_UserAccount -Filter "LocalAccount=True"', 'Record the PowerShell version in the device notes']),
  problem('win2008', 'Downloads fail over TLS on 2008 R2', 'Installer downloads and API calls fail from the server', 'The underlying connection was closed: An unexpected error occurred on a send.', 'TLS 1.2 not enabled for .NET and SChannel', 'Enable TLS 1.2 (SchUseStrongCrypto) and reboot', ['Install KB3140245', 'Set SchUseStrongCrypto=1 under .NETFramework\\v4.0.30319', 'Reboot after hours']),
  problem('win2012', 'Exchange transport stops accepting mail', 'Senders get 452 4.3.1 Insufficient system resources', '452 4.3.1 Insufficient system resources', 'Back pressure: transport queue disk under 10% free', 'Free disk space on the queue drive and restart transport', ['Remove old IIS and Exchange logs', 'Restart-Service MSExchangeTransport', 'Get-Queue to confirm it drains']),
  problem('win', 'RDS users disconnected every few minutes', 'Users dropped with a licensing message', 'The remote session was disconnected because there are no Remote Desktop License Servers available', 'RD licensing grace period ended; licence server not set', 'Activate the licence server and set it via GPO', ['Activate RD Licensing', 'Set the licence server and per-user mode in GPO', 'gpupdate /force on the session host']),
  problem('win', 'Backup job fails on VSS writer', 'Nightly backup fails after about 2 minutes', 'VSS writer SqlServerWriter failed: retryable error', 'SQL VSS writer stuck after a failed snapshot', 'Restart the SQL VSS Writer service and re-run the job', ['vssadmin list writers', 'Restart-Service SQLWriter', 'Re-run the backup job']),
  problem('win', 'Print spooler crashes repeatedly', 'Users cannot print; spooler stops several times a day', 'The Print Spooler service terminated unexpectedly. It has done this 4 time(s).', 'Corrupt vendor driver in the print server', 'Replace the driver with the Universal driver and clear the queue', ['Stop spooler, clear C:\\Windows\\System32\\spool\\PRINTERS', 'Remove the driver package', 'Install the Universal PCL 6 driver']),
  problem('win', 'Domain time drift breaks Kerberos', 'Users get trust relationship and clock skew errors', 'KRB_AP_ERR_SKEW: The time at the primary domain controller is different', 'The PDC emulator synced from the hypervisor clock', 'Point the PDC emulator to an external NTP source and disable VM time sync', ['w32tm /config /manualpeerlist:pool.ntp.org /syncfromflags:manual /reliable:yes /update', 'Disable time sync in the VM integration services', 'w32tm /resync /rediscover']),
  problem('readynas', 'Scanner cannot save to the NAS share', 'Scan to folder fails with a connection error', "You can't connect to the file share because it's not secure. This share requires the obsolete SMB1 protocol", 'The ReadyNAS speaks SMB1 only; the scanner firmware dropped SMB1', 'Point the scanner at a share on the file server instead', ['Create Scans share on FS01', 'Change the scanner destination', 'Test a scan']),
  problem('readynas', 'WINS package not installable on ReadyNAS', 'apt fails while installing the WINS server', '404 Not Found [IP: apt.readynas.com]', 'ReadyNAS OS apt repository is gone', 'Install the .deb from the Debian archive manually', ['Download samba-common and wins .deb from archive.debian.org', 'dpkg -i the packages', 'systemctl enable --now nmbd']),
  problem('synology', 'Hyper Backup to C2 fails', 'Nightly Hyper Backup task fails', 'The backup destination is full', 'C2 storage quota reached; rotation keeps too many versions', 'Lower the retention and prune old versions', ['Set Smart Recycle to 30 versions', 'Run version cleanup', 'Re-run the task']),
  problem('linux', 'UniFi controller does not start', 'Devices show disconnected; port 8443 closed', 'Job for unifi.service failed because the control process exited with error code.', 'MongoDB refuses to start with less than 2 GB free on /var', 'Free space on /var and restart UniFi', ['sudo journalctl --vacuum-size=200M', 'Remove old UniFi backups', 'sudo systemctl restart unifi']),
  problem('linux', 'Certificate renewal fails', 'certbot renew fails in the cron job', 'Timeout during connect (likely firewall problem)', 'Port 80 closed on the firewall for the HTTP-01 challenge', 'Allow port 80 to the server and renew', ['Add a WAN rule for TCP 80 to the server', 'sudo certbot renew', 'sudo systemctl reload nginx']),
  problem('fortigate', 'SSL-VPN login rejected', 'Users get "Permission denied" at SSL-VPN login', 'sslvpn_login_permission_denied', 'The LDAP group was renamed; the SSL-VPN policy used the old group', 'Update the user group mapping on the FortiGate', ['config user group', 'Map the new LDAP group', 'Test login with a user']),
  problem('unifi', 'Site-to-site VPN down after ISP change', 'Branch cannot reach the file server', 'IKE_SA_INIT request timed out', 'The branch public IP changed; the tunnel still pointed to the old address', 'Update the remote peer address on both gateways', ['Update peer IP in the VPN settings', 'Restart the tunnel', 'Ping the branch gateway']),
  problem('pfsense', 'OpenVPN clients cannot connect', 'Clients time out on connect', 'TLS key negotiation failed to occur within 60 seconds', 'OpenVPN service did not restart after a package update', 'Restart OpenVPN and check the service watchdog', ['pfSsh.php playback svc restart openvpn', 'Enable the Service Watchdog for OpenVPN']),
  problem('switch', 'Cannot SSH to the old switch', 'ssh refuses to negotiate', 'no matching key exchange method found. Their offer: diffie-hellman-group1-sha1', 'Old firmware only offers legacy key exchange', 'Allow the legacy algorithm for this host only', ['Add a Host entry in ~/.ssh/config with KexAlgorithms +diffie-hellman-group1-sha1', 'Plan firmware update or replacement']),
  problem('printer', 'Printer keeps going offline', 'Jobs stuck, printer shows offline', 'The printer is offline or not responding', 'The printer takes a new DHCP address after power cuts', 'Reserve the address in DHCP and point the port to it', ['Add DHCP reservation', 'Update the TCP/IP port on the print server']),
  problem('m365', 'Vendor e-mails not arriving', 'User misses invoices from a vendor', 'Message quarantined: Spoof detected', 'Vendor sends through a third-party service without SPF alignment', 'Release the messages and add a spoof allow entry', ['Get-MessageTrace for the sender', 'Release from quarantine', 'Add the sender to the Tenant Allow/Block list']),
  problem('m365', 'MFA blocks the admin PowerShell session', 'Connect-ExchangeOnline fails with a credential', 'AADSTS50076: you must use multi-factor authentication', 'Legacy credential sign-in blocked by conditional access', 'Sign in interactively or through GDAP', ['Connect-ExchangeOnline -UserPrincipalName admin (no -Credential)', 'Complete the MFA prompt']),
  problem('esxi', 'Datastore almost full', 'VMs pause with a "no more space" question', 'There is no more space for virtual disk', 'An old snapshot grew for weeks', 'Delete the snapshot and consolidate', ['vim-cmd vmsvc/snapshot.removeall VMID', 'Consolidate disks in the host client']),
];

export const TASKS = [
  'Replace {h} before the support date', 'Renew the SSL certificate on {h}', 'Quote a replacement for {h}', 'Follow up with {user} about the printer driver',
  'Remove SMB1 once the scanner is replaced', 'Check the backup of {h} after the weekend', 'Move the scanners off the ReadyNAS', 'Disable TSM-SSH on {h} again',
  'Rotate the svc-backup password', 'Send the licence review to {user}', 'Update the network diagram after the switch swap', 'Test a restore from {h}',
  'Enable MFA for the remaining {n} users', 'Upgrade FortiOS on {h} next maintenance window', 'Document the VPN settings for {code}',
].map(compile);

/** [operation, target, error, category, resolution] */
export const OPERATION_FAILURES: [string, string, string, string, string][] = [
  ['rdp_connect', '{h}.{d}', 'An authentication error has occurred. The function requested is not supported. This could be due to CredSSP encryption oracle remediation.', 'version_compatibility', 'Patched the server (CredSSP update), then RDP worked'],
  ['vpn_connect', '{code} VPN', 'Credential or SSLVPN configuration is wrong (-7200)', 'authentication', 'VPN user password expired; reset it'],
  ['vpn_connect', '{code} VPN', 'The remote gateway did not respond (timeout)', 'timeout', 'ISP outage at the client; worked through the backup link'],
  ['file_copy', '\\\\{h}\\Shared', 'ERROR 5 (0x00000005) Access is denied.', 'permission_denied', 'Copied with robocopy /B as backup operator'],
  ['install', 'Veeam Agent on {h}', 'MSI installation failed with error 1603', 'other', 'Pending reboot from updates; rebooted and reinstalled'],
  ['api_call', 'Syncro tickets API', 'HTTP 429 Too Many Requests', 'network', 'Retried after the rate-limit window'],
  ['rdp_connect', '{h}.{d}', 'Remote Desktop can\'t connect to the remote computer: the computer is turned off or not available on the network', 'network', 'The server was stuck on updates; waited and retried'],
];
