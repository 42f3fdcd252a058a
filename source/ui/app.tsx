import { Box } from 'ink';
import { useEffect } from 'react';
import { InputRouter } from '../keys/input-router.js';
import type { KeyFeed } from '../keys/key-feed.js';
import { type AppState, currentEntry, type Store, startSession } from '../store/index.js';
import { BodyState } from './components/body-state.js';
import { TenantKey } from './flow-code-keys.js';
import { Frame } from './frame/frame.js';
import { GlobalKeys } from './global-keys.js';
import { HelpOverlay } from './overlays/help-overlay.js';
import { OverlayHost } from './overlays/overlay-host.js';
import { isInspecting, RequestsKey } from './requests-key.js';
import { ScreenRouter } from './screens/screen-router.js';
import { SignInScreen } from './screens/sign-in-screen.js';
import { StartScreen } from './screens/start-screen.js';
import { StoreProvider, useAppState, useStore } from './store-context.js';
import { type Theme, ThemeProvider } from './theme.js';

/** Sign-in stands in front of the routes; the stack stays underneath, so an expired sign-in resumes in place. */
function Gate() {
	const status = useAppState((state) => state.session.status);
	const help = useAppState((state) => state.helpOpen);
	// The request inspector opened over a dialog covers it; the dialog waits in the store and returns after.
	const overlay = useAppState((state) => (isInspecting(state) ? undefined : state.overlay));
	if (status === 'unconfigured') return <StartScreen />;
	if (status === 'checking') return <BodyState kind="loading" text="Checking for a saved sign-in…" />;
	if (status !== 'signedIn') return <SignInScreen />;
	// Hidden, not unmounted: the screen keeps its place while a dialog is open.
	return (
		<>
			<Box display={overlay || help ? 'none' : 'flex'} flexDirection="column">
				<ScreenRouter />
			</Box>
			{overlay ? (
				<Box display={help ? 'none' : 'flex'}>
					<OverlayHost overlay={overlay} focused={!help} />
				</Box>
			) : null}
		</>
	);
}

function Body() {
	const store = useStore();
	const help = useAppState((state) => state.helpOpen);
	useEffect(() => {
		if (store.getState().session.status === 'checking') void store.run(startSession());
	}, [store]);
	return (
		<>
			<Box display={help ? 'none' : 'flex'} flexDirection="column">
				<Gate />
			</Box>
			{help ? <HelpOverlay /> : null}
		</>
	);
}

/** Props of the app. */
export type AppProps = {
	readonly store: Store;
	readonly theme: Theme;
	/** The feed between the terminal and Ink; run-app.tsx reads the terminal through it. */
	readonly feed?: KeyFeed;
};

/**
 * True while a read runs: keys typed meanwhile wait for the screen. A write in flight does not hold keys: the
 * screen stays usable (quit asks, the row being changed says so) while the change is sent.
 */
function loading(state: AppState): boolean {
	return state.activity.some((activity) => !activity.write);
}

/** esc's first press everywhere: an error or warning on screen goes (it stays until then), and nothing else. */
function dismissUrgent(store: Store): boolean {
	const level = store.getState().flash?.level;
	if (level !== 'error' && level !== 'warning') return false;
	store.dispatch({ type: 'flash/cleared' });
	return true;
}

/** Which screen shows, by identity: a new route object, or the sign-in stage while not signed in. */
function shownScreen(state: AppState): unknown {
	return state.session.status === 'signedIn' ? currentEntry(state).route : state.session.status;
}

/** Providers, the frame and the current screen; no logic of its own. */
export function App({ store, theme, feed }: AppProps) {
	return (
		<StoreProvider store={store}>
			<ThemeProvider theme={theme}>
				<InputRouter
					onDisabled={(reason) => store.dispatch({ type: 'flash/shown', level: 'warning', text: reason })}
					dismiss={() => dismissUrgent(store)}
					feed={feed}
					busy={() => loading(store.getState())}
					screen={() => shownScreen(store.getState())}
					subscribe={store.subscribe}
				>
					<GlobalKeys />
					<RequestsKey />
					<TenantKey />
					<Frame>
						<Body />
					</Frame>
				</InputRouter>
			</ThemeProvider>
		</StoreProvider>
	);
}
