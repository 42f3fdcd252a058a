import { useKeyActions } from '../keys/input-router.js';
import { type AppState, currentEntry, type Store } from '../store/index.js';
import { useAppState, useStore } from './store-context.js';

/** True while the request inspector (its list or one request) is the top screen. */
export const isInspecting = (state: AppState) => currentEntry(state).route.id.startsWith('requests');
const inInspector = (store: Store) => isInspecting(store.getState());

/**
 * The global key of the request inspector: opens it on the newest call, or closes it back to where you were.
 * An open dialog waits underneath (app.tsx hides it while the inspector is on top) and comes back as it was.
 */
export function RequestsKey() {
	const store = useStore();
	const signedIn = useAppState((state) => state.session.status === 'signedIn');
	useKeyActions(
		['global'],
		{
			'requests.toggle': () => {
				if (inInspector(store)) {
					while (inInspector(store) && store.getState().routes.length > 1)
						store.dispatch({ type: 'route/popped' });
					return;
				}
				if (store.getState().helpOpen) store.dispatch({ type: 'help/toggled' });
				store.dispatch({ type: 'route/pushed', route: { id: 'requests' } });
				// Newest last, and the cursor starts on it: what you just did is what you want to see.
				const count = store.deps().requests?.entries().length ?? 0;
				store.dispatch({ type: 'route/cursorMoved', index: count - 1 });
			},
		},
		{
			level: 'global',
			disabled: {
				'requests.toggle': signedIn ? undefined : 'The requests list opens once you are signed in.',
			},
		},
	);
	return null;
}
