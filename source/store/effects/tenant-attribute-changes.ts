// The tenant attributes screen's changes to a custom attribute: its description (all that can change) and
// delete, refused at once while a flow collects it (the flows are on screen already), else asked y/n.

import { deleteCustomAttribute, describeCustomAttribute } from '../../operations/tenant-attributes.js';
import type { TenantItem } from '../../operations/tenant-overview.js';
import { display } from '../../text/sanitize.js';
import { selectResource } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { loadTenantAttributes } from './attributes.js';
import { failureText, operate } from './common.js';
import { refusalText } from './refusal-text.js';
import { loadTenantOverview } from './tenant.js';

const permission = 'IdentityUserFlow.ReadWrite.All';

function attributeOf(state: AppState, attributeId: string): TenantItem | undefined {
	return selectResource(state, 'tenantOverview').data?.attributes.find((item) => item.id === attributeId);
}

const named = (item: TenantItem) => `“${display(item.displayName)}”`;

// The overview carries who collects what, and the pickers read the tenant's attributes: both change.
function reread(context: EffectContext) {
	const pickerRead = selectResource(context.getState(), 'tenantAttributes').data !== undefined;
	return Promise.all([
		context.run(loadTenantOverview({ force: true })),
		...(pickerRead ? [context.run(loadTenantAttributes({ force: true }))] : []),
	]);
}

/** Opens the description dialog of a custom attribute, filled with its description. */
export function openAttributeDescription(attributeId: string): Effect {
	return async (context) => {
		const item = attributeOf(context.getState(), attributeId);
		if (!item) return;
		context.dispatch({
			type: 'overlay/opened',
			overlay: {
				kind: 'attributeDescription',
				attributeId,
				displayName: item.displayName,
				// The field prints what it holds: Graph's text arrives sanitized.
				text: display(item.description ?? ''),
				saving: false,
			},
		});
	};
}

/** Saves the dialog's description; a failed save keeps it open as typed, with the reason. */
export function saveAttributeDescription(): Effect {
	const self: Effect = async (context) => {
		const dialog = context.getState().overlay;
		if (dialog?.kind !== 'attributeDescription' || dialog.saving) return;
		const item = attributeOf(context.getState(), dialog.attributeId);
		if (!item) return;
		context.dispatch({ type: 'tenantForm/saveStarted' });
		const outcome = await operate(
			context,
			self,
			{
				id: `attribute:describe:${item.id}`,
				verb: `Saving the description of ${named(item)}`,
				failure: `Could not save the description of ${named(item)}`,
				target: `tenant-attribute:${item.id}`,
				permission,
			},
			() =>
				describeCustomAttribute(
					context.deps.graph,
					{ id: item.id, displayName: item.displayName, description: item.description ?? '' },
					dialog.text.trim(),
				),
			{
				done: () => `Saved the description of ${named(item)}`,
				unchanged: () => `${named(item)} has that description already`,
			},
			() => reread(context),
		);
		if (context.getState().overlay?.kind !== 'attributeDescription') return;
		if (outcome?.kind === 'done' || outcome?.kind === 'unchanged')
			context.dispatch({ type: 'overlay/closed' });
		else context.dispatch({ type: 'tenantForm/rejected', errors: { form: failureText(context) } });
	};
	return self;
}

/** Asks y/n before deleting a custom attribute; refused at once, naming the flows, while a flow collects it. */
export function askDeleteAttribute(attributeId: string): Effect {
	return async (context) => {
		const item = attributeOf(context.getState(), attributeId);
		if (!item) return;
		if (item.flows.length > 0) {
			const refusal = {
				rule: 'attributeInUse',
				attributeId,
				flows: item.flows.map((displayName) => ({ id: '', displayName })),
			} as const;
			return context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: `Could not delete ${named(item)}: ${refusalText(refusal, { flow: '' })}; remove it from them first`,
			});
		}
		context.dispatch({
			type: 'overlay/opened',
			overlay: {
				kind: 'confirm',
				message: `Delete the custom attribute ${named(item)} (${display(item.id)})? No flow collects it; what users entered for it is no longer shown.`,
				intent: { type: 'deleteTenantAttribute', attributeId },
			},
		});
	};
}

/** Deletes a custom attribute (the operation checks again that no flow collects it). */
export function deleteTenantAttribute(attributeId: string): Effect {
	const self: Effect = async (context) => {
		const item = attributeOf(context.getState(), attributeId);
		if (!item) return;
		await operate(
			context,
			self,
			{
				id: `attribute:delete:${attributeId}`,
				verb: `Deleting ${named(item)}`,
				failure: `Could not delete ${named(item)}`,
				target: `tenant-attribute:${attributeId}`,
				permission,
			},
			() => deleteCustomAttribute(context.deps.graph, attributeId),
			{
				done: () => `Deleted the custom attribute ${named(item)}`,
				unchanged: () => `${named(item)} was deleted meanwhile; nothing to do`,
				refused: (refusal) => refusalText(refusal, { flow: '' }),
			},
			() => reread(context),
		);
	};
	return self;
}
