import test from 'ava';
import { createKeyQueue, type KeyEvent, noKey } from '../../source/keys/key-queue.js';

/** A queue whose deferred turns run only when the test says, recording what was routed. */
function harness(takesText: () => boolean = () => false) {
	const routed: (string | undefined)[] = [];
	const texts: string[] = [];
	const later: (() => void)[] = [];
	const queue = createKeyQueue({
		route: (name, text) => {
			routed.push(name);
			texts.push(text);
		},
		takesText,
		defer: (next) => later.push(next),
	});
	const runDeferred = () => {
		while (later.length > 0) later.shift()?.();
	};
	return { queue, routed, texts, later, runDeferred };
}

const burst = (input: string): KeyEvent => ({ input, key: noKey });

test('a lone key is routed at once, with no deferred turn', (t) => {
	const { queue, routed, later } = harness();
	queue.push({ input: 'j', key: noKey });
	t.deepEqual(routed, ['j']);
	t.is(later.length, 0);
});

test('a burst outside a text field is split: one key now, each next one after the screen has caught up', (t) => {
	const { queue, routed, later, runDeferred } = harness();
	queue.push(burst('jjk'));
	t.deepEqual(routed, ['j'], 'only the first key before React commits');
	t.is(later.length, 1);
	runDeferred();
	t.deepEqual(routed, ['j', 'j', 'k']);
});

test('control characters in a burst become their keys: enter, tab, backspace, ctrl+letter', (t) => {
	const { queue, routed, runDeferred } = harness();
	queue.push(burst('\x7f\x7f\r\t\x12'));
	runDeferred();
	t.deepEqual(routed, ['backspace', 'backspace', 'enter', 'tab', 'ctrl+r']);
});

test('in a text field a run of characters goes in as one paste; control characters stay keys', (t) => {
	const { queue, routed, texts, runDeferred } = harness(() => true);
	queue.push(burst('Flow\x7f\x7fws\r'));
	runDeferred();
	t.deepEqual(routed, [undefined, 'backspace', 'backspace', undefined, 'enter']);
	t.deepEqual(
		texts.filter((_, index) => routed[index] === undefined),
		['Flow', 'ws'],
	);
});

test('a key that opens a field lets the rest of the burst be typed into it', (t) => {
	let typing = false;
	const { queue, routed, texts, runDeferred } = harness(() => typing);
	queue.push(burst('nMy flow'));
	t.deepEqual(routed, ['n']);
	typing = true; // what `n` did once React committed: the create form's name field takes text
	runDeferred();
	t.deepEqual(texts, ['n', 'My flow']);
});

test('keys arriving while a burst is being split wait their turn, in order', (t) => {
	const { queue, routed, runDeferred } = harness();
	queue.push(burst('jj'));
	queue.push({ input: 'G', key: noKey });
	t.deepEqual(routed, ['j']);
	runDeferred();
	t.deepEqual(routed, ['j', 'j', 'G']);
});
