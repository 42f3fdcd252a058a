import * as api from '../../graph/flows.js';
import { loadActions } from '../actions.js';
import type { Effect } from '../store.js';
import { loadFailed } from './common.js';

/** The name the flows list's load is stopped by. */
const flowsLoad = 'userFlows';
const verb = 'Loading user flows';

/**
 * The flows list page by page: each page is on screen as it arrives, and keys work on it meanwhile (the
 * spinner that holds typed keys stops with the first page). `stopLoadingUserFlows` ends it, keeping what came.
 */
export function loadUserFlowPages(): Effect {
	const self: Effect = async (context) => {
		const signal = context.beginCancellable(flowsLoad);
		const id = 'load:userFlows:';
		context.dispatch(loadActions.started('userFlows', ''));
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb, write: false, startedAt: context.now() },
		});
		let first = true;
		try {
			for await (const page of api.userFlowPages(context.deps.graph, { signal, summaries: true })) {
				context.dispatch({ type: 'userFlows/pageArrived', flows: page.items, first });
				if (first) context.dispatch({ type: 'activity/finished', id });
				first = false;
			}
			context.dispatch({ type: 'userFlows/pagesFinished', at: context.now() });
		} catch (error) {
			if (signal.aborted) context.dispatch({ type: 'userFlows/pagesStopped', at: context.now() });
			else loadFailed(context, self, { resource: 'userFlows', key: '', verb }, error);
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}

/** esc or q while the list arrives: the request in flight is aborted, the rows that came stay. */
export function stopLoadingUserFlows(): Effect {
	return async (context) => {
		context.cancel(flowsLoad);
	};
}
