import { Box } from 'ink';
import { useEffect } from 'react';
import { InputRouter } from '../keys/input-router.js';
import { type Store, startSession } from '../store/index.js';
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
export type AppProps = { readonly store: Store; readonly theme: Theme };

/** Providers, the frame and the current screen; no logic of its own. */
export function App({ store, theme }: AppProps) {
	return (
		<StoreProvider store={store}>
			<ThemeProvider theme={theme}>
				<InputRouter
					onDisabled={(reason) => store.dispatch({ type: 'flash/shown', level: 'warning', text: reason })}
					busy={() => store.getState().activity.length > 0}
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
