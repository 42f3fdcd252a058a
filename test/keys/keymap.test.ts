import test from 'ava';
import { displayKey, footerHints, helpEntries } from '../../source/keys/hints.js';
import { type ActionId, actions, type Scope } from '../../source/keys/keymap.js';
import { keymapMarkdown } from '../../source/keys/keymap-doc.js';
import { keyName } from '../../source/keys/normalize.js';
import type { LayerView, Level } from '../../source/keys/resolve.js';
import { resolveKey } from '../../source/keys/resolve.js';
import { applyEdit, editText } from '../../source/keys/text-edit.js';

// The scope sets screens register together, per level (what can be live at the same time).
const stacks: readonly (readonly [Level, readonly Scope[]])[][] = [
	[
		['global', ['global']],
		['screen', ['flows', 'list']],
	],
	[
		['global', ['global']],
		['screen', ['flows', 'list']],
		['capture', ['filter']],
	],
	[
		['global', ['global']],
		['screen', ['detail', 'list']],
		['capture', ['text']],
	],
	[
		['global', ['global']],
		['screen', ['sublist', 'list']],
	],
	[
		['global', ['global']],
		['screen', ['form']],
		['capture', []],
	],
	[
		['global', ['global']],
		['screen', ['sign-in']],
	],
	[
		['global', ['global']],
		['screen', ['list']],
		['capture', ['text']],
	],
	[
		['global', ['global']],
		['screen', ['request']],
	],
	[
		['global', ['global']],
		['screen', ['sublist', 'list', 'attributes']],
	],
	[
		['global', ['global']],
		['screen', ['layout']],
		['capture', ['text']],
	],
	[
		['global', ['global']],
		['screen', ['layout-options']],
		['capture', ['text']],
	],
	[
		['global', ['global']],
		['screen', ['apply-file']],
		['capture', ['text']],
	],
	[['overlay', ['tenant-switch']]],
	[['overlay', ['text']]],
	[['overlay', ['layout-conflict']]],
	[['overlay', ['layout-leave']]],
	[['overlay', ['confirm']]],
	[['overlay', ['typed-confirm']]],
	[['overlay', ['picker']]],
	[['help', ['help']]],
];

function layer(
	level: Level,
	scopes: readonly Scope[],
	seq: number,
	handled: readonly string[] = [],
): LayerView {
	return {
		seq,
		level,
		scopes,
		captures: level === 'capture' || scopes.includes('typed-confirm'),
		handles: (id: ActionId) => handled.length === 0 || handled.includes(id),
		disabledReason: () => undefined,
	};
}

test('no two actions share a key within one level of any scope stack', (t) => {
	for (const stack of stacks) {
		for (const [level, scopes] of stack) {
			const seen = new Map<string, string>();
			for (const action of actions.filter((a) => a.scopes.some((scope) => scopes.includes(scope)))) {
				for (const key of action.keys) {
					const other = seen.get(key);
					t.true(
						other === undefined || other === action.id,
						`${level} ${scopes.join('+')}: "${key}" is both ${other} and ${action.id}`,
					);
					seen.set(key, action.id);
				}
			}
		}
	}
});

test('screens never shadow the always-there keys (?, q, ctrl+c)', (t) => {
	for (const action of actions.filter((a) => !a.scopes.includes('global'))) {
		for (const key of ['?', 'q', 'ctrl+c']) {
			// Text fields take ? and q as text; only dialogs may use them otherwise, and none does.
			t.false(action.keys.includes(key), `${action.id} takes ${key}`);
		}
	}
});

test('every action has a label, a description and at least one key; ids are unique', (t) => {
	const ids = new Set<string>();
	for (const action of actions) {
		t.false(ids.has(action.id), action.id);
		ids.add(action.id);
		t.true(action.label.length > 0 && action.description.length >= 5, action.id);
		t.true(action.keys.length > 0, action.id);
		t.true(action.scopes.length > 0, action.id);
	}
});

