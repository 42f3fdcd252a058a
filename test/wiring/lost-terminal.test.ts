import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import test, { type ExecutionContext } from 'ava';
import { serveEmulator } from '../../source/emulator/serve.js';
import { builtCli } from '../helpers/built-cli.js';
import { freshDirs } from '../helpers/cli.js';

const until = async (check: () => boolean, what: string, timeoutMs = 15_000) => {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await delay(50);
	}
};

/** `VAR='value' …` for a shell line. */
const envWords = (env: Record<string, string>) =>
	Object.entries(env)
		.map(([key, value]) => `${key}='${value}'`)
		.join(' ');

/**
 * Runs a shell script of `lines` in a tmux session "app" on its own socket (never the user's server), waits for
 * the flow list on the pane and returns a way to talk to that tmux.
 */
async function appInTmux(t: ExecutionContext, dir: string, lines: readonly string[]) {
	const script = join(dir, 'run.sh');
	writeFileSync(script, ['#!/bin/sh', ...lines].join('\n'), { mode: 0o755 });
	const socket = `app-${randomUUID().slice(0, 8)}`;
	const tmux = (args: string[]) =>
		execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	t.teardown(() => {
		try {
			tmux(['kill-server']);
		} catch {
			// Already gone with its last session.
		}
	});
	tmux(['new-session', '-d', '-s', 'app', '-x', '80', '-y', '24', script]);
	await until(() => {
		try {
			return tmux(['capture-pane', '-p', '-t', 'app']).includes('Events registration');
		} catch {
			return false;
		}
	}, 'the flow list');
	return tmux;
}

test('closing the terminal under the keyboard app ends it quietly: a hang-up, no abort, no core', async (t) => {
	const emulator = await serveEmulator({ port: 0 });
	t.teardown(() => emulator.close());
	const { info } = emulator;
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-hangup-'));
	const env = {
		...freshDirs(),
		ENTRA_FLOWS_ACCESS_TOKEN: info.accessToken ?? '',
		NODE_EXTRA_CA_CERTS: info.caFile ?? '',
		CI: 'true',
	};
	// The shell outlives the terminal (it ignores the hang-up; node resets that) to record how the app ended.
	const tmux = await appInTmux(t, dir, [
		"trap '' HUP",
		'ulimit -c unlimited 2>/dev/null',
		`cd '${dir}'`,
		`env ${envWords(env)} '${process.execPath}' '${builtCli}' --graph-url '${info.graphUrl}' 2>'${dir}/stderr'`,
		`echo "exit=$?" > '${dir}/status'`,
	]);
	// What tmux kill-session and an SSH drop do: the pseudo-terminal goes away under the running app.
	tmux(['kill-session', '-t', 'app']);
	await until(() => existsSync(join(dir, 'status')), 'the app to end');
	const status = readFileSync(join(dir, 'status'), 'utf8').trim();
	const stderr = readFileSync(join(dir, 'stderr'), 'utf8');
	t.is(status, 'exit=129', `ended as a hung-up program does; stderr:\n${stderr}`);
	t.notRegex(stderr, /Assertion|ResetStdio|EIO|Error|at /, 'no stack, no abort');
	t.deepEqual(
		readdirSync(dir).filter((name) => name.startsWith('core')),
		[],
		'no core dump (it would hold the token)',
	);
});

test('a command whose reader goes away (`flows list --json | head -c 100`) exits quietly', async (t) => {
	const emulator = await serveEmulator({ port: 0, extraFlows: 3000 });
	t.teardown(() => emulator.close());
	const { info } = emulator;
	const env = {
		...process.env,
		...freshDirs(),
		ENTRA_FLOWS_ACCESS_TOKEN: info.accessToken ?? '',
		NODE_EXTRA_CA_CERTS: info.caFile ?? '',
	};
	// The reader takes 100 bytes and closes the pipe while the list (about a megabyte) is still being written.
	const child = spawn(process.execPath, [builtCli, 'flows', 'list', '--json', '--graph-url', info.graphUrl], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => {
		stderr += chunk;
	});
	let taken = '';
	child.stdout.on('data', (chunk: Buffer) => {
		taken += chunk.toString();
		if (taken.length >= 100) child.stdout.destroy();
	});
	const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
	t.true(taken.length >= 100);
	t.true(code === 141 || code === 0, `exit ${code}; stderr:\n${stderr}`);
	t.is(stderr, '', 'no EPIPE stack');
});

test('a kill (SIGTERM) ends the keyboard app with 143 after leaving the alternate screen', async (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'entra-flows-term-'));
	const env = { ...freshDirs(), CI: 'true' };
	const tmux = await appInTmux(t, dir, [
		`echo $$ > '${dir}/shell'`,
		`env ${envWords(env)} '${process.execPath}' '${builtCli}' --demo 2>'${dir}/stderr'`,
		`echo "exit=$?" > '${dir}/status'`,
		'sleep 30',
	]);
	const shell = readFileSync(join(dir, 'shell'), 'utf8').trim();
	const app = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
	process.kill(Number(app), 'SIGTERM');
	await until(() => existsSync(join(dir, 'status')), 'the app to end');
	t.is(readFileSync(join(dir, 'status'), 'utf8').trim(), 'exit=143');
	t.notRegex(readFileSync(join(dir, 'stderr'), 'utf8'), /Error|at /);
	// Back on the shell's screen: the flow list is gone from the pane.
	await until(
		() => !tmux(['capture-pane', '-p', '-t', 'app']).includes('Events registration'),
		'the shell screen',
	);
});
