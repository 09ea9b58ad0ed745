// Request and response shapes of the sync server ("Jupiter"), shared by the server, the agent's
// sync client and the CLI. Types are inferred from these schemas and never declared twice; the
// server's OpenAPI description (GET /v1/openapi.json) is generated from them too.
import { z } from 'zod';

/** The protocol this build speaks. Every request carries it in PROTOCOL_HEADER. */
export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'msp-protocol';
export const DEFAULT_SERVER_PORT = 47480;

export const scopeSchema = z.enum(['msp:read', 'msp:write', 'msp:admin', 'msp:credentials']);
export type Scope = z.infer<typeof scopeSchema>;
export const ALL_SCOPES = scopeSchema.options;

const userName = z
  .string()
  .min(1, 'user must not be empty')
  .max(64, 'user is longer than 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'user may hold letters, digits and . _ @ - (starting with a letter or digit)');

export const machineDescription = z
  .object({
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'fingerprint must be 64 lowercase hex characters (SHA-256)'),
    hostname: z.string().min(1, 'hostname must not be empty').max(255, 'hostname is longer than 255 characters'),
    platform: z.string().min(1, 'platform must not be empty').max(32, 'platform is longer than 32 characters'),
  })
  .strict();
export type MachineDescription = z.infer<typeof machineDescription>;

export const loginRequest = z
  .object({
    user: userName,
    password: z.string().min(1, 'password must not be empty').max(1024, 'password is longer than 1024 characters'),
    machine: machineDescription,
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequest>;

/** Opaque refresh tokens are 32 random bytes in base64url (43 characters). */
const refreshToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'refreshToken is not a refresh token this server issued');

export const tokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  machineId: z.string(),
  scopes: z.array(scopeSchema),
});
export type TokenPair = z.infer<typeof tokenPair>;

export const refreshRequest = z.object({ refreshToken }).strict();
export type RefreshRequest = z.infer<typeof refreshRequest>;
export const logoutRequest = z.object({ refreshToken }).strict();
export type LogoutRequest = z.infer<typeof logoutRequest>;
export const logoutResponse = z.object({ loggedOut: z.literal(true) });

export const whoamiResponse = z.object({
  userId: z.string(),
  user: z.string(),
  machineId: z.string(),
  scopes: z.array(scopeSchema),
  tokenId: z.string(),
  expiresAt: z.number().int(),
  protocol: z.number().int(),
});
export type WhoamiResponse = z.infer<typeof whoamiResponse>;

/**
 * What a revocation names: one access token (its jti), one refresh-token family (and every
 * access token issued from it), every token of a machine, or every token of a user.
 */
export const revocationKind = z.enum(['token', 'family', 'machine', 'user']);
export type RevocationKind = z.infer<typeof revocationKind>;

export const revokeRequest = z
  .object({
    kind: revocationKind,
    subject: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'subject must be an id (UUID) of the token, family, machine or user'),
    reason: z.string().trim().min(1, 'reason must not be empty').max(500, 'reason is longer than 500 characters'),
  })
  .strict();
export type RevokeRequest = z.infer<typeof revokeRequest>;
export const revokeResponse = z.object({ kind: revocationKind, subject: z.string(), at: z.number().int(), refreshFamiliesRevoked: z.number().int() });

export const userView = z.object({ id: z.string(), name: z.string(), admin: z.boolean(), disabled: z.boolean(), createdAt: z.number().int() });
export type UserView = z.infer<typeof userView>;
export const usersResponse = z.object({ users: z.array(userView) });

export const machineView = z.object({
  machineId: z.string(),
  userId: z.string(),
  user: z.string(),
  hostname: z.string(),
  platform: z.string(),
  firstSeenAt: z.number().int(),
  lastSeenAt: z.number().int(),
  revoked: z.boolean(),
});
export type MachineView = z.infer<typeof machineView>;
export const machinesResponse = z.object({ machines: z.array(machineView) });

export const serverErrorCode = z.enum([
  'bad_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'rate_limited',
  'protocol',
  'unavailable',
  'internal',
]);
export type ServerErrorCode = z.infer<typeof serverErrorCode>;

export const serverErrorBody = z.object({ error: z.string(), code: serverErrorCode, field: z.string().optional() });
export type ServerErrorBody = z.infer<typeof serverErrorBody>;
