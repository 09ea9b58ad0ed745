/** Entry point of the `msp-server` bundle (bin/msp-server.cjs). */
export function main(): void {
  process.stderr.write('msp-server: the sync server is not part of this build yet (see the sync issue); the agent works offline meanwhile\n');
  process.exitCode = 1;
}
