// Creating a custom attribute from the keyboard app, and, from a flow's attribute picker, collecting it there
// in the same go. The rules (a name the tenant has is refused) live in the operation.
import type { AttributeDataType } from '../../graph/tenant-attributes.js';
import { createCustomAttribute } from '../../operations/tenant-attributes.js';
import { display } from '../../text/sanitize.js';
import type { Effect } from '../store.js';
import { addAttribute, loadTenantAttributes } from './attributes.js';
import { failureText, operate } from './common.js';
import { refusalText } from './refusal-text.js';
import { loadTenantOverview } from './tenant.js';

/** The name rule the service applies (the id drops the spaces); undefined when the name can be sent. */
export function attributeNameProblem(name: string): string | undefined {
	if (name.trim() === '') return 'Give the attribute a name.';
	if (!/^[A-Za-z][A-Za-z0-9_ ]*$/.test(name.trim()))
		return 'Use letters, digits, spaces and _, starting with a letter.';
	return undefined;
}

/** Opens the new-attribute dialog; with a flow, the attribute is collected there once created. */
export function openNewAttribute(flowId?: string): Effect {
	return async (context) => {
		context.dispatch({
			type: 'overlay/opened',
			overlay: {
				kind: 'newAttribute',
				...(flowId ? { flowId } : {}),
				name: '',
				dataType: 'string',
				description: '',
				focus: 'name',
			},
		});
	};
}

/** Creates the attribute the dialog describes; then, from a flow's picker, collects it on that flow. */
export function createAttributeFromDialog(): Effect {
	const self: Effect = async (context) => {
		const overlay = context.getState().overlay;
		if (overlay?.kind !== 'newAttribute') return;
		const problem = attributeNameProblem(overlay.name);
		if (problem)
			return context.dispatch({
				type: 'overlay/newAttributeChanged',
				patch: { error: problem, focus: 'name' },
			});
		context.dispatch({ type: 'overlay/closed' });
		const name = overlay.name.trim();
		const outcome = await operate(
			context,
			self,
			{
				id: `attribute:create:${name}`,
				verb: `Creating the attribute ${display(name)}`,
				failure: `Could not create the attribute ${display(name)}`,
				permission: 'IdentityUserFlow.ReadWrite.All',
			},
			() =>
				createCustomAttribute(context.deps.graph, {
					displayName: name,
					dataType: overlay.dataType as AttributeDataType,
					...(overlay.description.trim() ? { description: overlay.description.trim() } : {}),
				}),
			{
				done: (attribute) =>
					overlay.flowId
						? undefined
						: `Created the attribute ${display(name)} (${display(attribute.id ?? '')})`,
				unchanged: () => `The attribute ${display(name)} exists already`,
				refused: (refusal) => refusalText(refusal, { flow: '' }),
			},
			() =>
				Promise.all([
					context.run(loadTenantAttributes({ force: true })),
					context.run(loadTenantOverview({ force: true })),
				]),
		);
		if (outcome?.kind === 'done' && overlay.flowId && outcome.value.id) {
			await context.run(addAttribute(overlay.flowId, outcome.value.id));
		}
		// A failed create opens the dialog again as it was typed, with the reason in it.
		if ((outcome === undefined || outcome.kind === 'refused') && context.getState().overlay === undefined) {
			context.dispatch({ type: 'overlay/opened', overlay: { ...overlay, error: failureText(context) } });
		}
	};
	return self;
}
