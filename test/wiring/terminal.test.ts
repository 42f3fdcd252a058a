import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test from 'ava';
import { builtCli, runBuilt } from '../helpers/built-cli.js';
import { freshDirs } from '../helpers/cli.js';

const ptyKey = fileURLToPath(new URL('../helpers/pty-key.py', import.meta.url));
const run = promisify(execFile);
const enter = '\u001B[?1049h';
const leave = '\u001B[?1049l';

test('the keyboard app draws on the alternate screen and leaves it after its last frame', async (t) => {
	const env = { ...process.env, ...freshDirs() };
	const { stdout } = await run(
		'python3',
		[ptyKey, 'Events registration', 'q', process.execPath, builtCli, '--demo'],
		{
			env,
		},
	);
	const result = JSON.parse(stdout) as { code: number; sent: boolean; output: string };
	t.true(result.sent, result.output);
	t.is(result.code, 0, result.output);
	t.true(result.output.startsWith(enter), 'the alternate screen comes before the first frame');
	t.is(result.output.split(enter).length, 2, 'entered once');
	t.true(result.output.endsWith(leave), 'left after the last frame, so the shell screen comes back');
});

test('a refused keyboard app (no terminal) never touches the screen', async (t) => {
	const result = await runBuilt(['--demo']);
	t.is(result.code, 2);
	t.false(result.stdout.includes(enter));
});

test('TERM=dumb at a real terminal is refused as no terminal: exit 2, the screen untouched', async (t) => {
	const env = { ...process.env, ...freshDirs(), TERM: 'dumb' };
	const { stdout } = await run(
		'python3',
		[ptyKey, 'Events registration', 'q', process.execPath, builtCli, '--demo'],
		{
			env,
		},
	);
	const result = JSON.parse(stdout) as { code: number; sent: boolean; output: string };
	t.is(result.code, 2, result.output);
	t.regex(
		result.output,
		/the keyboard app needs a terminal \(TERM=dumb cannot draw it\)\. Use the commands instead/,
	);
	t.false(result.output.includes(enter));
});

test('SIGTSTP gives the shell its screen back and `fg` draws the app again', async (t) => {
	const ptySuspend = fileURLToPath(new URL('../helpers/pty-suspend.py', import.meta.url));
	const env = { ...process.env, ...freshDirs() };
	const { stdout } = await run(
		'python3',
		[ptySuspend, 'Events registration', 'q', process.execPath, builtCli, '--demo'],
		{ env },
	);
	const result = JSON.parse(stdout) as { code: number; stopped: boolean; stop: string; after: string };
	t.true(result.stopped, 'the app stopped, as ctrl+z in a shell stops it');
	t.true(
		result.stop.endsWith(`${leave}\u001B[?25h`),
		`left the alternate screen and showed the cursor: ${JSON.stringify(result.stop)}`,
	);
	t.true(result.after.startsWith(enter), 'on `fg` back on the alternate screen before any frame');
	t.true(result.after.includes('Events registration'), 'and the screen is drawn again');
	t.is(result.code, 0, 'q still quits: the keys are read again');
	t.true(result.after.endsWith(leave));
});
