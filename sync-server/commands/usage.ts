/** A wrong command line: `msp-server` exits 2 with this one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP = `Usage: msp-server [COMMAND]

The MSP Mode sync server ("Jupiter") on MariaDB.

  serve                          migrate the database, then serve (the default command)
  migrate                        bring the database schema up to date and exit
  user add NAME [--admin] [--password-stdin]
                                 add a user (password from a hidden prompt, or stdin; at least 12 characters)
  user disable NAME              disable a user and revoke all their tokens
  user list                      list users
  keys list                      list signing keys and key-encryption keys (ids only, never the keys)
  keys rotate                    add a new key-encryption key (generated keys file) and re-wrap every
                                 vault data key under it while servers keep serving
  keys retire KID                drop an old key-encryption key; refused while any secret still uses it
  vault rewrap                   re-wrap every vault data key under the newest KEK (after adding one to
                                 configured keys)
  audit [--credential ID] [--user NAME] [--limit N]
                                 who saw what: vault stores, reveals, deletes and re-wraps, newest first
  -h, --help                     show this help

Settings (environment, or keys of the JSON file named by MSP_SERVER_CONFIG; the environment wins):
  MSP_SERVER_DATABASE_URL   mysql://root@127.0.0.1:3306/msp (the database is created if missing)
  MSP_SERVER_HOST, MSP_SERVER_PORT       127.0.0.1, 47480
  MSP_SERVER_DATA_DIR       where evaluation keys are generated (~/.local/share/msp-server)
  MSP_SERVER_KEYS_FILE      keys file (signingKeys, keks); or MSP_SERVER_SIGNING_KEYS + MSP_SERVER_KEKS (JSON)
  MSP_SERVER_TLS_CERT, MSP_SERVER_TLS_KEY   PEM files: the server speaks HTTPS itself
  MSP_SERVER_TRUST_PROXY    reverse proxies whose X-Forwarded-For is believed (comma-separated)
  MSP_SERVER_BODY_LIMIT, MSP_SERVER_LOG_LEVEL, MSP_SERVER_REVOCATION_CACHE_MS`;
