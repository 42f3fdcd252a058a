import { useKeyActions } from '../keys/input-router.js';
import { currentEntry, type Store } from '../store/index.js';
import { useAppState, useStore } from './store-context.js';

const inInspector = (store: Store) => currentEntry(store.getState()).route.id.startsWith('requests');

/** The global key of the request inspector: opens it on the newest call, or closes it back to where you were. */
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
