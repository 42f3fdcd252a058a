import test from 'ava';
import { demoEnvironment } from '../../source/wiring/app-deps.js';
import { colourEnvironment, wantsNoColor } from '../../source/wiring/colour-choice.js';

test('FORCE_COLOR=0 means no colour, like NO_COLOR', (t) => {
	t.true(wantsNoColor({ FORCE_COLOR: '0' }));
	t.true(wantsNoColor({ FORCE_COLOR: 'false' }));
	t.true(wantsNoColor({ NO_COLOR: '1' }));
	t.false(wantsNoColor({}));
	t.false(wantsNoColor({ NO_COLOR: '' }), 'an empty NO_COLOR is not set');
});

test('FORCE_COLOR 1 to 3 forces colour, even over NO_COLOR', (t) => {
	for (const level of ['1', '2', '3', 'true', '']) {
		t.false(wantsNoColor({ FORCE_COLOR: level, NO_COLOR: '1' }), `FORCE_COLOR=${level}`);
	}
});

test('the demo keeps NO_COLOR and FORCE_COLOR and nothing else', (t) => {
	const env = { FORCE_COLOR: '0', NO_COLOR: '1', HTTPS_PROXY: 'http://127.0.0.1:9' };
	t.deepEqual(demoEnvironment(env), { FORCE_COLOR: '0', NO_COLOR: '1' });
	t.deepEqual(colourEnvironment({}), {});
});
