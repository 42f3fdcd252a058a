import test from 'ava';
import { createKeyFeed, type FeedApp } from '../../source/keys/key-feed.js';

/** A feed whose deferred turns run only when the test says, recording what it handed to Ink. */
function harness(app: Partial<FeedApp> = {}) {
	const fed: string[] = [];
	const later: (() => void)[] = [];
	const feed = createKeyFeed({ deliver: (piece) => fed.push(piece), defer: (next) => later.push(next) });
	feed.connect({
		takesText: app.takesText ?? (() => false),
		busy: app.busy ?? (() => false),
		screen: app.screen ?? (() => 'list'),
	});
	const runDeferred = () => {
		while (later.length > 0) later.shift()?.();
	};
	return { feed, fed, runDeferred, later };
}

test('a lone key goes to Ink at once', (t) => {
	const { feed, fed, later } = harness();
	feed.read('j');
	feed.read('\u001b[A');
	t.deepEqual(fed, ['j', '\u001b[A'], 'an escape sequence is one key');
	t.is(later.length, 0);
});

test('a burst is fed one key per turn, after the screen has caught up', (t) => {
	const { feed, fed, later, runDeferred } = harness();
	feed.read('jjk');
	t.deepEqual(fed, [], 'nothing before React commits what came before');
	t.is(later.length, 1);
	runDeferred();
	t.deepEqual(fed, ['j', 'j', 'k']);
});

test('control characters in a burst are fed as their own keys: enter, backspace, ctrl+letter', (t) => {
	const { feed, fed, runDeferred } = harness();
	feed.read('\x7f\x7f\r\x13');
	runDeferred();
	t.deepEqual(fed, ['\x7f', '\x7f', '\r', '\x13']);
});

test('in a text field a run of characters goes in as one paste; control characters stay keys', (t) => {
	const { feed, fed, runDeferred } = harness({ takesText: () => true });
	feed.read('Flow\x7f\x7fws\r');
	runDeferred();
	t.deepEqual(fed, ['Flow', '\x7f', '\x7f', 'ws', '\r']);
});

test('a key that opens a field lets the rest of the burst be typed into it', (t) => {
	let typing = false;
	const { feed, fed, runDeferred, later } = harness({ takesText: () => typing });
	feed.read('nMy flow');
	later.shift()?.();
	t.deepEqual(fed, ['n']);
	typing = true; // what `n` did once React committed: the create form's name field takes text
	runDeferred();
	t.deepEqual(fed, ['n', 'My flow']);
});

test('keys typed ahead wait while the screen is loading, then go on in order', (t) => {
	let busy = false;
	const { feed, fed, runDeferred } = harness({ busy: () => busy });
	feed.read('\tjj ');
	runDeferred();
	t.deepEqual(fed, ['\t', 'j', 'j', ' ']);
	fed.length = 0;
	feed.read('xjj');
	busy = true; // something started a load
	runDeferred();
	t.deepEqual(fed, [], 'held while loading');
	feed.read('G');
	t.deepEqual(fed, [], 'a key typed meanwhile queues behind the burst');
	busy = false;
	feed.resume();
	runDeferred();
	t.deepEqual(fed, ['x', 'j', 'j', 'G']);
});

test('keys typed one at a time while a screen loads wait for it, as keys read together do', (t) => {
	let busy = true;
	const { feed, fed, runDeferred } = harness({ busy: () => busy });
	feed.read('j');
	runDeferred();
	feed.read('j');
	runDeferred();
	feed.read('\r');
	runDeferred();
	t.deepEqual(fed, [], 'nothing reaches a screen that is still loading');
	busy = false;
	feed.resume();
	runDeferred();
	t.deepEqual(fed, ['j', 'j', '\r']);
});

test('keys that waited on one screen are dropped when the wait ends on another', (t) => {
	let busy = false;
	let screen = 'create form';
	const { feed, fed, runDeferred } = harness({ busy: () => busy, screen: () => screen });
	feed.read('\x13');
	t.deepEqual(fed, ['\x13'], 'ctrl+s saves at once');
	busy = true; // the create is being sent
	feed.read('\r');
	feed.read('x');
	runDeferred();
	screen = "the new flow's detail"; // the save went on to the flow it created
	busy = false;
	feed.resume();
	runDeferred();
	t.deepEqual(fed, ['\x13'], 'the enter typed on the form does not open the rename field on the detail');
	feed.read('j');
	t.deepEqual(fed, ['\x13', 'j'], 'keys typed on the new screen go on as usual');
});

test('a burst that waits behind its own first key is stamped on the screen that key opened', (t) => {
	let busy = false;
	let screen = 'list';
	const { feed, fed, later } = harness({ busy: () => busy, screen: () => screen });
	feed.read('\rjj');
	later.shift()?.();
	t.deepEqual(fed, ['\r']);
	screen = 'detail'; // enter opened the detail, which loads
	busy = true;
	later.shift()?.();
	busy = false;
	feed.resume();
	while (later.length > 0) later.shift()?.();
	t.deepEqual(fed, ['\r', 'j', 'j'], 'typed ahead for the screen enter opened');
});

test('ten ctrl+r typed while a reload runs collapse into one more reload', (t) => {
	let busy = false;
	const { feed, fed, runDeferred } = harness({ busy: () => busy });
	feed.read('\x12');
	busy = true; // the reload runs
	for (let press = 0; press < 9; press++) feed.read('\x12');
	feed.read('\x12\x12\x12');
	runDeferred();
	busy = false;
	feed.resume();
	runDeferred();
	t.deepEqual(fed, ['\x12', '\x12'], 'the running reload and at most one more');
});

test('a held ctrl+r in one read is one reload', (t) => {
	const { feed, fed, runDeferred } = harness();
	feed.read('\x12'.repeat(10));
	runDeferred();
	t.deepEqual(fed, ['\x12']);
});

test('esc and ctrl+c never wait behind held keys: the keys held before them are dropped', (t) => {
	let busy = true;
	const { feed, fed, runDeferred } = harness({ busy: () => busy });
	feed.read('jj');
	feed.read('\u001b');
	t.deepEqual(fed, ['\u001b'], 'esc goes through at once');
	busy = false;
	feed.resume();
	runDeferred();
	t.deepEqual(fed, ['\u001b'], 'the keys typed before esc are not replayed on the next screen');
	busy = true;
	feed.read('dd');
	feed.read('\u0003');
	busy = false;
	feed.resume();
	runDeferred();
	t.deepEqual(fed, ['\u001b', '\u0003']);
});

test('esc typed after a burst waits its turn, so the burst never lands on the screen esc opens', (t) => {
	const { feed, fed, runDeferred } = harness();
	feed.read('oyalty');
	feed.read('\u001b');
	runDeferred();
	t.deepEqual(fed, ['o', 'y', 'a', 'l', 't', 'y', '\u001b']);
});

test('a read that mixes text and escape sequences is split into its keys, in order', (t) => {
	const { feed, fed, runDeferred } = harness();
	feed.read('ab\u001b[A\u001b[1;5Cc\u001b');
	runDeferred();
	t.deepEqual(fed, ['a', 'b', '\u001b[A', '\u001b[1;5C', 'c', '\u001b']);
});
