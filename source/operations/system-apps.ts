// Applications that are part of the tenant itself and must never be a user flow's application.
import type { Application } from '../graph/types.js';

/**
 * The b2c-extensions-app stores the custom attributes' values ("Do not modify" in its name); customers never
 * sign in to it, so linking it to a user flow only confuses. It is known by its display name, which the
 * service gives it and no other app.
 */
export function isSystemApp(app: Pick<Application, 'displayName'>): boolean {
	return app.displayName?.trim().toLowerCase().startsWith('b2c-extensions-app') === true;
}
