import test from 'ava';
import { getUserFlow } from '../../source/graph/flows.js';
import { layoutFingerprint, layoutFromFlow, moveToTop, setLabel } from '../../source/layout/index.js';
import { readStoredLayout, saveLayout } from '../../source/operations/layout.js';
import { seed } from '../helpers/emulator.js';
import { clientFor } from '../helpers/graph-client.js';

const { events } = seed.flows;

async function page(t: Parameters<typeof clientFor>[0], options?: Parameters<typeof clientFor>[1]) {
	const fixture = await clientFor(t, options);
	const layout = layoutFromFlow(await getUserFlow(fixture.client, events.id));
	return { ...fixture, layout, base: layoutFingerprint(layout) };
}

test('done: one PATCH with the whole page, read back', async (t) => {
	const { client, layout, base, writes } = await page(t);
	const edited = setLabel(layout, 'givenName', 'First name');
	const outcome = await saveLayout(client, { flowId: events.id, layout: edited, base });
	if (outcome.kind !== 'done') return t.fail(outcome.kind);
	t.is(writes().length, 1);
	t.is(
		layoutFromFlow(outcome.value.flow ?? {}).inputs.find((input) => input.attribute === 'givenName')?.label,
		'First name',
	);
	t.is(outcome.value.storedDifferently, undefined);
});

test('readBack false: the PATCH alone; readStoredLayout then tells what the service stored, and how it differs', async (t) => {
	const { client, layout, base, emulator } = await page(t);
	const edited = setLabel(layout, 'givenName', 'First name');
	const since = emulator.log.length;
	const save = { flowId: events.id, layout: edited, base, current: layout };
	const outcome = await saveLayout(client, save, { readBack: false });
	t.deepEqual(outcome, { kind: 'done', value: {}, steps: [] });
	t.deepEqual(
		emulator.log.slice(since).map((entry) => entry.method),
		['PATCH'],
		'no read after the write',
	);
	const same = await readStoredLayout(client, events.id, edited);
	t.truthy(same.flow);
	t.is(same.storedDifferently, undefined);
	// Had the service kept another label, the read-back (after its tries) says which.
	const other = await readStoredLayout(client, events.id, setLabel(edited, 'givenName', 'Given'), {
		delays: [],
	});
	t.deepEqual(other.storedDifferently?.changed, [
		{ attribute: 'givenName', field: 'label', before: 'Given', after: 'First name' },
	]);
});

test('unchanged: the page as stored already, nothing sent', async (t) => {
	const { client, layout, base, writes } = await page(t);
	t.deepEqual(await saveLayout(client, { flowId: events.id, layout, base }), {
		kind: 'unchanged',
		why: 'already',
	});
	t.deepEqual(writes(), []);
});

test('refused: inputs added or removed, a broken rule, or a page changed since the base', async (t) => {
	const { client, layout, base, emulator, writes } = await page(t);
	t.like(await saveLayout(client, { flowId: events.id, layout: { inputs: layout.inputs.slice(1) }, base }), {
		kind: 'refused',
		refusal: { rule: 'layoutInputsDiffer' },
	});
	t.like(await saveLayout(client, { flowId: events.id, layout: setLabel(layout, 'givenName', ''), base }), {
		kind: 'refused',
		refusal: { rule: 'layoutInvalid' },
	});
	const view = emulator.tenant.requireFlow(events.id).attributeCollection?.views[0];
	if (view?.inputs[2]) view.inputs[2].label = 'Changed by another admin';
	const mine = moveToTop(layout, 'city');
	const outcome = await saveLayout(client, { flowId: events.id, layout: mine, base });
	t.like(outcome, { kind: 'refused', refusal: { rule: 'layoutChangedSinceBase', base } });
	t.deepEqual(writes(), []);
	t.is((await saveLayout(client, { flowId: events.id, layout: mine, base, force: true })).kind, 'done');
});
