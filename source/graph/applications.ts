import type { GraphClient } from './graph-client.js';
import { largestPage } from './paging.js';
import { odataString } from './paths.js';
import { applicationRegistrationShape, applicationShape, fits } from './shapes.js';
import type { Application, ApplicationRegistration } from './types.js';

/** Lists application registrations, for choosing one to link; `appId` narrows it to that one app. */
export function listApplications(
	client: GraphClient,
	options: { signal?: AbortSignal; appId?: string } = {},
): Promise<Application[]> {
	return client.list<Application>('/applications', {
		top: largestPage,
		permission: 'Application.Read.All',
		query: {
			$select: 'id,appId,displayName',
			...(options.appId ? { $filter: `appId eq ${odataString(options.appId)}` } : {}),
		},
		checkItem: fits(applicationShape),
		signal: options.signal,
	});
}

/** One app registration by appId with its platforms' redirect URIs (what "run the flow" chooses from). */
export async function getApplicationRegistration(
	client: GraphClient,
	appId: string,
	options: { signal?: AbortSignal } = {},
): Promise<ApplicationRegistration> {
	// The key's value is percent-encoded so no character of it can change the path.
	const key = encodeURIComponent(odataString(appId));
	const body = await client.request<ApplicationRegistration>('GET', `/applications(appId=${key})`, {
		permission: 'Application.Read.All',
		query: { $select: 'id,appId,displayName,web,spa,publicClient' },
		checkBody: fits(applicationRegistrationShape),
		signal: options.signal,
	});
	return body ?? {};
}
