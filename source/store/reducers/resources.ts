import type { FlowListAction, LoadAction } from '../actions.js';
import type { Resource, ResourceName, ResourcesState, UserFlow } from '../state.js';
import { assertNever } from './never.js';

type AnyResource = Resource<unknown>;

function update(
	resources: ResourcesState,
	name: ResourceName,
	key: string,
	change: (current: AnyResource) => AnyResource,
): ResourcesState {
	const table = resources[name] as Readonly<Record<string, AnyResource>>;
	const current = table[key] ?? { status: 'idle' };
	return { ...resources, [name]: { ...table, [key]: change(current) } };
}

function patchList(resources: ResourcesState, change: (flows: readonly UserFlow[]) => readonly UserFlow[]) {
	const list = resources.userFlows[''];
	if (!list?.data) return resources;
	return { ...resources, userFlows: { '': { ...list, data: change(list.data) } } };
}

function without<T>(table: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
	const { [key]: _, ...rest } = table;
	return rest;
}

/** Server data: load status per resource, plus list patches after creates and deletes. */
export function reduceResources(
	resources: ResourcesState,
	action: LoadAction | FlowListAction,
): ResourcesState {
	switch (action.type) {
		case 'resources/loadStarted':
			return update(resources, action.resource, action.key, (current) => ({
				...current,
				status: 'loading',
				error: undefined,
			}));
		case 'resources/loadSucceeded': {
			const next = update(resources, action.resource, action.key, () => ({
				status: 'ready',
				data: action.data,
				fetchedAt: action.at,
			}));
			if (action.resource !== 'userFlow') return next;
			// A re-read flow also refreshes its row, so the list's counts never disagree with the detail.
			const flow = action.data as UserFlow;
			return patchList(next, (flows) => flows.map((item) => (item.id === action.key ? flow : item)));
		}
		case 'resources/loadFailed':
			return update(resources, action.resource, action.key, (current) => ({
				...current,
				status: 'error',
				error: action.error,
				// A list that stopped half way keeps its pages, said to be partial.
				arriving: undefined,
				partial: current.arriving || current.partial,
			}));
		case 'userFlows/flowAdded': {
			const id = action.flow.id ?? '';
			const next = patchList(resources, (flows) => [...flows, action.flow]);
			return { ...next, userFlow: { ...next.userFlow, [id]: { status: 'ready', data: action.flow } } };
		}
		case 'userFlows/flowRemoved': {
			const next = patchList(resources, (flows) => flows.filter((flow) => flow.id !== action.flowId));
			return {
				...next,
				userFlow: without(next.userFlow, action.flowId),
				identityProviders: without(next.identityProviders, action.flowId),
				attributes: without(next.attributes, action.flowId),
			};
		}
		case 'userFlows/pageArrived': {
			const list = resources.userFlows[''] ?? { status: 'loading' };
			const held = action.first ? [] : (list.data ?? []);
			const data = [...held, ...action.flows];
			return { ...resources, userFlows: { '': { ...list, status: 'loading', data, arriving: true } } };
		}
		case 'userFlows/pagesFinished':
		case 'userFlows/pagesStopped': {
			const list = resources.userFlows[''];
			const partial = action.type === 'userFlows/pagesStopped';
			const data = list?.data ?? [];
			return { ...resources, userFlows: { '': { status: 'ready', data, fetchedAt: action.at, partial } } };
		}
		default:
			return assertNever(action);
	}
}
