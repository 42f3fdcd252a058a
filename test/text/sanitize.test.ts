import test from 'ava';
import { sanitize } from '../../source/text/sanitize.js';
import { formatTable } from '../../source/text/table.js';

test('strips CSI, OSC (title, hyperlink, clipboard), C0/C1 controls and bidi overrides', (t) => {
	t.is(sanitize('\u001B[31mred\u001B[0m'), 'red');
	t.is(sanitize('a\u001B]0;pwned\u0007b'), 'ab');
	t.is(sanitize('a\u001B]52;c;ZXZpbA==\u001B\\b'), 'ab');
	t.is(sanitize('x\u0007\u0008\u009By'), 'xy');
	t.is(sanitize('abc\u202Edef'), 'abcdef');
	t.is(sanitize('line1\nline2\ttab'), 'line1 line2 tab');
	t.is(sanitize('Café — ok ✓'), 'Café — ok ✓');
});

test('tables sanitize every cell', (t) => {
	const text = formatTable([{ name: '\u001B[2Jevil' }], [{ header: 'NAME', value: (row) => row.name }]);
	t.false(text.includes('\u001B'));
	t.true(text.includes('evil'));
});
