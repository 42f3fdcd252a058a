import { setTimeout as delay } from 'node:timers/promises';
import test, { type ExecutionContext } from 'ava';
import { render } from 'ink-testing-library';
import { StatusLine } from '../../source/ui/frame/status-line.js';
import { StoreProvider } from '../../source/ui/store-context.js';
import { noColorTheme, ThemeProvider } from '../../source/ui/theme.js';
import { storeFor } from '../helpers/ui-store.js';

const fadeMs = 60;

async function until(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
	for (const deadline = Date.now() + timeoutMs; !condition(); await delay(5)) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
	}
}

/** The status line alone over a real store, fading after `fadeMs`. */
async function statusLine(t: ExecutionContext) {
	const { store } = await storeFor(t);
	const view = render(
		<StoreProvider store={store}>
			<ThemeProvider theme={noColorTheme}>
				<StatusLine width={80} fadeAfterMs={fadeMs} />
			</ThemeProvider>
		</StoreProvider>,
	);
	t.teardown(() => view.unmount());
	return { store, view };
}

test('a success said while a read-back runs is shown once the read ends, and fades only after being seen', async (t) => {
	const { store, view } = await statusLine(t);
	store.dispatch({ type: 'flash/shown', level: 'success', text: 'Added Fabrikam ID to “Events”' });
	store.dispatch({
		type: 'activity/started',
		activity: { id: 'read-back', verb: 'Loading identity providers', write: false, startedAt: Date.now() },
	});
	await until(() => (view.lastFrame() ?? '').includes('Loading identity providers'), 'the spinner');
	t.notRegex(view.lastFrame() ?? '', /Added Fabrikam/, 'the spinner line shows the work');

	// A read-back slower than the fade: the message is still there when it ends.
	await delay(fadeMs * 4);
	t.truthy(store.getState().flash, 'a hidden message does not fade');
	store.dispatch({ type: 'activity/finished', id: 'read-back' });
	await until(() => (view.lastFrame() ?? '').includes('✓ Added Fabrikam ID to “Events”'), 'the message');

	// Seen, it fades as before.
	await until(() => store.getState().flash === undefined, 'the message to fade');
	await until(() => !(view.lastFrame() ?? '').includes('Added Fabrikam'), 'the message to leave the screen');
	t.pass();
});

test('an error stays until dismissed, even after the fade time', async (t) => {
	const { store, view } = await statusLine(t);
	store.dispatch({ type: 'flash/shown', level: 'error', text: 'Could not add Fabrikam ID' });
	await until(() => (view.lastFrame() ?? '').includes('✗ Could not add Fabrikam ID'), 'the error');
	await delay(fadeMs * 4);
	t.regex(view.lastFrame() ?? '', /✗ Could not add Fabrikam ID/);
});

test('a retry that starts between two ticks of the clock counts down from its own wait, not one more', async (t) => {
	const { store, view } = await statusLine(t);
	store.dispatch({
		type: 'activity/started',
		activity: { id: 'load', verb: 'Loading user flows', write: false, startedAt: Date.now() },
	});
	await until(() => (view.lastFrame() ?? '').includes('Loading user flows'), 'the spinner');
	// The clock of the line ticks each second from the activity's start; the 429 comes in between.
	await delay(600);
	store.notifyRetry({
		method: 'GET',
		path: '/identity/authenticationEventsFlows',
		attempt: 1,
		delayMs: 1000,
		reason: 'throttled',
		status: 429,
	});
	await until(() => (view.lastFrame() ?? '').includes('retrying in'), 'the notice');
	t.regex(view.lastFrame() ?? '', /throttled, retrying in 1s/);
});
