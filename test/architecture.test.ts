import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import test from 'ava';

// Layers only call downward (ui → store → operations → graph → auth; commands → operations); the emulator
// shares nothing with the client.
const root = new URL('..', import.meta.url).pathname;

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

function imports(path: string): { specifier: string; dynamic: boolean }[] {
	const text = readFileSync(path, 'utf8');
	const found: { specifier: string; dynamic: boolean }[] = [];
	for (const match of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
		found.push({ specifier: match[1] ?? '', dynamic: false });
	}
	for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g))
		found.push({ specifier: match[1] ?? '', dynamic: true });
	return found;
}

function layerOf(path: string): string {
	const rel = relative(join(root, 'source'), path);
	return rel.startsWith('..') ? 'entry' : (rel.split('/')[0] ?? '');
}

function target(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	return layerOf(join(from, '..', specifier));
}

const allowed: Record<string, readonly string[]> = {
	auth: ['auth', 'text'],
	// text/ holds the one loopback rule (and the bounded file read) that config shares with graph and auth.
	config: ['config', 'text'],
	graph: ['graph', 'auth', 'text'],
	text: ['text'],
	store: ['store', 'operations', 'graph', 'auth', 'text', 'config', 'layout', 'inspect'],
	keys: ['keys', 'store'],
	ui: ['ui', 'store', 'keys', 'text'],
	commands: [
		'commands',
		'operations',
		'graph',
		'auth',
		'config',
		'text',
		'emulator',
		'layout',
		'inspect',
		'flow-files',
	],
	// Every write's rule, once: below both faces, above the thin Graph client; it words nothing. Plan and apply
	// are here too: a third face's steps carried out by the same operations.
	operations: ['operations', 'graph', 'layout', 'text', 'flow-files'],
	// The flow file model: pure parse, check, serialize and schema over the layout model and Graph's types.
	'flow-files': ['flow-files', 'layout', 'graph'],
	// Pure models over Graph types: the layout editor's and the request inspector's building blocks.
	layout: ['layout', 'graph'],
	inspect: ['inspect', 'graph', 'text'],
	emulator: ['emulator'],
	// Runs first, on any Node: it may lean on nothing.
	startup: ['startup'],
	// The composition root for the keyboard app: it may wire any layer together.
	wiring: ['wiring', 'ui', 'store', 'keys', 'graph', 'auth', 'config', 'commands', 'emulator', 'text'],
};

// The one file of the emulator the client may use: the sign-up page model, so the terminal preview of a layout
// shows what the emulated page shows. It imports nothing (checked below), so nothing else of the server follows.
const pageModel = join(root, 'source/emulator/customer/page-model.ts');
const mayImportPageModel = ['store'];

function isPageModel(from: string, specifier: string): boolean {
	return specifier.startsWith('.') && join(from, '..', specifier).replace(/\.js$/, '.ts') === pageModel;
}

test('each layer imports only from the layers below it', (t) => {
	const problems: string[] = [];
	for (const file of files(join(root, 'source'))) {
		const layer = layerOf(file);
		for (const { specifier } of imports(file)) {
			const to = target(file, specifier);
			if (to === 'emulator' && mayImportPageModel.includes(layer) && isPageModel(file, specifier)) continue;
			if (to && !(allowed[layer] ?? []).includes(to))
				problems.push(`${relative(root, file)} imports ${specifier} (${layer} → ${to})`);
		}
	}
	t.deepEqual(problems, []);
});

test('the sign-up page model imports nothing, not even node built-ins', (t) => {
	t.deepEqual(imports(pageModel), []);
});

test('the emulator imports only node built-ins and itself', (t) => {
	const problems: string[] = [];
	for (const file of files(join(root, 'source/emulator'))) {
		for (const { specifier } of imports(file)) {
			const outside = specifier.startsWith('.')
				? target(file, specifier) !== 'emulator'
				: !/^node:|^node-forge$/.test(specifier);
			if (outside) problems.push(`${relative(root, file)} imports ${specifier}`);
		}
	}
	t.deepEqual(problems, []);
});

test('commands never load Ink or React, and only the input router uses useInput', (t) => {
	const problems: string[] = [];
	for (const file of [...files(join(root, 'source')), join(root, 'cli.tsx')]) {
		const layer = layerOf(file);
		for (const { specifier, dynamic } of imports(file)) {
			const isUi = /^(ink|react|ink-.*)$/.test(specifier);
			if (
				isUi &&
				!dynamic &&
				['commands', 'graph', 'auth', 'config', 'entry', 'store', 'emulator'].includes(layer)
			) {
				problems.push(`${relative(root, file)} statically imports ${specifier}`);
			}
		}
		if (/\buseInput\b/.test(readFileSync(file, 'utf8')) && !file.endsWith('keys/input-router.tsx')) {
			problems.push(`${relative(root, file)} uses useInput`);
		}
	}
	t.deepEqual(problems, []);
});

test('operations word nothing: no CommandFailure, no React, no sanitizing for a terminal', (t) => {
	const problems: string[] = [];
	for (const file of files(join(root, 'source/operations'))) {
		const text = readFileSync(file, 'utf8');
		for (const { specifier } of imports(file)) {
			if (/^(ink|react)/.test(specifier) || /\/(commands|store|ui|keys)\//.test(specifier))
				problems.push(`${relative(root, file)} imports ${specifier}`);
		}
		if (/CommandFailure|display\(|process\.(stdout|stderr)/.test(text))
			problems.push(`${relative(root, file)} words or prints`);
	}
	t.deepEqual(problems, []);
});
