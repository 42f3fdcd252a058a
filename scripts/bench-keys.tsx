// Key-to-frame latency of the real Ink renderer scrolling a long list, measured in this process.
import { PassThrough, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { render } from 'ink';
import { staticTokenProvider } from '../source/auth/token-provider.js';
import { createGraphClient } from '../source/graph/graph-client.js';
import { createStore } from '../source/store/index.js';
import { App } from '../source/ui/app.js';
import { favourMemoryOverSpeed } from '../source/ui/heap-size.js';
import { renderOptions } from '../source/ui/run-app.js';
import { noColorTheme } from '../source/ui/theme.js';

/** A stdout that looks like an 80×24 terminal and timestamps every write. */
class FakeTerminal extends Writable {
	readonly isTTY = true;
	columns = 80;
	rows = 24;
	lastWrite = 0;
	text = '';
	override _write(chunk: Buffer, _encoding: string, done: () => void): void {
		this.lastWrite = performance.now();
		this.text += chunk.toString();
		done();
	}
}

function fakeStdin(): NodeJS.ReadStream {
	const stream = new PassThrough() as unknown as NodeJS.ReadStream & { isTTY: boolean };
	stream.isTTY = true;
	stream.setRawMode = () => stream;
	(stream as unknown as { ref(): void; unref(): void }).ref = () => {};
	(stream as unknown as { ref(): void; unref(): void }).unref = () => {};
	return stream;
}

/** The app rendered by the real Ink renderer into a fake 80×24 terminal, its list of `rowsExpected` loaded. */
async function startMeasuredApp(graphUrl: string, rowsExpected: number) {
	const graph = createGraphClient({
		baseUrl: graphUrl,
		tokenProvider: staticTokenProvider('bench'),
		userAgent: 'bench',
	});
	const session = {
		current: async () => ({ mode: 'access-token' }),
		signIn: async () => ({ mode: 'access-token' }),
		signOut: async () => {},
	};
	const stdout = new FakeTerminal();
	const stdin = fakeStdin();
	const store = createStore({ graph, session, configured: true });
	const instance = render(<App store={store} theme={noColorTheme} />, {
		...renderOptions,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin,
		stderr: new FakeTerminal() as unknown as NodeJS.WriteStream,
		patchConsole: false,
	});
	favourMemoryOverSpeed();
	const deadline = Date.now() + 180_000;
	while (!stdout.text.includes(`/${rowsExpected.toLocaleString('en-US')}`)) {
		if (Date.now() > deadline)
			throw new Error(`list never loaded; last output:\n${stdout.text.slice(-2000)}`);
		await delay(20);
	}
	await delay(200);
	return {
		/** Sends one key; milliseconds from the write to the next frame written. */
		async press(key: string): Promise<number> {
			const before = stdout.lastWrite;
			const sent = performance.now();
			stdin.write(key);
			const waitUntil = Date.now() + 10_000;
			while (stdout.lastWrite === before) {
				if (Date.now() > waitUntil)
					throw new Error(
						`no frame followed ${JSON.stringify(key)}; last output:\n${stdout.text.slice(-1500)}`,
					);
				await new Promise((resolve) => setImmediate(resolve));
			}
			const took = stdout.lastWrite - sent;
			// Space the keys beyond Ink's frame throttle so each one is measured on its own.
			await delay(40);
			return took;
		},
		close() {
			instance.unmount();
			store.dispose();
		},
	};
}

/** Presses `down` many times and returns each key's milliseconds from write to the next frame written. */
export async function measureKeyLatency(
	graphUrl: string,
	rowsExpected: number,
	presses: number,
): Promise<number[]> {
	const app = await startMeasuredApp(graphUrl, rowsExpected);
	const samples: number[] = [];
	for (let press = 0; press < presses; press++) samples.push(await app.press('j'));
	app.close();
	return samples;
}

/**
 * Opens the filter (`/`) and types each query a character at a time, then erases it, returning each key's
 * milliseconds from write to the next frame (the list filtered and drawn again).
 */
export async function measureFilterLatency(
	graphUrl: string,
	rowsExpected: number,
	queries: readonly string[],
): Promise<number[]> {
	const app = await startMeasuredApp(graphUrl, rowsExpected);
	await app.press('/');
	const samples: number[] = [];
	for (const query of queries) {
		for (const character of query) samples.push(await app.press(character));
		for (let erased = 0; erased < query.length; erased++) samples.push(await app.press('\u007F'));
	}
	app.close();
	return samples;
}
