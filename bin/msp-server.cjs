#!/usr/bin/env node
'use strict';
// The Jupiter sync server is built by the issue "Sync: the Jupiter sync server on MariaDB…".
// Until it lands, say so plainly instead of pretending.
process.stderr.write('msp-server: the sync server is not part of this build yet (see the sync issue); the agent works offline meanwhile\n');
process.exit(1);
