import test from 'ava';
import { wrappedLineCount } from '../../source/ui/frame/status-line.js';

test('the status line counts lines as Ink wraps them: at spaces, long words split', (t) => {
	t.is(wrappedLineCount('', 10), 1);
	t.is(wrappedLineCount('abc def', 7), 1);
	t.is(wrappedLineCount('abc defg', 7), 2);
	t.is(wrappedLineCount('a'.repeat(15), 7), 3);
	t.is(wrappedLineCount(`ab ${'c'.repeat(14)}`, 7), 3);
});
