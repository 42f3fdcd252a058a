// Each kind of plan step carried out by the one operation that owns its rule; what apply adds is only the ids
// and the state it already knows (the snapshot, updated as it goes).

import { slotEvents } from '../flow-files/model.js';
import { defaultInputFor } from '../graph/default-input.js';
import type { GraphClient } from '../graph/graph-client.js';
import { sameId } from '../graph/ids.js';
import type { AttributeDataType } from '../graph/tenant-attributes.js';
import { layoutFromFlow, layoutInputFrom, toPageInputs } from '../layout/index.js';
import type { ApplyState } from './apply-state.js';
import { linkApp, unlinkApp } from './apps.js';
import { addAttribute, removeAttribute } from './attributes.js';
import { deleteFlow } from './delete-flow.js';
import type { ExtensionRefusal } from './extension-refusals.js';
import { attachFlowExtension, detachFlowExtension } from './extensions.js';
import { createFlow, type FlowChanges, updateFlow } from './flows.js';
import { saveLayout } from './layout.js';
import type { Outcome } from './outcome.js';
import type { PlanStep } from './plan-types.js';
import { addProvider, removeProvider } from './providers.js';
import type { Refusal } from './refusals.js';
import { createCustomAttribute, describeCustomAttribute } from './tenant-attributes.js';

type StepOutcome = Outcome<unknown, Refusal | ExtensionRefusal>;

function flowChanges(step: Extract<PlanStep, { kind: 'updateFlow' }>): FlowChanges {
	const changes: Record<string, unknown> = {};
	const extra: Record<string, unknown> = {};
	for (const change of step.changes) {
		if (change.field === 'name') changes.displayName = change.after;
		else if (change.field === 'description') changes.description = change.after ?? '';
		else if (change.field === 'signUp') changes.isSignUpAllowed = change.after;
		else if (change.field === 'userType') changes.userTypeToCreate = change.after;
		else if (change.field === 'priority') extra.priority = change.after;
		else extra[change.field.slice('verbatim.'.length)] = change.after;
	}
	return { ...changes, ...(Object.keys(extra).length > 0 ? { extra } : {}) } as FlowChanges;
}

/** Carries out one step; the state follows what it did. Throws what the operation throws (not sent, failed). */
export async function runStep(client: GraphClient, step: PlanStep, state: ApplyState): Promise<StepOutcome> {
	switch (step.kind) {
		case 'createAttribute': {
			const { attribute } = step;
			const outcome = await createCustomAttribute(client, {
				displayName: attribute.displayName,
				description: attribute.description,
				// The loader admits only the data types a custom attribute can be created with.
				dataType: attribute.dataType as AttributeDataType,
			});
			if (outcome.kind === 'done')
				state.attributes.push({
					...outcome.value,
					id: outcome.value.id ?? state.foretoldAttributeId(attribute.name),
					dataType: attribute.dataType,
					displayName: attribute.displayName,
				});
			// Created meanwhile (an answer lost earlier, another admin): the same name is the same attribute.
			if (outcome.kind === 'refused' && outcome.refusal.rule === 'attributeNameTaken')
				if (sameId(state.attributeId({ attribute: attribute.name, custom: true }), outcome.refusal.taken.id))
					return { kind: 'unchanged', why: 'meanwhile' };
			return outcome;
		}
		case 'describeAttribute': {
			const id = state.attributeId({ attribute: step.name, custom: true });
			const attribute = state.attributes.find((candidate) => sameId(candidate.id, id));
			return describeCustomAttribute(client, { ...attribute, id, description: step.before }, step.after);
		}
		case 'createFlow': {
			const { flow } = step;
			const layout = state.layoutFor(flow.inputs, flow.page);
			const outcome = await createFlow(
				client,
				{
					displayName: flow.name,
					...(flow.description ? { description: flow.description } : {}),
					isSignUpAllowed: flow.signUp,
					identityProviderIds: flow.identityProviders,
					attributes: toPageInputs(layout).map((input) => ({ id: input.attribute, input })),
					appIds: step.apps.map((app) => app.appId),
					...(flow.userType ? { userTypeToCreate: flow.userType } : {}),
					extra: flow.verbatim,
				},
				{ providers: state.providers, attributes: state.attributes },
			);
			if (outcome.kind === 'done') {
				const created = outcome.value.flow;
				const id = created.id ?? state.placeholderFlowId();
				const tracked = state.track({ ...created, displayName: flow.name, id });
				tracked.apps = step.apps.map((app) => app.appId);
				for (const app of step.apps)
					state.owners.set(app.appId.toLowerCase(), { id, displayName: flow.name });
			}
			return outcome;
		}
		default:
			return runFlowStep(client, step, state);
	}
}

