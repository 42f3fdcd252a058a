import type { Action } from './actions.js';
import { reduceDrafts } from './reducers/drafts.js';
import { reduceLayoutDrafts } from './reducers/layout.js';
import { followRefusal } from './reducers/layout-refusal.js';
import { assertNever } from './reducers/never.js';
import { reduceResources } from './reducers/resources.js';
import { reduceRoutes } from './reducers/routes.js';
import { reduceSession } from './reducers/session.js';
import { reduceStatus } from './reducers/status.js';
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
};

/** The one pure reducer: it hands each action to the slice its type's prefix names. */
export function reducer(state: AppState, action: Action): AppState {
	const prefix = action.type.slice(0, action.type.indexOf('/')) as ActionPrefix;
	const reduce = Object.hasOwn(slices, prefix)
		? (slices[prefix] as (state: AppState, action: Action) => AppState)
		: undefined;
	return reduce ? reduce(state, action) : assertNever(action as never);
	switch (action.type) {
		case 'session/checkStarted':
		case 'session/signedIn':
		case 'session/signInStarted':
		case 'session/codeReceived':
		case 'session/signInFailed':
		case 'session/signInCancelled':
		case 'session/codeExpired':
		case 'session/expired':
		case 'session/connectStarted':
		case 'session/connectFailed': {
			const session = reduceSession(state.session, action);
			return session === state.session ? state : { ...state, session };
		}
		case 'route/pushed':
		case 'route/popped':
		case 'route/replaced':
		case 'route/reset':
		case 'route/cursorMoved':
		case 'route/filterOpened':
		case 'route/filterChanged':
		case 'route/filterClosed': {
			const routes = reduceRoutes(state.routes, action);
			if (routes === state.routes) return state;
			// Moving to another screen leaves an old error behind; it described the screen you left.
			const moved =
				routes.length !== state.routes.length || routes.at(-1)?.route !== state.routes.at(-1)?.route;
			const flash = moved && state.flash?.level === 'error' ? undefined : state.flash;
			return { ...state, routes, flash };
		}
		case 'resources/loadStarted':
		case 'resources/loadSucceeded':
		case 'resources/loadFailed':
		case 'userFlows/flowAdded':
		case 'userFlows/flowRemoved': {
			const resources = reduceResources(state.resources, action);
			return resources === state.resources ? state : { ...state, resources };
		}
		case 'activity/started':
		case 'activity/finished':
		case 'activity/retryScheduled':
		case 'flash/shown':
		case 'flash/cleared':
		case 'overlay/opened':
		case 'overlay/closed':
		case 'overlay/textChanged':
		case 'overlay/mismatchShown':
		case 'overlay/newAttributeChanged':
		case 'overlay/pickerHighlighted':
		case 'help/toggled':
			return reduceStatus(state, action);
		case 'createDraft/opened':
		case 'createDraft/changed':
		case 'createDraft/itemToggled':
		case 'createDraft/focusMoved':
		case 'createDraft/submitStarted':
		case 'createDraft/rejected':
		case 'createDraft/closed':
		case 'edit/opened':
		case 'edit/changed':
		case 'edit/rejected':
		case 'edit/closed':
		case 'start/changed':
			return reduceDrafts(state, action);
		case 'layout/opened':
		case 'layout/rebased':
		case 'layout/edited':
		case 'layout/inputTypeCycled':
		case 'layout/undone':
		case 'layout/cursorMoved':
		case 'layout/optionsOpened':
		case 'layout/optionsClosed':
		case 'layout/optionCursorMoved':
		case 'layout/fieldOpened':
		case 'layout/fieldChanged':
		case 'layout/fieldAccepted':
		case 'layout/fieldClosed':
		case 'layout/saveStarted':
		case 'layout/saveEnded':
		case 'layout/discarded': {
			const layoutDrafts = reduceLayoutDrafts(state.layoutDrafts, action);
			if (layoutDrafts === state.layoutDrafts) return state;
			return followRefusal({ ...state, layoutDrafts }, action.flowId);
		}
		default:
			return assertNever(action);
	}
}
