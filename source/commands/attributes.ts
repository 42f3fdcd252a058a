import { listFlowAttributes, pageInputs } from '../graph/flow-attributes.js';
import { addAttribute, removeAttribute } from '../operations/attributes.js';
import { formatTable } from '../text/table.js';
import { type Command, CommandFailure, dryRunFlag, printJson } from './command.js';
import { printAfterWrite } from './read-after-write.js';
import { refusalFailure, settle } from './refusal-words.js';
import { resolveAttributeId, resolveFlow, resolveFlowOf } from './resolve.js';

const list: Command = {
	path: ['attributes', 'list'],
	usage: 'attributes list <flow>',
	summary: "List a user flow's sign-up attributes, with label, required and input type in page order.",
	arity: [1, 1],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		const attributes = await listFlowAttributes(client, flow.id);
		if (context.json) return printJson(context, attributes);
		if (attributes.length === 0) return context.stdout(`"${flow.displayName}" collects no attributes.\n`);
		const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
		const inputs = pageInputs(flow);
		const ordered = [...inputs.map((input) => input.attribute), ...attributes.map((a) => a.id ?? '')].filter(
			(id, index, all) => all.indexOf(id) === index && byId.has(id),
		);
		context.stdout(
			`${formatTable(
				ordered,
				[
					{ header: 'ID', value: (id) => id },
					{
						header: 'LABEL',
						value: (id) => inputs.find((input) => input.attribute === id)?.label ?? byId.get(id)?.displayName,
					},
					{ header: 'INPUT', value: (id) => inputs.find((input) => input.attribute === id)?.inputType ?? '' },
					{
						header: 'REQUIRED',
						value: (id) => (inputs.find((input) => input.attribute === id)?.required ? 'yes' : 'no'),
					},
					{ header: 'DATA', value: (id) => byId.get(id)?.dataType },
				],
				context.columns,
			)}\n`,
		);
	},
};

const add: Command = {
	path: ['attributes', 'add'],
	usage: 'attributes add <flow> <attribute> [--dry-run]',
	summary:
		"Collect one of the tenant's user-flow attributes (by id, display name or short name) on a flow's sign-up page (appended last).",
	arity: [2, 2],
	flags: [dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlowOf(client, context.args, 'attributes add <flow> <attribute>');
		const attributeId = await resolveAttributeId(client, flow, context.args[1] ?? '');
		const outcome = settle(
			await addAttribute(client, {
				flowId: flow.id,
				attributeId,
				collected: flow.onAttributeCollection?.attributes ?? [],
			}),
			{ flow: flow.displayName },
			context,
		);
		if (context.dryRun) return;
		if (context.json)
			return printAfterWrite(
				context,
				() => listFlowAttributes(client, flow.id),
				`attributes list ${flow.id}`,
			);
		context.stdout(
			outcome.kind === 'unchanged'
				? `"${flow.displayName}" already collects ${attributeId}; nothing to do.\n`
				: `Added ${attributeId} to "${flow.displayName}".\n`,
		);
	},
};

const remove: Command = {
	path: ['attributes', 'remove'],
	usage: 'attributes remove <flow> <attribute> [--dry-run]',
	summary: 'Stop collecting an attribute on a user flow (its page input goes too).',
	arity: [2, 2],
	flags: [dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const flow = await resolveFlowOf(client, context.args, 'attributes remove <flow> <attribute>');
		// By id, ignoring case as the service does, display name or a custom attribute's short name (…_Favoritecolor).
		const attributeId = await resolveAttributeId(client, flow, context.args[1] ?? '');
		const outcome = await removeAttribute(client, {
			flowId: flow.id,
			attributeId,
			collected: flow.onAttributeCollection?.attributes ?? [],
		});
		if (outcome.kind === 'refused') throw refusalFailure(outcome.refusal, { flow: flow.displayName });
		if (outcome.kind === 'partial') {
			throw new CommandFailure(
				`${attributeId} was removed from "${flow.displayName}", but its page input could not be taken off the page.`,
				'Run `entra-flows attributes remove` again later, or edit the layout.',
			);
		}
		if (context.dryRun) return;
		if (context.json)
			return printAfterWrite(
				context,
				() => listFlowAttributes(client, flow.id),
				`attributes list ${flow.id}`,
			);
		if (outcome.kind === 'unchanged') {
			const meanwhile = outcome.why === 'meanwhile' ? ' (removed meanwhile)' : '';
			return context.stdout(
				`"${flow.displayName}" does not collect ${attributeId}; nothing to do${meanwhile}.\n`,
			);
		}
		const note = outcome.value.inputRemovedByPatch
			? ' (its page input was removed with a second request)'
			: '';
		context.stdout(`Removed ${attributeId} from "${flow.displayName}"${note}.\n`);
	},
};

export const attributeCommands: readonly Command[] = [list, add, remove];
