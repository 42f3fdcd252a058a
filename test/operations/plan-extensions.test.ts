import { randomUUID } from 'node:crypto';
import test from 'ava';
import type { FlowSpec } from '../../source/flow-files/model.js';
import { applyPlan } from '../../source/operations/apply.js';
import { planChanges } from '../../source/operations/plan.js';
import { tenantSide } from '../../source/operations/plan-side.js';
import { readTenant } from '../../source/operations/snapshot.js';
import { seed } from '../helpers/emulator.js';
import { clientFor } from '../helpers/graph-client.js';

const { customers, events } = seed.flows;
const prefill = 'Prefill sign-up details';
const check = 'Check sign-up details';
const startPath =
	'onAttributeCollectionStart/microsoft.graph.onAttributeCollectionStartCustomExtensionHandler';
const submitPath =
	'onAttributeCollectionSubmit/microsoft.graph.onAttributeCollectionSubmitCustomExtensionHandler';

/** The tenant read once, and its flows as files say them with `edit` applied to the one named. */
async function planned(
	client: Parameters<typeof readTenant>[0],
	name: string,
	edit: (flow: FlowSpec) => FlowSpec,
) {
	const snapshot = await readTenant(client);
	const side = tenantSide(snapshot);
	const flows = side.set.flows.map((flow) => (flow.name === name ? edit(flow) : flow));
	return { snapshot, plan: planChanges(side, { customAttributes: [], flows }) };
}

/** Another extension of the tenant, as `extensions create` would make it. */
function addExtension(
	emulator: Awaited<ReturnType<typeof clientFor>>['emulator'],
	displayName: string,
	kind = 'onAttributeCollectionStartCustomExtension',
) {
	const id = randomUUID();
	emulator.tenant.extensions.push({
		id,
		kind,
		displayName,
		description: null,
		targetUrl: 'https://loyalty.contoso.com/api/start',
		resourceId: `api://loyalty.contoso.com/${seed.apps.loyaltyApi}`,
		clientConfiguration: null,
		behaviorOnError: null,
		claimsForTokenConfiguration: null,
	});
	return id;
}

test('a file without the extensions field (one written before files carried them) detaches nothing', async (t) => {
	const { client } = await clientFor(t);
	const { plan } = await planned(client, customers.name, ({ extensions: _left, ...flow }) => flow);
	t.deepEqual(plan.steps, []);
	const none = await planned(client, customers.name, (flow) => ({ ...flow, extensions: {} }));
	t.deepEqual(
		none.plan.steps.map((step) => step.kind),
		['detachExtension', 'detachExtension'],
		'extensions: {} says none, so both are detached',
	);
});

test('the tenant as exported plans nothing: the flows run the extensions the files name', async (t) => {
	const { client } = await clientFor(t);
	const { plan, snapshot } = await planned(client, customers.name, (flow) => flow);
	t.deepEqual(plan.steps, []);
	t.deepEqual(snapshot.flowExtensions.get(customers.id)?.start?.displayName, prefill);
	const exported = tenantSide(snapshot).set.flows.find((flow) => flow.name === customers.name);
	t.deepEqual(exported?.extensions, { attributeCollectionStart: prefill, attributeCollectionSubmit: check });
	t.is(exported?.verbatim.onAttributeCollectionStart, null, 'the plain handler is not kept verbatim');
});

