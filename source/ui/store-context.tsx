import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { AppState, Store } from '../store/index.js';

const StoreContext = createContext<Store | undefined>(undefined);

/** Props of the store provider. */
export type StoreProviderProps = { readonly store: Store; readonly children: ReactNode };

/** Makes the store available to every screen. */
export function StoreProvider({ store, children }: StoreProviderProps) {
	return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself: dispatch, run(effect) and getState for handlers that must read the latest state. */
export function useStore(): Store {
	const store = useContext(StoreContext);
	if (!store) throw new Error('useStore needs a <StoreProvider> above it.');
	return store;
}

/** A slice of state; the component re-renders only when the selected value changes (select stable values). */
export function useAppState<T>(selector: (state: AppState) => T): T {
	const store = useStore();
	return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
