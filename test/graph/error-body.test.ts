import test from 'ava';
import { kindForStatus, parseErrorBody } from '../../source/graph/error-body.js';

test('reads code, message and ids, walking nested innerErrors case-insensitively', (t) => {
	const body = JSON.stringify({
		error: {
			code: 'Request_BadRequest',
			message: 'Bad',
			innererror: {
				date: '2026-01-01T00:00:00',
				'request-id': 'r1',
				'client-request-id': 'c1',
				innerError: { code: 'nameAlreadyExists' },
			},
		},
	});
	t.deepEqual(parseErrorBody(body), {
		code: 'nameAlreadyExists',
		message: 'Bad',
		requestId: 'r1',
		clientRequestId: 'c1',
		date: '2026-01-01T00:00:00',
	});
});

test('a numeric inner code (the status repeated) does not hide the real one', (t) => {
	t.is(
		parseErrorBody(JSON.stringify({ error: { code: 'TooManyRequests', innerError: { code: '429' } } })).code,
		'TooManyRequests',
	);
});

test('HTML, truncated JSON and empty bodies give an empty result instead of throwing', (t) => {
	t.deepEqual(parseErrorBody('<html>Bad gateway</html>'), {});
	t.deepEqual(parseErrorBody('{"error": {"code": "x"'), {});
	t.deepEqual(parseErrorBody(''), {});
	t.deepEqual(parseErrorBody('[]'), {});
});

test('statuses map to kinds', (t) => {
	t.is(kindForStatus(401), 'unauthenticated');
	t.is(kindForStatus(403), 'forbidden');
	t.is(kindForStatus(404), 'notFound');
	t.is(kindForStatus(409), 'conflict');
	t.is(kindForStatus(429), 'throttled');
	t.is(kindForStatus(504), 'unavailable');
	t.is(kindForStatus(500), 'server');
	t.is(kindForStatus(400), 'validation');
});
