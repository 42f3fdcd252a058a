import { readFileSync } from 'node:fs';
import test from 'ava';
import { withKeymapTable } from '../../source/keys/keymap-readme.js';

test("docs/keyboard-app.md's key table is the keymap as it is now (run `npm run docs:keys` after changing keys)", (t) => {
	const readme = readFileSync('docs/keyboard-app.md', 'utf8');
	t.is(readme, withKeymapTable(readme));
	t.regex(readme, /\| everywhere \| `ctrl\+g` \|/);
});