/** The steps on a flow that exists (or was created earlier in this apply). */
async function runFlowStep(client: GraphClient, step: PlanStep, state: ApplyState): Promise<StepOutcome> {
	if (!('flow' in step) || typeof step.flow !== 'string') throw new Error(`no flow step: ${step.kind}`);
	const flow = state.flow(step.flow);
	if (!flow) throw new Error(`"${step.flow}" is not a flow of the tenant`);
	const flowId = flow.flow.id;
	switch (step.kind) {
		case 'updateFlow':
			return updateFlow(client, flow.flow, flowChanges(step));
		case 'addProvider': {
			const outcome = await addProvider(client, {
				flowId,
				providerId: step.providerId,
				offered: flow.providers,
			});
			if (outcome.kind !== 'refused') flow.providers.push({ id: step.providerId });
			return outcome;
		}
		case 'removeProvider': {
			const outcome = await removeProvider(client, {
				flowId,
				providerId: step.providerId,
				offered: flow.providers,
			});
			if (outcome.kind !== 'refused')
				flow.providers = flow.providers.filter((p) => !sameId(p.id, step.providerId));
			return outcome;
		}
		case 'addAttribute': {
			const attributeId = state.attributeId(step);
			const outcome = await addAttribute(client, {
				flowId,
				attributeId,
				collected: flow.collected,
				tenantAttributes: state.attributes,
			});
			if (outcome.kind === 'done' || outcome.kind === 'unchanged') {
				const attribute = state.attributes.find((candidate) => sameId(candidate.id, attributeId)) ?? {
					id: attributeId,
				};
				flow.collected.push(attribute);
				// Sent: the page is read again before it is saved. Not sent (dry run): the service's default input, foretold.
				flow.layout =
					client.dryRun && flow.layout
						? {
								...flow.layout,
								inputs: [
									...flow.layout.inputs,
									layoutInputFrom(defaultInputFor(attribute), attribute.dataType ?? 'string'),
								],
							}
						: undefined;
			}
			return outcome;
		}
		case 'removeAttribute': {
			const attributeId = state.attributeId(step);
			const outcome = await removeAttribute(client, { flowId, attributeId, collected: flow.collected });
			if (outcome.kind === 'done' || outcome.kind === 'unchanged') {
				flow.collected = flow.collected.filter((attribute) => !sameId(attribute.id, attributeId));
				flow.layout =
					client.dryRun && flow.layout
						? {
								...flow.layout,
								inputs: flow.layout.inputs.filter((input) => !sameId(input.attribute, attributeId)),
							}
						: undefined;
			}
			return outcome;
		}
		case 'saveLayout': {
			const outcome = await saveLayout(client, {
				flowId,
				layout: state.layoutFor(step.inputs, step.page),
				...(flow.layout ? { current: flow.layout } : {}),
			});
			if (outcome.kind === 'done' && outcome.value.flow) flow.layout = layoutFromFlow(outcome.value.flow);
			return outcome;
		}
		case 'linkApp': {
			const key = step.app.appId.toLowerCase();
			const owner = state.owners.get(key);
			const outcome = await linkApp(client, {
				flowId,
				appId: step.app.appId,
				move: step.from !== undefined,
				app: step.app,
				...(owner === undefined ? {} : { owner }),
			});
			if (outcome.kind === 'done' || outcome.kind === 'unchanged') {
				state.owners.set(key, { id: flowId, displayName: step.flow });
				flow.apps.push(step.app.appId);
			}
			return outcome;
		}
		case 'unlinkApp': {
			const outcome = await unlinkApp(client, { flowId, appId: step.app.appId, linked: flow.apps });
			if (outcome.kind !== 'partial') {
				state.owners.set(step.app.appId.toLowerCase(), null);
				flow.apps = flow.apps.filter((appId) => !sameId(appId, step.app.appId));
			}
			return outcome;
		}
		case 'attachExtension': {
			const event = slotEvents[step.slot];
			const extension = state.extensions.find((candidate) => sameId(candidate.id, step.extension.id));
			if (!extension) throw new Error(`the extension "${step.extension.displayName}" is not in the tenant`);
			const ref = { id: flowId, displayName: step.flow };
			const outcome = await attachFlowExtension(client, ref, event, extension, {
				current: flow.extensions[event] ?? null,
			});
			if (outcome.kind === 'done' || outcome.kind === 'unchanged')
				flow.extensions = { ...flow.extensions, [event]: extension };
			return outcome;
		}
		case 'detachExtension': {
			const event = slotEvents[step.slot];
			const ref = { id: flowId, displayName: step.flow };
			const outcome = await detachFlowExtension(client, ref, event, {
				current: flow.extensions[event] ?? null,
			});
			if (outcome.kind === 'done' || outcome.kind === 'unchanged') {
				const { [event]: _gone, ...rest } = flow.extensions;
				flow.extensions = rest;
			}
			return outcome;
		}
		case 'deleteFlow':
			return deleteFlow(client, { flowId, confirmedApps: step.apps.map((app) => app.appId) });
		default:
			throw new Error(`unexpected step ${step.kind}`);
	}
}
