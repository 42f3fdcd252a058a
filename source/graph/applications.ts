import type { GraphClient } from './graph-client.js';
import type { Application } from './types.js';

/** Lists application registrations, for choosing one to link. */
export function listApplications(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<Application[]> {
	return client.list<Application>('/applications', {
		permission: 'Application.Read.All',
		query: { $select: 'id,appId,displayName' },
		signal: options.signal,
	});
}
