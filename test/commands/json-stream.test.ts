import test from 'ava';
import type { CommandContext } from '../../source/commands/command.js';
import { printJsonPages } from '../../source/commands/json-stream.js';

// Only the two outputs are used by the printer; the rest of a command's context plays no part.
function contextWith(written: string[], drained?: () => Promise<void>): CommandContext {
	return { stdout: (text: string) => written.push(text), drained } as unknown as CommandContext;
}

test('pages print as one JSON array, the same text as the whole list at once', async (t) => {
	const written: string[] = [];
	async function* pages() {
		yield { items: [{ id: 1 }, { id: 2 }] };
		yield { items: [] };
		yield { items: [{ id: 3, name: 'a\u202eb' }] };
	}
	await printJsonPages(contextWith(written), pages());
	const text = written.join('');
	t.deepEqual(JSON.parse(text), [{ id: 1 }, { id: 2 }, { id: 3, name: 'a\u202eb' }]);
	t.false(text.includes('\u202e'), 'bidi controls are escaped');
	t.true(text.endsWith('\n]\n'));
});

test('no pages print an empty array', async (t) => {
	const written: string[] = [];
	await printJsonPages(contextWith(written), (async function* () {})());
	t.is(written.join(''), '[]\n');
});

test('the next page is not asked for until stdout has taken the last one', async (t) => {
	const written: string[] = [];
	const pulled: number[] = [];
	let release: () => void = () => {};
	let waits = 0;
	const drained = () => {
		waits++;
		return new Promise<void>((resolve) => {
			release = resolve;
		});
	};
	async function* pages() {
		for (const page of [1, 2, 3]) {
			pulled.push(page);
			yield { items: [{ page }] };
		}
	}
	const printing = printJsonPages(contextWith(written, drained), pages());
	// Let every already-settled promise run: the printer must now be parked on the first drain.
	await new Promise((resolve) => setImmediate(resolve));
	t.deepEqual(pulled, [1]);
	t.is(waits, 1);
	release();
	await new Promise((resolve) => setImmediate(resolve));
	t.deepEqual(pulled, [1, 2]);
	release();
	await new Promise((resolve) => setImmediate(resolve));
	release();
	await printing;
	t.deepEqual(pulled, [1, 2, 3]);
	t.deepEqual(JSON.parse(written.join('')), [{ page: 1 }, { page: 2 }, { page: 3 }]);
});
