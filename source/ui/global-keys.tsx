import { useApp } from 'ink';
import { hidden, useKeyActions } from '../keys/input-router.js';
import { type AppState, currentEntry, hasUnsavedLayout, writeInFlight } from '../store/index.js';
import { useAppState, useStore } from './store-context.js';

/** What esc does now, or undefined when there is nothing to go back from (esc never quits). */
function backStep(state: AppState): 'dismiss' | 'clearFilter' | 'pop' | undefined {
	if (state.flash?.level === 'error' || state.flash?.level === 'warning') return 'dismiss';
	if (state.session.status !== 'signedIn') return undefined;
	if (currentEntry(state).filter) return 'clearFilter';
	return state.routes.length > 1 ? 'pop' : undefined;
}

/** Why quitting asks first (a write in flight, or work that would be lost), or undefined to quit at once. */
function quitQuestion(state: AppState): string | undefined {
	if (writeInFlight(state))
		return 'A change is still being sent to Microsoft Graph. Quit anyway? (It may or may not finish.)';
	if (hasUnsavedLayout(state))
		return 'A sign-up page layout has unsaved changes. Quit anyway? They will be lost.';
	if (state.createDraft?.dirty)
		return 'The new user flow is not created yet. Quit anyway? What you typed is lost.';
	return undefined;
}

/** The global layer: help, quit (asks while a change is in flight or typed work would be lost), back and ctrl+c. */
export function GlobalKeys() {
	const store = useStore();
	const { exit } = useApp();
	const canGoBack = useAppState((state) => backStep(state) !== undefined);
	const quit = () => {
		const message = quitQuestion(store.getState());
		if (!message) return exit();
		store.dispatch({
			type: 'overlay/opened',
			overlay: { kind: 'confirm', message, intent: { type: 'quit' } },
		});
	};
	useKeyActions(
		['global'],
		{
			'help.toggle': () => store.dispatch({ type: 'help/toggled' }),
			'app.quit': quit,
			'app.interrupt': () => {
				const overlay = store.getState().overlay;
				// A second ctrl+c on the "quit anyway?" question means yes.
				if (overlay?.kind === 'confirm' && overlay.intent.type === 'quit') return exit();
				quit();
			},
			'nav.back': () => {
				const state = store.getState();
				const step = backStep(state);
				// An error on screen was dismissed by the router before this runs (esc's first press).
				if (step === 'clearFilter') store.dispatch({ type: 'route/filterClosed', keep: false });
				else if (step === 'pop') store.dispatch({ type: 'route/popped' });
			},
		},
		{ level: 'global', disabled: { 'nav.back': canGoBack ? undefined : hidden } },
	);
	return null;
}
