import test from 'ava';
import { transportWord } from '../../source/store/requests.js';
import { cutPathMiddle } from '../../source/text/width.js';

test('a long path is cut in the middle, keeping its start and the segment that names the resource', (t) => {
	const flow = '/identity/authenticationEventsFlows/6661194d…';
	t.is(cutPathMiddle(flow, 60), flow, 'what fits is whole');
	t.is(cutPathMiddle(flow, 26), '/identity/authe…/6661194d…');
	t.is(
		cutPathMiddle('/identity/authenticationEventsFlows/6661194d…/identityProviders/$ref', 26),
		'/i…/identityProviders/$ref',
		'$ref stays with what it refers to',
	);
	const cut = cutPathMiddle('/identity/authenticationEventsFlows?$top=999', 26);
	t.true(cut.length <= 26 && cut.endsWith('…'), cut);
});

test('transport errors read as a word in the requests list', (t) => {
	t.is(transportWord('ETIMEDOUT'), 'timeout');
	t.is(transportWord('ECONNRESET'), 'reset');
	t.is(transportWord('ENOTFOUND'), 'no DNS');
	t.is(transportWord('ERR_TLS_CERT_ALTNAME_INVALID'), 'TLS');
	t.is(transportWord('EWHATEVER_ELSE'), 'EWHATEV…');
});
