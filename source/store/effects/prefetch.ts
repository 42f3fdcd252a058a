import type { Effect } from '../store.js';
import { loadApplications } from './applications.js';
import { loadTenantAttributes } from './attributes.js';
import { loadTenantIdentityProviders } from './providers.js';

/**
 * The tenant's providers, attributes and applications, read side by side: what the add-pickers and the create
 * form offer. Each is cached as any load is; one the token may not read is left as an error that its screen
 * shows (and reads again) when opened, with nothing said before.
 */
export function prefetchCatalogues(): Effect {
	return async (context) => {
		await Promise.all([
			context.run(loadTenantIdentityProviders()),
			context.run(loadTenantAttributes()),
			context.run(loadApplications()),
		]);
	};
}
