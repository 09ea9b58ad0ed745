/** Which scopes a user's tokens carry. Credential secrets have their own scope so it can be withheld later. */
import type { Scope } from '../../src-shared/sync-api.js';

export function scopesFor(user: { isAdmin: boolean }): Scope[] {
  const scopes: Scope[] = ['msp:read', 'msp:write', 'msp:credentials'];
  return user.isAdmin ? [...scopes, 'msp:admin'] : scopes;
}
