import test from 'ava';
import {
	inputSetChange,
	type Layout,
	moveToTop,
	rebaseLayout,
	sameInputSet,
	setLabel,
	toggleRequired,
} from '../../source/layout/index.js';
import { ids, inputOf, layout } from './fixture.js';

const city = inputOf(layout, 'city');
// The page after `attributes remove … displayName` and `attributes add … country`.
const page: Layout = {
	...layout,
	inputs: [
		...layout.inputs.filter((input) => input.attribute !== 'displayName'),
		{ ...city, attribute: 'country', label: 'Country' },
	],
};

test('the input-set change names what the page dropped and gained, whatever the order', (t) => {
	t.deepEqual(inputSetChange(layout, page), { dropped: ['displayName'], added: ['country'] });
	t.true(sameInputSet(layout, moveToTop(layout, 'city')));
	t.true(
		sameInputSet(layout, {
			...layout,
			inputs: layout.inputs.map((input) => ({ ...input, attribute: input.attribute.toUpperCase() })),
		}),
		'attribute ids compare as the service compares them',
	);
});

test('rebasing drops inputs the page lost, appends what it gained as the page has it, and keeps every other edit', (t) => {
	const draft = setLabel(toggleRequired(moveToTop(layout, 'city'), 'extension_x_Age'), 'email', 'Your email');
	const rebased = rebaseLayout(draft, page);
	t.deepEqual(ids(rebased), [
		'city',
		'email',
		'extension_x_Color',
		'extension_x_Terms',
		'extension_x_Age',
		'country',
	]);
	t.is(inputOf(rebased, 'email').label, 'Your email');
	t.true(inputOf(rebased, 'extension_x_Age').required);
	t.is(inputOf(rebased, 'country').label, 'Country');
	t.true(sameInputSet(rebased, page));
	t.is(rebaseLayout(draft, moveToTop(draft, 'email')), draft, 'the same set changes nothing');
});