test('attach, change and detach are steps, resolved by name; apply carries them out and plans nothing after', async (t) => {
	const { client, emulator, writes } = await clientFor(t, {
		emulator: { quirks: 'extension-clear=delete-ref' },
	});
	const loyalty = addExtension(emulator, 'Prefill loyalty');
	const first = await planned(client, customers.name, (flow) => ({
		...flow,
		extensions: { attributeCollectionStart: 'prefill LOYALTY' },
	}));
	t.deepEqual(first.plan.problems, []);
	t.deepEqual(first.plan.steps, [
		{
			kind: 'attachExtension',
			flow: customers.name,
			slot: 'attributeCollectionStart',
			extension: { displayName: 'Prefill loyalty', id: loyalty },
			replaces: prefill,
		},
		{ kind: 'detachExtension', flow: customers.name, slot: 'attributeCollectionSubmit', extension: check },
	]);
	const report = await applyPlan(client, first.plan, first.snapshot);
	t.deepEqual(
		report.results.map((result) => result.status),
		['done', 'done'],
	);
	t.deepEqual(writes(), [
		`PUT /identity/authenticationEventsFlows/${customers.id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/${startPath}/customExtension/$ref`,
		`DELETE /identity/authenticationEventsFlows/${customers.id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/${submitPath}/customExtension/$ref`,
	]);
	const flow = emulator.tenant.requireFlow(customers.id);
	t.is(flow.onAttributeCollectionStart?.customExtensionId, loyalty);
	t.falsy(flow.onAttributeCollectionSubmit?.customExtensionId);
	const again = await planned(client, customers.name, (spec) => ({
		...spec,
		extensions: { attributeCollectionStart: 'Prefill loyalty' },
	}));
	t.deepEqual(again.plan.steps, []);
	// A flow that runs none gets one attached; the handler the service makes for it is no difference after.
	const attach = await planned(client, events.name, (spec) => ({
		...spec,
		extensions: { attributeCollectionSubmit: check },
	}));
	t.deepEqual(
		attach.plan.steps.map((step) => step.kind),
		['attachExtension'],
	);
	await applyPlan(client, attach.plan, attach.snapshot);
	const settled = await planned(client, events.name, (spec) => spec);
	t.deepEqual(settled.plan.steps, []);
	t.deepEqual(tenantSide(settled.snapshot).set.flows.find((spec) => spec.name === events.name)?.extensions, {
		attributeCollectionSubmit: check,
	});
});

test('a detach the service refuses stops the apply with the ways tried, and nothing after it runs', async (t) => {
	const { client, emulator } = await clientFor(t);
	const { plan, snapshot } = await planned(client, customers.name, (flow) => ({ ...flow, extensions: {} }));
	t.deepEqual(
		plan.steps.map((step) => step.kind),
		['detachExtension', 'detachExtension'],
	);
	const report = await applyPlan(client, plan, snapshot);
	t.is(report.stopped, 'failed');
	t.like(report.results[0], {
		status: 'refused',
		refusal: {
			rule: 'detachUnsupported',
			event: 'start',
			tried: [
				{ how: 'delete-ref', answer: 405 },
				{ how: 'patch-null', answer: 400 },
			],
		},
	});
	t.is(report.results[1]?.status, 'notDone');
	t.truthy(emulator.tenant.requireFlow(customers.id).onAttributeCollectionStart?.customExtensionId);
});

test('a name the tenant lacks, one of the other event and one two extensions share are problems; apply refuses before any write', async (t) => {
	const { client, emulator, writes } = await clientFor(t);
	const twin = addExtension(emulator, prefill);
	const { plan, snapshot } = await planned(client, events.name, (flow) => ({
		...flow,
		extensions: { attributeCollectionStart: prefill, attributeCollectionSubmit: 'Check invite code' },
	}));
	const wrongKind = await planned(client, events.name, (flow) => ({
		...flow,
		extensions: { attributeCollectionStart: check },
	}));
	// The customers flow names the shared name too: it is refused as well.
	t.deepEqual(
		plan.problems.map((problem) => `${problem.flow}: ${problem.field}`),
		[
			`${customers.name}: extensions.attributeCollectionStart`,
			`${events.name}: extensions.attributeCollectionStart`,
			`${events.name}: extensions.attributeCollectionSubmit`,
		],
	);
	const [, ambiguous, unknown] = plan.problems.map((problem) => problem.message);
	t.regex(
		ambiguous ?? '',
		/2 custom authentication extensions of the tenant are named "Prefill sign-up details"/,
	);
	t.true(ambiguous?.includes(twin) && ambiguous.includes(seed.extensions.prefill), ambiguous);
	t.regex(
		unknown ?? '',
		/the tenant has no attribute collection submit extension named "Check invite code"; create it there first \(`entra-flows extensions create --event submit --name "Check invite code"/,
	);
	t.regex(
		wrongKind.plan.problems.find((problem) => problem.flow === events.name)?.message ?? '',
		/"Check sign-up details" is an attribute collection submit extension .*; attributeCollectionStart takes an attribute collection start extension/,
	);
	await t.throwsAsync(() => applyPlan(client, plan, snapshot), { message: /nothing was sent/ });
	t.deepEqual(writes(), []);
});
