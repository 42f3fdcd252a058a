// "Run user flow": reads what the Run pane reads (the flow's apps, the chosen app's registration, the
// organization's initial domain) and builds the authorize link from them (run-link.ts).
import { getApplicationRegistration, listApplications } from '../graph/applications.js';
import { listFlowApplications } from '../graph/flow-apps.js';
import type { GraphClient } from '../graph/graph-client.js';
import { getOrganization, initialDomain } from '../graph/organization.js';
import type { ApplicationRegistration } from '../graph/types.js';
import type { FlowRef } from './refusals.js';
import {
	buildRunLink,
	chooseRunApp,
	type RunLink,
	type RunLinkApp,
	type RunLinkRefused,
} from './run-link.js';

/** What the person chose (all optional: the only linked app, its preferred redirect URI, a code). */
export type RunChoice = {
	readonly appId?: string;
	readonly redirectUri?: string;
	readonly responseType?: 'code' | 'id_token';
	readonly locale?: string;
	readonly prompt?: string;
	readonly random?: (size: number) => Uint8Array;
};

/** A link, with the app registration it was built for and every app linked to the flow (to choose another). */
export type RunPrepared = {
	readonly kind: 'built';
	readonly link: RunLink;
	readonly application: ApplicationRegistration;
	readonly linkedApps: readonly RunLinkApp[];
};

/** The flow's linked apps with their display names (one read of the tenant's apps names them all). */
export async function runnableApps(client: GraphClient, flowId: string): Promise<RunLinkApp[]> {
	const linked = await listFlowApplications(client, flowId);
	if (linked.length === 0) return [];
	const names = new Map(
		(await listApplications(client)).map((app) => [app.appId?.toLowerCase(), app.displayName] as const),
	);
	return linked
		.filter((app): app is { appId: string } => typeof app.appId === 'string')
		.map((app) => {
			const displayName = names.get(app.appId.toLowerCase());
			return displayName ? { appId: app.appId, displayName } : { appId: app.appId };
		});
}

/** Builds the flow's run link for the chosen (or only) linked app, or says why it cannot. */
export async function prepareRunLink(
	client: GraphClient,
	flow: FlowRef,
	choice: RunChoice = {},
): Promise<RunPrepared | RunLinkRefused> {
	const linkedApps = await runnableApps(client, flow.id);
	// An app may be named by its display name too, among the linked ones only.
	const byName = linkedApps.find((app) => app.displayName?.toLowerCase() === choice.appId?.toLowerCase());
	const chosen = chooseRunApp(flow, linkedApps, byName?.appId ?? choice.appId);
	if (chosen.kind === 'refused') return chosen;
	const [application, organization] = await Promise.all([
		getApplicationRegistration(client, chosen.appId),
		getOrganization(client),
	]);
	const built = buildRunLink({
		tenantId: organization.id ?? '',
		initialDomain: initialDomain(organization),
		domains: (organization.verifiedDomains ?? []).map((domain) => domain.name ?? '').filter(Boolean),
		graphUrl: client.baseUrl,
		application,
		...(choice.redirectUri !== undefined ? { redirectUri: choice.redirectUri } : {}),
		...(choice.responseType ? { responseType: choice.responseType } : {}),
		...(choice.locale !== undefined ? { locale: choice.locale } : {}),
		...(choice.prompt !== undefined ? { prompt: choice.prompt } : {}),
		...(choice.random ? { random: choice.random } : {}),
	});
	if (built.kind === 'refused') return built;
	return { kind: 'built', link: built.link, application, linkedApps };
}
