import type { GraphClient } from './graph-client.js';
import { odataString } from './paths.js';
import type { Application } from './types.js';

/** Lists application registrations, for choosing one to link; `appId` narrows it to that one app. */
export function listApplications(
	client: GraphClient,
	options: { signal?: AbortSignal; appId?: string } = {},
): Promise<Application[]> {
	return client.list<Application>('/applications', {
		permission: 'Application.Read.All',
		query: {
			$select: 'id,appId,displayName',
			...(options.appId ? { $filter: `appId eq ${odataString(options.appId)}` } : {}),
		},
		signal: options.signal,
	});
}
