// Writes the generated keymap table into README.md between its keymap markers (`npm run docs:keys`).
import { readFileSync, writeFileSync } from 'node:fs';
import { withKeymapTable } from '../source/keys/keymap-readme.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withKeymapTable(readme);
if (updated === readme) console.log('README.md keymap table is up to date');
else {
	writeFileSync('README.md', updated);
	console.log('README.md keymap table rewritten');
}