test('the footer ends with ? help in every stack, except while a field takes ? as text', (t) => {
	for (const stack of stacks) {
		const layers = stack.map(([level, scopes], index) => layer(level, scopes, index));
		const hints = footerHints(layers);
		const typing = layers.some((item) => item.captures);
		if (typing)
			t.false(
				hints.some((hint) => hint.key === '?'),
				`no ? help while typing: ${stack}`,
			);
		else {
			t.deepEqual(hints.at(-1), { key: '?', label: 'help', danger: false });
			t.is(hints.filter((hint) => hint.label === 'help').length, 1);
		}
	}
});

test('help offers "clear the filter" for esc only on a screen that has a filter', (t) => {
	const esc = (handled: readonly string[]) =>
		helpEntries([
			layer('global', ['global'], 1, ['nav.back']),
			layer('screen', ['detail', 'list'], 2, handled),
		]).find((entry) => entry.keys === 'esc')?.description;
	t.regex(esc(['nav.back', 'list.filter']) ?? '', /clear the filter/);
	t.is(esc(['nav.back', 'item.open']), 'Go back to the previous screen; dismisses an error first');
});

test('every "unless" of the keymap names an action that exists', (t) => {
	for (const action of actions) {
		if (action.unless)
			t.truthy(
				actions.find((other) => other.id === action.unless?.live),
				action.id,
			);
	}
});

test('help lists the screen below the overlay, with every key', (t) => {
	const entries = helpEntries([
		layer('global', ['global'], 1),
		layer('screen', ['sublist', 'list'], 2),
		layer('help', ['help'], 3),
	]);
	const keys = entries.map((entry) => entry.keys);
	t.true(keys.includes('a'));
	t.true(keys.includes('d'));
	t.true(keys.includes(`j / ${displayKey('down')}`));
	t.false(keys.includes('esc') && entries.some((entry) => entry.description === 'Close the help'));
});

test('the top layer wins; dialogs are modal; printable keys are text while typing', (t) => {
	const base = [layer('global', ['global'], 1), layer('screen', ['flows', 'list'], 2)];
	const pick = (layers: LayerView[], key: string) => {
		const result = resolveKey(layers, key, key);
		return result.kind === 'action'
			? result.action.id
			: result.kind === 'text'
				? `text:${JSON.stringify(result.edit)}`
				: 'none';
	};
	t.is(pick(base, 'n'), 'flow.new');
	t.is(pick(base, 'esc'), 'nav.back');
	const filtering = [...base, layer('capture', ['filter'], 3)];
	t.is(pick(filtering, 'n'), 'text:{"type":"insert","text":"n"}');
	t.is(pick(filtering, 'esc'), 'filter.clear');
	t.is(pick(filtering, 'down'), 'list.down', 'arrows still move while typing');
	t.is(pick(filtering, 'j'), 'text:{"type":"insert","text":"j"}', 'letters do not');
	t.is(pick(filtering, 'backspace'), 'text:{"type":"backspace"}');
	t.is(pick(filtering, 'ctrl+r'), 'screen.refresh');
	const dialog = [...base, layer('overlay', ['confirm'], 4)];
	t.is(pick(dialog, 'n'), 'confirm.no');
	t.is(pick(dialog, 'q'), 'none', 'q does not quit from under a dialog');
	t.is(pick(dialog, 'ctrl+c'), 'app.interrupt');
	t.is(pick(dialog, '?'), 'help.toggle');
	t.is(pick(dialog, 'enter'), 'none', 'enter does nothing in a destructive confirm');
});

test('a handled key is consumed by the layer that handles it, even below the scope that defines it', (t) => {
	const global = layer('global', ['global'], 1, ['nav.back', 'help.toggle']);
	const form = layer('screen', ['form'], 2, ['form.cancel', 'screen.refresh']);
	const result = resolveKey([global, form], 'ctrl+r', '');
	t.is(result.kind === 'action' ? result.layer : undefined, form);
});

test('keys normalize to the keymap spelling', (t) => {
	const none = {
		upArrow: false,
		downArrow: false,
		leftArrow: false,
		rightArrow: false,
		pageDown: false,
		pageUp: false,
		home: false,
		end: false,
		return: false,
		escape: false,
		ctrl: false,
		shift: false,
		tab: false,
		backspace: false,
		delete: false,
		meta: false,
	};
	t.is(keyName('G', { ...none, shift: true }), 'G');
	t.is(keyName('r', { ...none, ctrl: true }), 'ctrl+r');
	t.is(keyName('', { ...none, tab: true, shift: true }), 'shift+tab');
	t.is(keyName('', { ...none, delete: true }), 'backspace');
	t.is(keyName(' ', none), 'space');
	t.is(keyName('', { ...none, escape: true, meta: true }), 'esc');
	t.is(keyName('pasted text', none), undefined);
});

