import test from 'ava';
import { createBurstSplitter } from '../../source/keys/burst-splitter.js';

/** A splitter whose deferred turns run only when the test says, recording what it fed back. */
function harness(options: { takesText?: () => boolean; busy?: () => boolean } = {}) {
	const fed: string[] = [];
	const later: (() => void)[] = [];
	const splitter = createBurstSplitter({
		emit: (piece) => {
			fed.push(piece);
			// What is fed back comes through take() again, as Ink's listeners see it.
			splitter.take(piece);
		},
		takesText: options.takesText ?? (() => false),
		busy: options.busy ?? (() => false),
		defer: (next) => later.push(next),
	});
	const runDeferred = () => {
		while (later.length > 0) later.shift()?.();
	};
	return { splitter, fed, runDeferred, later };
}

test('a lone key is not taken: it goes to every listener at once', (t) => {
	const { splitter, fed, later } = harness();
	t.false(splitter.take('j'));
	t.false(splitter.take('\u001b[A'), 'an escape sequence is one key');
	t.deepEqual(fed, []);
	t.is(later.length, 0);
});

test('a burst is taken and fed back one key per turn, after the screen has caught up', (t) => {
	const { splitter, fed, later, runDeferred } = harness();
	t.true(splitter.take('jjk'));
	t.deepEqual(fed, [], 'nothing before React commits what came before');
	t.is(later.length, 1);
	runDeferred();
	t.deepEqual(fed, ['j', 'j', 'k']);
});

test('control characters in a burst are fed as their own keys: enter, backspace, ctrl+letter', (t) => {
	const { splitter, fed, runDeferred } = harness();
	splitter.take('\x7f\x7f\r\x12');
	runDeferred();
	t.deepEqual(fed, ['\x7f', '\x7f', '\r', '\x12']);
});

test('in a text field a run of characters goes in as one paste; control characters stay keys', (t) => {
	const { splitter, fed, runDeferred } = harness({ takesText: () => true });
	splitter.take('Flow\x7f\x7fws\r');
	runDeferred();
	t.deepEqual(fed, ['Flow', '\x7f', '\x7f', 'ws', '\r']);
});

test('a key that opens a field lets the rest of the burst be typed into it', (t) => {
	let typing = false;
	const { splitter, fed, runDeferred, later } = harness({ takesText: () => typing });
	splitter.take('nMy flow');
	later.shift()?.();
	t.deepEqual(fed, ['n']);
	typing = true; // what `n` did once React committed: the create form's name field takes text
	runDeferred();
	t.deepEqual(fed, ['n', 'My flow']);
});

test('keys typed ahead wait while the screen is loading, then go on in order', (t) => {
	let busy = false;
	const { splitter, fed, runDeferred } = harness({ busy: () => busy });
	splitter.take('\tjj ');
	runDeferred();
	t.deepEqual(fed, ['\t', 'j', 'j', ' ']);
	fed.length = 0;
	splitter.take('aj');
	runDeferred();
	t.deepEqual(fed, ['a', 'j']);
	fed.length = 0;
	splitter.take('xjj');
	busy = true; // x started a load
	runDeferred();
	t.deepEqual(fed, [], 'held while loading');
	t.true(splitter.take('G'), 'a key typed meanwhile queues behind the burst');
	busy = false;
	splitter.resume();
	runDeferred();
	t.deepEqual(fed, ['x', 'j', 'j', 'G']);
});

test('esc and ctrl+c never wait behind a held burst: the keys held before them are dropped', (t) => {
	let busy = true;
	const { splitter, fed, runDeferred } = harness({ busy: () => busy });
	t.true(splitter.take('jj'));
	t.false(splitter.take('\u001b'), 'esc goes through at once');
	busy = false;
	splitter.resume();
	runDeferred();
	t.deepEqual(fed, [], 'the keys typed before esc are not replayed on the next screen');
	busy = true;
	t.true(splitter.take('dd'));
	t.false(splitter.take('\u0003'));
	busy = false;
	splitter.resume();
	runDeferred();
	t.deepEqual(fed, []);
});

test('esc typed after a burst waits its turn, so the burst never lands on the screen esc opens', (t) => {
	const { splitter, fed, runDeferred } = harness();
	t.true(splitter.take('oyalty'));
	t.true(splitter.take('\u001b'));
	runDeferred();
	t.deepEqual(fed, ['o', 'y', 'a', 'l', 't', 'y', '\u001b']);
});

test('a read that mixes text and escape sequences is split into its keys, in order', (t) => {
	const { splitter, fed, runDeferred } = harness();
	t.true(splitter.take('ab\u001b[A\u001b[1;5Cc\u001b'));
	runDeferred();
	t.deepEqual(fed, ['a', 'b', '\u001b[A', '\u001b[1;5C', 'c', '\u001b']);
});
