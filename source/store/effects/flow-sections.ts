import { getUserFlow } from '../../graph/flows.js';
import type { GraphClient } from '../../graph/graph-client.js';
import type { UserFlow } from '../../graph/types.js';
import { readBack } from '../../operations/read-back.js';
import { loadActions } from '../actions.js';
import { toAppError } from '../errors.js';
import { selectResource } from '../selectors.js';
import type { ResourceData } from '../state.js';
import type { Effect } from '../store.js';
import { load, type ReadBackOptions } from './common.js';

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
	options: ReadBackOptions<SectionData[S]> = {},
): Effect {
	return async (context) => {
		const state = context.getState();
		const current = state.resources[section][flowId];
		if (!options.force && (current?.status === 'ready' || current?.status === 'loading')) return;
		const heldFlow = selectResource(state, 'userFlow', flowId).data;
		const held = options.force ? undefined : sectionOf(section, heldFlow);
		if (held) {
			context.dispatch(loadActions.succeeded(section, flowId, held, context.now()));
			return;
		}
		const { shows } = options;
		// The flow is being read here: a loadUserFlow started meanwhile waits for this one instead of reading too.
		context.dispatch(loadActions.started('userFlow', flowId));
		const fetch = async (graph: GraphClient): Promise<SectionData[S]> => {
			let flow: UserFlow;
			try {
				const read = () => getUserFlow(graph, flowId);
				flow = shows
					? await readBack(read, (answer) => showsIn(section, answer, shows), { stop: context.disposed })
					: await read();
			} catch (error) {
				context.dispatch(loadActions.failed('userFlow', flowId, toAppError(error)));
				throw error;
			}
			// A read that lags the write keeps the flow as held; the section's load keeps its list likewise.
			const lagging = shows && !showsIn(section, flow, shows) && heldFlow !== undefined;
			context.dispatch(loadActions.succeeded('userFlow', flowId, lagging ? heldFlow : flow, context.now()));
			return sectionOf(section, flow) ?? (await readList(graph));
		};
		await context.run(load(section, flowId, verb, fetch, { force: true, ...(shows ? { shows } : {}) }));
	};
}

function showsIn<S extends Section>(
	section: S,
	flow: UserFlow,
	shows: (data: SectionData[S]) => boolean,
): boolean {
	const list = sectionOf(section, flow);
	return list !== undefined && shows(list);
}
