// The cross-tenant journey in the demo: export a flow in one tenant, switch tenant, apply it, see it there.
// The built program runs in a real 80×24 terminal on a tmux server of its own (-L), and the two demo tenants keep
// their state in files, which is what is checked at the end.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import test from 'ava';
import { builtCli } from '../helpers/built-cli.js';
import { freshDirs } from '../helpers/cli.js';

type SavedTenant = { tenant: { flows: { displayName: string; id: string }[]; attributes: { id: string }[] } };
const saved = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SavedTenant;

test.serial(
	'demo: export a flow in contoso, switch to fabrikam with @, apply the file there, see it',
	async (t) => {
		const socket = `entra-flows-${randomUUID().slice(0, 8)}`;
		const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
		const work = mkdtempSync(join(tmpdir(), 'entra-flows-journey-code-'));
		const stateDir = join(work, 'state');
		const env = { ...freshDirs(), CI: 'true', ENTRA_FLOWS_DEMO_STATE_DIR: stateDir };
		const command = [
			'env',
			...Object.entries(env).map(([k, v]) => `${k}=${v}`),
			process.execPath,
			builtCli,
			'--demo',
		];
		tmux('new-session', '-d', '-s', 'journey', '-x', '80', '-y', '24', '-c', work, ...command);
		t.teardown(() => {
			try {
				tmux('kill-server');
			} catch {
				// The server ended with its only session.
			}
		});
		const screen = () => {
			try {
				return tmux('capture-pane', '-p', '-t', 'journey');
			} catch {
				return '';
			}
		};
		const waitFor = async (pattern: RegExp | string, timeoutMs = 15_000) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const now = screen();
				if (typeof pattern === 'string' ? now.includes(pattern) : pattern.test(now)) return now;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${now}`);
				await delay(25);
			}
		};
		const press = (key: string) =>
			tmux('send-keys', '-t', 'journey', ...(key.length === 1 ? ['-l', key] : [key]));
		const type = async (text: string) => {
			let typed = '';
			for (const character of text) {
				press(character);
				typed += character;
				await waitFor(typed);
			}
		};

		// Contoso first: the header names the profile.
		let now = await waitFor('Events registration', 30_000);
		t.regex(now, /@contoso/);
		press('/');
		await type('Events');
		press('Enter');
		await waitFor(/❯.*Events registration/);
		press('x');
		now = await waitFor('Export “Events registration” to a file');
		press('Enter');
		now = await waitFor(/Exported “Events registration” to/);
		const file = join(work, 'events-registration.yaml');
		t.true(existsSync(file), 'written in the current folder');
		t.regex(readFileSync(file, 'utf8'), /name: Events registration/);

		press('@');
		await waitFor('Switch tenant');
		press('Down');
		await waitFor(/❯ @fabrikam/);
		press('Enter');
		// Fabrikam signs in on its own (the demo approves the code itself), then shows its empty list.
		now = await waitFor('No user flows yet', 30_000);
		t.regex(now, /@fabrikam/);

		press('A');
		now = await waitFor('Apply flow files to @fabrikam');
		t.regex(now, /events-registration\.yaml/, 'the file just exported is offered');
		press('Enter');
		now = await waitFor('Press y to apply');
		t.regex(now, /Flow "Events registration" \(new\)/);
		t.regex(now, /\+ {3}create the flow/);
		press('y');
		now = await waitFor(/Applied \d+ step\(s\)\./);
		t.regex(now, /✓ done/);
		t.notRegex(now, /✗/);
		press('Escape');
		now = await waitFor(/Events registration/);
		t.notRegex(now, /No user flows yet/, 'the flow is in fabrikam now');

		const fabrikam = saved(join(stateDir, 'fabrikam.json'));
		t.deepEqual(
			fabrikam.tenant.flows.map((flow) => flow.displayName),
			['Events registration'],
		);
		t.truthy(fabrikam.tenant.flows[0]?.id);
		// A demo tenant saves its state on a write: contoso had none, export only read it.
		t.false(existsSync(join(stateDir, 'contoso.json')), 'nothing was written to the source tenant');
		press('q');
	},
);
