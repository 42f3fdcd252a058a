import { once } from 'node:events';
import { createInterface } from 'node:readline/promises';
import packageJson from './package.json' with { type: 'json' };
import { readBoundedStdin } from './source/text/bounded-file.js';
import { watchForLostPeer } from './source/wiring/lost-terminal.js';
import { runCli } from './source/wiring/run-cli.js';

// The one place that reads process.argv and process.env; everything below gets them as values.
let ranApp = false;
// A closed pipe or a lost terminal ends the program quietly (exit 141, or a hang-up for the keyboard app).
const lostPeer = watchForLostPeer(process, [process.stdout, process.stderr]);
const exitCode = await runCli({
	argv: process.argv.slice(2),
	env: process.env,
	version: packageJson.version,
	stdout: (text) => process.stdout.write(text),
	drained: () =>
		process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => {}) : Promise.resolve(),
	columns: process.stdout.isTTY ? process.stdout.columns : undefined,
	stderr: (text) => process.stderr.write(text),
	ask: process.stdin.isTTY && process.stderr.isTTY ? ask : undefined,
	readStdin: readBoundedStdin,
	interrupt: () => {
		const controller = new AbortController();
		process.once('SIGINT', () => {
			process.stderr.write('\nStopping after the write under way… (ctrl+c again stops at once)\n');
			controller.abort();
			process.once('SIGINT', () => process.exit(130));
		});
		return controller.signal;
	},
	// Loaded only when no command is given: commands never pay for Ink and React.
	runApp: async (flags) => {
		ranApp = true;
		lostPeer.keyboardApp(process.stdin);
		// Ink draws nothing until exit when CI is set (is-in-ci); in a real terminal the person must see the app.
		if (process.stdin.isTTY && process.stdout.isTTY) {
			delete process.env.CI;
			delete process.env.CONTINUOUS_INTEGRATION;
		}
		const { runKeyboardApp } = await import('./source/wiring/run-keyboard-app.js');
		return runKeyboardApp(flags, {
			env: process.env,
			version: packageJson.version,
			warn: (text) => process.stderr.write(`warning: ${text}\n`),
		});
	},
});
process.exitCode = exitCode;
// The demo's in-process emulator would keep the process alive after the app has quit.
if (ranApp) process.exit(exitCode);

async function ask(question: string): Promise<string> {
	const prompt = createInterface({ input: process.stdin, output: process.stderr });
	try {
		return await prompt.question(question);
	} finally {
		prompt.close();
	}
}
