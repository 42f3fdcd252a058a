import test from 'ava';
import { textWidth, wrapToWidth } from '../../source/text/width.js';

test('wide characters take two columns, combining marks none', (t) => {
	t.is(textWidth('abc'), 3);
	t.is(textWidth('日本語'), 6);
	t.is(textWidth('🎉'), 2);
	t.is(textWidth('é'), 1);
	t.is(textWidth('👩‍💻'), 2, 'a joined emoji is one character');
});

test('wrapping by columns keeps every character and never exceeds the width', (t) => {
	const text = '"label":"日本語ラベル 🎉 日本語","inputType":"text"';
	const pieces = wrapToWidth(text, 10);
	t.is(pieces.join(''), text, 'nothing is lost');
	for (const piece of pieces) t.true(textWidth(piece) <= 10, piece);
	t.deepEqual(wrapToWidth('abcdef', 4), ['abcd', 'ef']);
});

test('one measure with Ink: flags and keycaps are two columns, text-style symbols one, soft hyphens none', (t) => {
	t.is(textWidth('🇯🇵'), 2);
	t.is(textWidth('1️⃣'), 2);
	t.is(textWidth('✔ done'), 6);
	t.is(textWidth('© Contoso'), 9);
	t.is(textWidth('co\u00ADop'), 4);
	t.is(textWidth('한국어 ｱ'), 8);
});
