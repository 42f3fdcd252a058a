import type { GraphClient } from './graph-client.js';
import { largestPage } from './paging.js';
import { flowAppsPath, segment } from './paths.js';
import { fits, flowApplicationShape } from './shapes.js';
import type { FlowApplication } from './types.js';

const read = 'EventListener.Read.All';
const write = 'EventListener.ReadWrite.All';
const checkApp = fits(flowApplicationShape);

/** Lists the applications linked to a flow (appIds). */
export function listFlowApplications(
	client: GraphClient,
	flowId: string,
	options: { signal?: AbortSignal } = {},
): Promise<FlowApplication[]> {
	return client.list<FlowApplication>(flowAppsPath(flowId), {
		top: largestPage,
		permission: read,
		signal: options.signal,
		checkItem: checkApp,
	});
}

/** Links an application (by appId, not object id) to a flow. */
export async function linkFlowApplication(
	client: GraphClient,
	flowId: string,
	appId: string,
): Promise<FlowApplication> {
	const linked = await client.request<FlowApplication>('POST', flowAppsPath(flowId), {
		body: { '@odata.type': '#microsoft.graph.authenticationConditionApplication', appId },
		permission: write,
		checkBody: checkApp,
	});
	return linked ?? { appId };
}

/** Unlinks an application from a flow. */
export async function unlinkFlowApplication(
	client: GraphClient,
	flowId: string,
	appId: string,
): Promise<void> {
	await client.request('DELETE', `${flowAppsPath(flowId)}/${segment(appId)}`, { permission: write });
}
