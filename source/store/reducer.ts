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
import type { AppState } from './state.js';

/** The one pure reducer: every action type is listed, so a new one cannot be silently ignored. */
export function reducer(state: AppState, action: Action): AppState {
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
		case 'flowCode/dialogOpened':
		case 'flowCode/textChanged':
		case 'flowCode/dialogBusy':
		case 'flowCode/dialogRejected':
		case 'flowCode/overwriteAsked':
		case 'flowCode/tenantCursorMoved':
		case 'flowCode/exported':
		case 'applyFile/opened':
		case 'applyFile/pathChanged':
		case 'applyFile/completed':
		case 'applyFile/editing':
		case 'applyFile/planStarted':
		case 'applyFile/planned':
		case 'applyFile/notPlanned':
		case 'applyFile/applyStarted':
		case 'applyFile/stepMarked':
		case 'applyFile/applyEnded':
		case 'tenant/switched':
			return reduceFlowCode(state, action);
		default:
			return assertNever(action);
	}
}
