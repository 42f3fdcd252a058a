import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { createRegistry, hidden } from '../../source/keys/registry.js';
import type { TextEdit } from '../../source/keys/text-edit.js';

test('a pressed key runs the handler of the top layer that has one', (t) => {
	const registry = createRegistry();
	const calls: string[] = [];
	registry.register('global', () => ({
		scopes: ['global'],
		handlers: { 'nav.back': () => calls.push('global back') },
	}));
	const off = registry.register('screen', () => ({
		scopes: ['form'],
		handlers: { 'form.cancel': () => calls.push('form cancel') },
	}));
	registry.press('esc', '', () => {});
	off();
	registry.press('esc', '', () => {});
	t.deepEqual(calls, ['form cancel', 'global back']);
});

test('a disabled action reports its reason instead of running; a hidden one is silent', (t) => {
	const registry = createRegistry();
	const reasons: string[] = [];
	let ran = false;
	registry.register('screen', () => ({
		scopes: ['sublist', 'list'],
		handlers: { 'item.remove': () => (ran = true), 'item.open': () => (ran = true) },
		disabled: { 'item.remove': 'the last one stays', 'item.open': hidden },
	}));
	registry.press('d', 'd', (reason) => reasons.push(reason));
	registry.press('enter', '', (reason) => reasons.push(reason));
	t.false(ran);
	t.deepEqual(reasons, ['the last one stays']);
});

test('a capture layer receives text and pastes; the footer hears about layers coming and going', (t) => {
	const registry = createRegistry();
	const edits: TextEdit[] = [];
	let changes = 0;
	registry.subscribe(() => changes++);
	registry.register('capture', () => ({
		scopes: ['filter'],
		handlers: {},
		capture: (edit) => edits.push(edit),
	}));
	registry.press('x', 'x', () => {});
	registry.press(undefined, 'pasted', () => {});
	registry.press('backspace', '', () => {});
	t.deepEqual(edits, [
		{ type: 'insert', text: 'x' },
		{ type: 'insert', text: 'pasted' },
		{ type: 'backspace' },
	]);
	t.is(changes, 1);
});

test("no key layer passes '' for a disabled action: a silent one says `hidden`", (t) => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.tsx?$/.test(name)) files.push(path);
		}
	};
	walk('source/ui');
	const empty = /'[a-z-]+\.[A-Za-z]+': ''|undefined : ''[,\s]*$|\? ''\s*$/m;
	t.deepEqual(
		files.filter((file) => empty.test(readFileSync(file, 'utf8'))),
		[],
		'an empty reason reads as "no reason" but meant "hidden"',
	);
});

test('esc dismisses an error on screen first, in one place for every layer that goes back', (t) => {
	const registry = createRegistry();
	const calls: string[] = [];
	let shown = true;
	const dismiss = () => {
		const was = shown;
		shown = false;
		return was;
	};
	const off = registry.register('screen', () => ({
		scopes: ['form'],
		handlers: { 'form.cancel': () => calls.push('form cancel') },
	}));
	registry.press('esc', '', () => {}, dismiss);
	t.deepEqual(calls, [], 'the first esc only dismissed the error');
	registry.press('esc', '', () => {}, dismiss);
	t.deepEqual(calls, ['form cancel']);
	off();
	shown = true;
	registry.register('overlay', () => ({
		scopes: ['confirm'],
		handlers: { 'confirm.no': () => calls.push('no') },
	}));
	registry.press('esc', '', () => {}, dismiss);
	t.deepEqual(calls, ['form cancel', 'no'], "a dialog's esc answers the dialog");
	t.true(shown);
});
