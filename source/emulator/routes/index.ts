import type { Route } from '../router.js';
import { applicationRoutes } from './applications.js';
import { auditLogRoutes } from './audit-logs.js';
import { authMethodRoutes } from './auth-methods.js';
import { extensionRoutes } from './extensions.js';
import { flowAppRoutes } from './flow-apps.js';
import { flowAttributeRoutes } from './flow-attributes.js';
import { flowExtensionRoutes } from './flow-extensions.js';
import { flowProviderRoutes } from './flow-providers.js';
import { flowRoutes } from './flows.js';
import { organizationRoutes } from './organization.js';
import { tenantRoutes } from './tenant.js';

/** Every Graph route the emulator serves (the same table under /v1.0 and /beta). */
export const graphRoutes: Route[] = [
	...flowRoutes,
	...flowProviderRoutes,
	...flowAttributeRoutes,
	...flowAppRoutes,
	...flowExtensionRoutes,
	...extensionRoutes,
	...organizationRoutes,
	...tenantRoutes,
	...applicationRoutes,
	...authMethodRoutes,
	...auditLogRoutes,
];
