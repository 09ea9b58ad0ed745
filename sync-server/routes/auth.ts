/** Logging in, refreshing and logging out: the public routes a machine uses to get its tokens. */
import { loginRequest, logoutRequest, logoutResponse, refreshRequest, tokenPair } from '../../src-shared/sync-api.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import type { Services } from '../services.js';

export function authRoutes(services: Services): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST', url: '/v1/auth/login', scope: 'public', limit: 'login',
      summary: 'Log in a user on a machine: registers the machine and starts a refresh-token family',
      body: loginRequest, reply: tokenPair,
      handler: ({ body, ip, attribute }) => {
        attribute(body.user);
        return services.logins.login(body, ip);
      },
    }),
    defineRoute({
      method: 'POST', url: '/v1/auth/refresh', scope: 'public',
      summary: 'Spend a refresh token for a new token pair; a spent token presented again revokes its whole family',
      body: refreshRequest, reply: tokenPair,
      handler: ({ body }) => services.logins.refresh(body.refreshToken),
    }),
    defineRoute({
      method: 'POST', url: '/v1/auth/logout', scope: 'public',
      summary: 'End the login the refresh token belongs to (its refresh tokens and access tokens)',
      body: logoutRequest, reply: logoutResponse,
      handler: async ({ body }) => {
        await services.logins.logout(body.refreshToken, null);
        return { loggedOut: true as const };
      },
    }),
  ];
}
