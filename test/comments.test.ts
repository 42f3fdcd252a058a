import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import test from 'ava';

// Comments say why in their own words. The reference notes the project was built from live outside the
// repository, so a comment that cites them ("reliability R9", "graph-api.md §3.1", "identity.md G7") points a
// reader at something they do not have. This guards every source file against it coming back.
const root = new URL('..', import.meta.url).pathname;
const self = new URL(import.meta.url).pathname;

// The documents outside the repository, by name (ARCHITECTURE.md and README.md are in it: upper case).
const outsideDocument =
	/\b(graph-api|graph-extensions|reliability|identity|style|toolchain|architecture|users-and-peers)\.md\b|\bshared\/[\w-]+\.md\b/;
// A section sign before a number; a public standard's section ("RFC 5280 §4.1.2.5") is fine.
const sectionNumber = /(?<!RFC \d+ )§\s*\d/;
// The rule ids those documents number their items with (R9, G3, P1, A2…) and their source tags ([C1], [E3]).
// Only comments are searched: code holds ids of its own (fault ids such as F-A1, test app ids).
const ruleId = /(?<![\w-])[RTDHAPENG]\d{1,2}\b|\[[A-Z]\d+[a-z]?\]/;

type Citation = { readonly line: number; readonly text: string };

/** The comment text on each line: whole-line and block comments, and a trailing ` // …`. */
function commentLines(text: string): { line: number; comment: string }[] {
	const found: { line: number; comment: string }[] = [];
	let inBlock = false;
	text.split('\n').forEach((raw, index) => {
		const trimmed = raw.trim();
		if (inBlock) {
			found.push({ line: index + 1, comment: trimmed });
			if (trimmed.includes('*/')) inBlock = false;
		} else if (trimmed.startsWith('/*')) {
			found.push({ line: index + 1, comment: trimmed });
			inBlock = !trimmed.includes('*/');
		} else if (trimmed.startsWith('//')) {
			found.push({ line: index + 1, comment: trimmed });
		} else {
			const tail = raw.indexOf(' // ');
			if (tail >= 0) found.push({ line: index + 1, comment: raw.slice(tail) });
		}
	});
	return found;
}

/** Every place a file's text cites a document from outside the repository. */
function outsideCitations(text: string): Citation[] {
	const citations: Citation[] = [];
	text.split('\n').forEach((line, index) => {
		// Document names and section numbers count anywhere: a message shown to a user must not cite them either.
		if (outsideDocument.test(line) || sectionNumber.test(line))
			citations.push({ line: index + 1, text: line });
	});
	for (const { line, comment } of commentLines(text)) {
		if (ruleId.test(comment) && !citations.some((citation) => citation.line === line))
			citations.push({ line, text: comment });
	}
	return citations.sort((a, b) => a.line - b.line);
}

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

test('the checker finds citations of outside documents and leaves plain reasons and standards alone', (t) => {
	const cited = [
		'/** Creates a flow (reliability R9). */',
		'// The type-cast segments graph-api.md §0 requires.',
		'\t/** Retries after the first attempt (R2: 3 by default). */',
		'\t\t// A fresh request object per attempt (G5).',
		'/*\nmsal-node quirks handled here: a failed /devicecode reply (G3) is caught.\n*/',
		'const x = 1; // clients must follow nextLink (P1)',
		"throw new Error('see shared/reliability.md');",
		'// Least-privileged permissions per section §2.',
		'/** Input types the service documents (§ 4.10). */',
		'// The directory is eventually consistent [B1].',
		'// The one table (style.md, keyboard).',
	];
	for (const text of cited) t.is(outsideCitations(text).length, 1, text);
	const fine = [
		'/** Creates a flow; a create whose answer was lost is read back by name and adopted. */',
		'// UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5).',
		"if (rule.id === 'F-C1') return lag; // F-A1 defaults to one",
		'// Controls (C0, DEL, C1) that a sanitized string no longer has.',
		"const linked = [{ appId: 'A1' }];",
		"const date = new Date(text + 'T00:00:00Z');",
		'/** How the house is put together: see ARCHITECTURE.md. */',
		"t.is(link.parameters.code_challenge_method, 'S256');",
	];
	for (const text of fine) t.deepEqual(outsideCitations(text), [], text);
	t.deepEqual(outsideCitations('const a = 1;\n/**\n * Back-off (R3): base + jitter.\n */\nconst b = 2;'), [
		{ line: 3, text: '* Back-off (R3): base + jitter.' },
	]);
});

test('no source file cites a document from outside the repository', (t) => {
	const roots = ['source', 'scripts', 'test'].map((dir) => join(root, dir));
	const paths = [...roots.flatMap(files), join(root, 'cli.tsx'), join(root, 'start.ts')].filter(
		(path) => path !== self,
	);
	t.true(paths.length > 100, 'the walk found the source files');
	const offences = paths.flatMap((path) =>
		outsideCitations(readFileSync(path, 'utf8')).map(
			(citation) => `${relative(root, path)}:${citation.line}: ${citation.text.trim()}`,
		),
	);
	t.deepEqual(offences, [], 'say the reason in the comment, or point to docs/ or ARCHITECTURE.md');
});
