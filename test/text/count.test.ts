import test from 'ava';
import { groupDigits } from '../../source/text/count.js';

test('counts are grouped by three digits with commas, as toLocaleString en-US writes them', (t) => {
	for (const count of [
		0, 1, 12, 999, 1000, 1001, 9999, 10_000, 12_345, 999_999, 1_000_000, 50_000, -1, -1234,
	]) {
		t.is(groupDigits(count), count.toLocaleString('en-US'), String(count));
	}
	t.is(groupDigits(10_000), '10,000');
	t.is(groupDigits(1_234_567), '1,234,567');
});
