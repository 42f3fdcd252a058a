import { refusalTopic, saveRefusal } from '../layout-views.js';
import type { AppState } from '../state.js';

/**
 * A "Not saved: fix … first" message follows the draft it is about: it goes once the problems are gone (an
 * edit or an undo fixed them) and names the current ones otherwise. Any other message is left alone.
 */
export function followRefusal(state: AppState, flowId: string): AppState {
	const flash = state.flash;
	if (!flash || flash.topic !== refusalTopic(flowId)) return state;
	const draft = state.layoutDrafts[flowId];
	const text = draft && saveRefusal(draft);
	if (!text) return { ...state, flash: undefined };
	return text === flash.text ? state : { ...state, flash: { ...flash, text } };
}
