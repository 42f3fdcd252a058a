import type { OverlayAction, StatusAction } from '../actions.js';
import type { AppState } from '../state.js';
import { assertNever } from './never.js';

/** Activity, retry waits, the status-line flash, dialogs and help. */
export function reduceStatus(state: AppState, action: StatusAction | OverlayAction): AppState {
	switch (action.type) {
		case 'activity/started': {
			const activity = [...state.activity.filter((item) => item.id !== action.activity.id), action.activity];
			// A new change starts a new story: an old error no longer describes what is on screen.
			const flash = action.activity.write && state.flash?.level === 'error' ? undefined : state.flash;
			return { ...state, activity, flash };
		}
		case 'activity/finished': {
			const activity = state.activity.filter((item) => item.id !== action.id);
			return { ...state, activity, retry: activity.length === 0 ? undefined : state.retry };
		}
		case 'activity/retryScheduled':
			return { ...state, retry: action.wait };
		case 'flash/shown': {
			const seq = state.seq + 1;
			return {
				...state,
				seq,
				flash: {
					id: seq,
					level: action.level,
					text: action.text,
					error: action.error,
					...(action.topic ? { topic: action.topic } : {}),
				},
			};
		}
		case 'flash/cleared':
			return action.id === undefined || state.flash?.id === action.id
				? { ...state, flash: undefined }
				: state;
		case 'overlay/opened':
			return { ...state, overlay: action.overlay };
		case 'overlay/closed':
			return { ...state, overlay: undefined };
		case 'overlay/textChanged':
			if (state.overlay?.kind === 'newAttribute' && state.overlay.focus !== 'dataType') {
				return {
					...state,
					overlay: { ...state.overlay, [state.overlay.focus]: action.text, error: undefined },
				};
			}
			return state.overlay?.kind === 'deleteFlow'
				? { ...state, overlay: { ...state.overlay, text: action.text, mismatch: false } }
				: state;
		case 'overlay/newAttributeChanged':
			return state.overlay?.kind === 'newAttribute'
				? { ...state, overlay: { ...state.overlay, ...action.patch } }
				: state;
		case 'overlay/pickerHighlighted': {
			const overlay = state.overlay;
			if (overlay?.kind !== 'picker') return state;
			const next = {
				...overlay,
				highlighted: action.value ?? overlay.highlighted,
				filter: action.filter ?? overlay.filter,
				filtering: action.filtering ?? overlay.filtering,
			};
			const same =
				next.highlighted === overlay.highlighted &&
				next.filter === overlay.filter &&
				next.filtering === overlay.filtering;
			return same ? state : { ...state, overlay: next };
		}
		case 'overlay/mismatchShown':
			return state.overlay?.kind === 'deleteFlow'
				? { ...state, overlay: { ...state.overlay, mismatch: true } }
				: state;
		case 'help/toggled':
			return { ...state, helpOpen: !state.helpOpen };
		default:
			return assertNever(action);
	}
}
