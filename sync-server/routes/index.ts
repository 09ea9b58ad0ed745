/**
 * The one route table. Each module returns its route declarations.
 */
import type { RouteSpec } from '../http/route.js';
import type { Services } from '../services.js';
import { adminRoutes } from './admin.js';
import { authRoutes } from './auth.js';
import { openApiRoute } from './openapi.js';
import { syncRoutes } from './sync.js';
import { vaultRoutes } from './vault.js';
import { whoamiRoutes } from './whoami.js';

export const SERVER_VERSION = '0.1.0';

export function allRoutes(services: Services, extra: readonly RouteSpec[] = []): RouteSpec[] {
  const routes: RouteSpec[] = [...authRoutes(services), ...whoamiRoutes(), ...adminRoutes(services), ...syncRoutes(services), ...vaultRoutes(services), ...extra];
  routes.push(openApiRoute(() => routes, SERVER_VERSION));
  return routes;
}
