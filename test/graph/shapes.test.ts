import test from 'ava';
import {
	applicationRegistrationShape,
	organizationShape,
	shapeProblem,
	userFlowShape,
} from '../../source/graph/shapes.js';

const problem = (value: unknown) => shapeProblem(value, userFlowShape, 'flow');

test('a flow as the service documents it fits; absent fields and unknown ones are fine', (t) => {
	t.is(problem({}), undefined);
	t.is(
		problem({
			id: 'f',
			displayName: 'x',
			description: null,
			extra: { anything: [1] },
			conditions: { applications: { includeApplications: [{ appId: 'a' }] } },
			onAuthenticationMethodLoadStart: { identityProviders: [{ id: 'Google-OAUTH' }] },
			onAttributeCollection: {
				attributes: [{ id: 'city' }],
				attributeCollectionPage: { views: [{ inputs: [{ attribute: 'city', options: null }] }] },
			},
		}),
		undefined,
	);
});

test('the first wrong field is named with its path and what it was', (t) => {
	t.is(problem(null), 'flow is null, not an object');
	t.is(problem({ displayName: 7 }), 'flow.displayName is a number, not a string');
	t.is(
		problem({ onAuthenticationMethodLoadStart: { identityProviders: 'Google-OAUTH' } }),
		'flow.onAuthenticationMethodLoadStart.identityProviders is a string, not a list',
	);
	t.is(
		problem({ onAuthenticationMethodLoadStart: { identityProviders: [{ id: 'a' }, null] } }),
		'flow.onAuthenticationMethodLoadStart.identityProviders[1] is null, not an object',
	);
	t.is(
		problem({
			onAttributeCollection: { attributeCollectionPage: { views: [{ inputs: [{ hidden: 'yes' }] }] } },
		}),
		'flow.onAttributeCollection.attributeCollectionPage.views[0].inputs[0].hidden is a string, not true or false',
	);
	t.is(problem({ conditions: [] }), 'flow.conditions is a list, not an object');
});

test('an app registration and the organization are checked the same way', (t) => {
	t.is(
		shapeProblem({ web: { redirectUris: ['https://a'] }, spa: null }, applicationRegistrationShape, 'app'),
		undefined,
	);
	t.is(
		shapeProblem({ web: { redirectUris: 'https://a' } }, applicationRegistrationShape, 'app'),
		'app.web.redirectUris is a string, not a list',
	);
	t.is(
		shapeProblem({ verifiedDomains: [{ name: 7 }] }, organizationShape, 'value[0]'),
		'value[0].verifiedDomains[0].name is a number, not a string',
	);
});
