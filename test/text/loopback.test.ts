import test from 'ava';
import { isLoopbackHost } from '../../source/text/loopback.js';

test('loopback is localhost, an IPv4 literal in 127.0.0.0/8 or ::1, and nothing else', (t) => {
	for (const host of [
		'localhost',
		'LOCALHOST',
		'127.0.0.1',
		'127.255.255.254',
		'127.8.9.10',
		'::1',
		'[::1]',
		'0:0:0:0:0:0:0:1',
	]) {
		t.true(isLoopbackHost(host), host);
	}
	for (const host of [
		'127.attacker.evil.test',
		'127.0.0.1.nip.io',
		'localhost.evil.test',
		'evil-localhost',
		'128.0.0.1',
		'10.0.0.1',
		'::2',
		'[::ffff:8.8.8.8]',
		'',
	]) {
		t.false(isLoopbackHost(host), host);
	}
});

test('hosts as URL parses them: shorthand IPv4 forms become dotted quads first', (t) => {
	t.true(isLoopbackHost(new URL('http://127.1:4000/').hostname));
	t.true(isLoopbackHost(new URL('http://0x7f000001/').hostname));
	t.true(isLoopbackHost(new URL('http://[0::1]/').hostname));
	t.false(isLoopbackHost(new URL('http://127.attacker.evil.test/').hostname));
});