test('text edits append and erase at the end and drop control characters', (t) => {
	t.is(applyEdit('ab', { type: 'insert', text: 'c\u001B[2Jd\n' }), 'abc[2Jd');
	t.is(applyEdit('ab', { type: 'backspace' }), 'a');
	t.is(applyEdit('', { type: 'backspace' }), '');
});

test('text edits work at the cursor; a selected value is replaced or cleared', (t) => {
	const at = (tail: number, selected = false) => ({ tail, selected });
	t.deepEqual(editText('abc', at(1), { type: 'insert', text: 'XY' }), { value: 'abXYc', caret: at(1) });
	t.deepEqual(editText('abc', at(1), { type: 'backspace' }), { value: 'ac', caret: at(1) });
	t.deepEqual(editText('abc', at(3), { type: 'backspace' }), { value: 'abc', caret: at(3) });
	t.deepEqual(editText('abc', at(0), { type: 'left' }).caret, at(1));
	t.deepEqual(editText('abc', at(3), { type: 'left' }).caret, at(3), 'the start is as far as it goes');
	t.deepEqual(editText('abc', at(0), { type: 'right' }).caret, at(0));
	t.deepEqual(editText('abc', at(0), { type: 'home' }).caret, at(3));
	t.deepEqual(editText('abc', at(3), { type: 'end' }).caret, at(0));
	t.deepEqual(editText('one two  three', at(5), { type: 'deleteWord' }), {
		value: 'one three',
		caret: at(5),
	});
	t.deepEqual(editText('one two', at(3), { type: 'deleteToStart' }), { value: 'two', caret: at(3) });
	t.deepEqual(editText('a😀b', at(1), { type: 'backspace' }).value, 'ab', 'an emoji is one character');
	t.deepEqual(editText('Email', at(0, true), { type: 'insert', text: 'Mail' }), {
		value: 'Mail',
		caret: at(0),
	});
	t.deepEqual(editText('Email', at(0, true), { type: 'backspace' }), { value: '', caret: at(0) });
	t.deepEqual(editText('Email', at(0, true), { type: 'home' }), { value: 'Email', caret: at(5) });
	t.deepEqual(editText('Email', at(0, true), { type: 'end' }), { value: 'Email', caret: at(0) });
});

test('the generated keymap table has one row per action', (t) => {
	const table = keymapMarkdown();
	t.is(table.trim().split('\n').length, actions.length + 2);
	t.regex(table, /\| everywhere \| `\?` \| Show or hide the keys for this screen \|/);
});

test('the layout editor: its keys win over the global ones; while typing a label, letters are text', (t) => {
	const base = [layer('global', ['global'], 1), layer('screen', ['layout'], 2)];
	const pick = (layers: LayerView[], key: string) => {
		const result = resolveKey(layers, key, key);
		return result.kind === 'action' ? result.action.id : result.kind;
	};
	t.is(pick(base, 'K'), 'layout.moveUp');
	t.is(pick(base, 'J'), 'layout.moveDown');
	t.is(pick(base, 'enter'), 'layout.label');
	t.is(pick(base, 'esc'), 'layout.back', 'esc asks about unsaved changes instead of going straight back');
	t.is(pick(base, 'ctrl+z'), 'layout.undo');
	const typing = [...base, layer('capture', ['text'], 3)];
	t.is(pick(typing, 'r'), 'text');
	t.is(pick(typing, 'enter'), 'text.accept');
	t.is(pick(typing, 'esc'), 'text.cancel');
	const options = [layer('global', ['global'], 1), layer('screen', ['layout-options'], 2)];
	t.is(pick(options, 'd'), 'options.remove');
	t.is(pick(options, 'esc'), 'options.close');
	t.is(pick(options, 'u'), 'layout.undo');
});
