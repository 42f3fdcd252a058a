import test from 'ava';
import { flowAppsPath, flowPath, flowProvidersPath, odataString, segment } from '../../source/graph/paths.js';

test('ids are encoded so / ? # cannot change the path', (t) => {
	t.is(flowPath('a/b?c#d'), '/identity/authenticationEventsFlows/a%2Fb%3Fc%23d');
	t.is(segment('a b'), 'a%20b');
	t.true(flowAppsPath('x/../y').includes('x%2F..%2Fy'));
});

test('OData literals double single quotes', (t) => {
	t.is(odataString("O'Brien"), "'O''Brien'");
	t.is(odataString("''"), "''''''");
});

test('flow provider paths carry the documented type casts', (t) => {
	t.is(
		flowProvidersPath('f1'),
		'/identity/authenticationEventsFlows/f1/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders',
	);
});
