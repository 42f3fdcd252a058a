import type { Action } from './actions.js';
import { reduceDrafts } from './reducers/drafts.js';
import { reduceFlowCode } from './reducers/flow-code.js';
import { reduceLayoutDrafts } from './reducers/layout.js';
import { followRefusal } from './reducers/layout-refusal.js';
import { assertNever } from './reducers/never.js';
import { reduceResources } from './reducers/resources.js';
import { reduceRoutes } from './reducers/routes.js';
import { reduceSession } from './reducers/session.js';
import { reduceStatus } from './reducers/status.js';
import { reduceTenantForms } from './reducers/tenant-forms.js';
import type { AppState } from './state.js';

/** The part of an action type before the slash ('route' of 'route/pushed'): it names the slice that handles it. */
export type ActionPrefix = Action['type'] extends `${infer P}/${string}` ? P : never;

/** The actions of one prefix. */
type ActionOf<P extends ActionPrefix> = Extract<Action, { readonly type: `${P}/${string}` }>;

type Slice<P extends ActionPrefix> = (state: AppState, action: ActionOf<P>) => AppState;

const session: Slice<'session'> = (state, action) => {
	const next = reduceSession(state.session, action);
	return next === state.session ? state : { ...state, session: next };
};

const routes: Slice<'route'> = (state, action) => {
	const next = reduceRoutes(state.routes, action);
	if (next === state.routes) return state;
	// Moving to another screen leaves an old error behind; it described the screen you left.
	const moved = next.length !== state.routes.length || next.at(-1)?.route !== state.routes.at(-1)?.route;
	const flash = moved && state.flash?.level === 'error' ? undefined : state.flash;
	return { ...state, routes: next, flash };
};

const resources: Slice<'resources' | 'userFlows'> = (state, action) => {
	const next = reduceResources(state.resources, action);
	return next === state.resources ? state : { ...state, resources: next };
};

const layout: Slice<'layout'> = (state, action) => {
	const layoutDrafts = reduceLayoutDrafts(state.layoutDrafts, action);
	if (layoutDrafts === state.layoutDrafts) return state;
	return followRefusal({ ...state, layoutDrafts }, action.flowId);
};

/**
 * Which slice reduces each prefix. A new action is two edits: its type in actions.ts and its case in the slice's
 * reducer (whose switch is exhaustive). A new prefix fails to compile until it is listed here.
 */
const slices: { readonly [P in ActionPrefix]: Slice<P> } = {
	session,
	route: routes,
	resources,
	userFlows: resources,
	activity: reduceStatus,
	flash: reduceStatus,
	overlay: reduceStatus,
	help: reduceStatus,
	createDraft: reduceDrafts,
	edit: reduceDrafts,
	start: reduceDrafts,
	layout,
	flowCode: reduceFlowCode,
	applyFile: reduceFlowCode,
	tenant: reduceFlowCode,
	tenantForm: reduceTenantForms,
};

/** The one pure reducer: it hands each action to the slice its type's prefix names. */
export function reducer(state: AppState, action: Action): AppState {
	const prefix = action.type.slice(0, action.type.indexOf('/')) as ActionPrefix;
	const reduce = Object.hasOwn(slices, prefix)
		? (slices[prefix] as (state: AppState, action: Action) => AppState)
		: undefined;
	return reduce ? reduce(state, action) : assertNever(action as never);
}
