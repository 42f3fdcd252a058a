import { getUserFlow } from '../../graph/flows.js';
import type { GraphClient } from '../../graph/graph-client.js';
import type { UserFlow } from '../../graph/types.js';
import { loadActions } from '../actions.js';
import { toAppError } from '../errors.js';
import { selectResource } from '../selectors.js';
import type { ResourceData } from '../state.js';
import type { Effect } from '../store.js';
import { type LoadOptions, load } from './common.js';

// A flow read whole carries its providers and attributes expanded, so their screens draw from it: no request
// when the flow is held, one read of the flow (which refreshes it too) on ctrl+r or after a write.

type Section = 'identityProviders' | 'attributes';
type SectionData = Pick<ResourceData, Section>;

/** The section as the flow carries it; undefined when the flow does not (a create's answer leaves them out). */
export function sectionOf<S extends Section>(
	section: S,
	flow: UserFlow | undefined,
): SectionData[S] | undefined {
	if (!flow) return undefined;
	if (section === 'identityProviders') {
		return flow.onAuthenticationMethodLoadStart?.identityProviders as SectionData[S] | undefined;
	}
	// A flow that collects nothing has no onAttributeCollection at all.
	if (flow.onAttributeCollection === null) return [] as SectionData[S];
	return flow.onAttributeCollection?.attributes as SectionData[S] | undefined;
}

/**
 * Loads a flow's providers or attributes from the flow: the held one when not forced, else the flow read
 * again; the section's own list is read only when the flow does not carry it.
 */
export function loadSection<S extends Section>(
	section: S,
	flowId: string,
	verb: string,
	readList: (graph: GraphClient) => Promise<SectionData[S]>,
	options: LoadOptions = {},
): Effect {
	return async (context) => {
		const state = context.getState();
		const current = state.resources[section][flowId];
		if (!options.force && (current?.status === 'ready' || current?.status === 'loading')) return;
		const held = options.force
			? undefined
			: sectionOf(section, selectResource(state, 'userFlow', flowId).data);
		if (held) {
			context.dispatch(loadActions.succeeded(section, flowId, held, context.now()));
			return;
		}
		// The flow is being read here: a loadUserFlow started meanwhile waits for this one instead of reading too.
		context.dispatch(loadActions.started('userFlow', flowId));
		const fetch = async (graph: GraphClient): Promise<SectionData[S]> => {
			let flow: UserFlow;
			try {
				flow = await getUserFlow(graph, flowId);
			} catch (error) {
				context.dispatch(loadActions.failed('userFlow', flowId, toAppError(error)));
				throw error;
			}
			context.dispatch(loadActions.succeeded('userFlow', flowId, flow, context.now()));
			return sectionOf(section, flow) ?? (await readList(graph));
		};
		await context.run(load(section, flowId, verb, fetch, { force: true }));
	};
}
