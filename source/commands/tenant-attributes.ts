import { attributeShortName, sameId } from '../graph/ids.js';
import {
	type AttributeDataType,
	attributeDataTypes,
	listTenantAttributes,
} from '../graph/tenant-attributes.js';
import type { UserFlowAttribute } from '../graph/types.js';
import {
	attributeInUse,
	createCustomAttribute,
	deleteCustomAttribute,
	describeCustomAttribute,
} from '../operations/tenant-attributes.js';
import { formatTable } from '../text/table.js';
import {
	type Command,
	type CommandContext,
	CommandFailure,
	dryRunFlag,
	printJson,
	stringFlag,
	UsageError,
} from './command.js';
import { confirmDeletion, yesFlag } from './confirm-deletion.js';
import { noteLostAnswer, refusalFailure, settle } from './refusal-words.js';

// The tenant's user-flow attributes: list, create, and for custom ones, describe again or delete.

function printAttributes(context: CommandContext, attributes: readonly UserFlowAttribute[]): void {
	if (context.json) {
		printJson(context, attributes);
		return;
	}
	if (attributes.length === 0) {
		context.stdout('No attributes.\n');
		return;
	}
	context.stdout(
		`${formatTable(
			attributes,
			[
				{ header: 'ID', value: (attribute) => attribute.id },
				{ header: 'NAME', value: (attribute) => attribute.displayName },
				{ header: 'TYPE', value: (attribute) => attribute.userFlowAttributeType },
				{ header: 'DATA', value: (attribute) => attribute.dataType },
			],
			context.columns,
		)}\n`,
	);
}

const tenantList: Command = {
	path: ['tenant', 'attributes'],
	usage: 'tenant attributes',
	summary: "List the tenant's user-flow attributes, built-in and custom.",
	arity: [0, 0],
	async run(context) {
		printAttributes(context, await listTenantAttributes(await context.graph()));
	},
};

const tenantCreate: Command = {
	path: ['tenant', 'attributes', 'create'],
	usage: 'tenant attributes create --name NAME --type string|boolean|int64 [--description TEXT] [--dry-run]',
	summary: 'Create a custom user-flow attribute (its data type cannot be changed later).',
	arity: [0, 0],
	flags: [
		{ name: 'name', type: 'string', value: 'NAME', description: 'display name (letters, digits, spaces, _)' },
		{
			name: 'type',
			type: 'string',
			value: 'TYPE',
			description: 'string, boolean or int64',
			choices: ['string', 'boolean', 'int64'],
		},
		{ name: 'description', type: 'string', value: 'TEXT', description: 'shown to users at sign-up' },
		dryRunFlag,
	],
	async run(context) {
		const name = stringFlag(context.flags, 'name')?.trim();
		const type = stringFlag(context.flags, 'type');
		if (!name) throw new UsageError('tenant attributes create needs --name NAME.');
		// The id drops the spaces: "Shoe size" becomes extension_<appId>_Shoesize.
		if (!/^[A-Za-z][A-Za-z0-9_ ]*$/.test(name)) {
			throw new UsageError(
				`"${name}" cannot be an attribute name: use letters, digits, spaces and _, starting with a letter.`,
			);
		}
		if (!type || !(attributeDataTypes as readonly string[]).includes(type)) {
			throw new UsageError(
				`--type must be one of ${attributeDataTypes.join(', ')}${type ? `, not "${type}"` : ''}.`,
			);
		}
		const client = await context.graph();
		const outcome = await createCustomAttribute(client, {
			displayName: name,
			description: stringFlag(context.flags, 'description'),
			dataType: type as AttributeDataType,
		});
		noteLostAnswer(context, outcome);
		if (outcome.kind === 'refused') throw refusalFailure(outcome.refusal, {}, outcome.error);
		if (outcome.kind !== 'done') throw new Error(`A create cannot end ${outcome.kind}.`);
		if (context.dryRun) return;
		if (context.json) return printJson(context, outcome.value);
		context.stdout(`Created attribute ${outcome.value.id ?? name} (${type}).\n`);
	},
};

type Client = Awaited<ReturnType<CommandContext['graph']>>;

/** A custom attribute by id, display name or short name (ignoring case, as the service compares). */
async function resolveCustomAttribute(
	client: Client,
	wanted: string,
): Promise<UserFlowAttribute & { id: string }> {
	const attributes = await listTenantAttributes(client);
	const custom = attributes.filter((attribute) => attribute.userFlowAttributeType === 'custom');
	const namedSo = (attribute: UserFlowAttribute) =>
		attribute.displayName?.toLowerCase() === wanted.toLowerCase() ||
		sameId(attributeShortName(attribute.id ?? ''), wanted);
	const found =
		attributes.find((attribute) => sameId(attribute.id, wanted)) ??
		attributes.find((attribute) => attribute.displayName?.toLowerCase() === wanted.toLowerCase()) ??
		custom.find(namedSo);
	const customList =
		custom.map((attribute) => `${attribute.displayName} (${attribute.id})`).join(', ') || 'none';
	if (!found?.id) {
		throw new CommandFailure(
			`The tenant has no user-flow attribute "${wanted}".`,
			`The tenant's custom attributes: ${customList}. See \`entra-flows tenant attributes\`.`,
		);
	}
	if (found.userFlowAttributeType !== 'custom') {
		// A custom attribute may carry a built-in's name ("email"): its full id tells them apart.
		const alike = custom.find(namedSo);
		throw new CommandFailure(
			`${found.id} is a built-in attribute; only custom attributes can be changed or deleted.`,
			alike
				? `The custom attribute named "${alike.displayName}" is ${alike.id}: give that id.`
				: `The tenant's custom attributes: ${customList}.`,
		);
	}
	return { ...found, id: found.id };
}

const tenantUpdate: Command = {
	path: ['tenant', 'attributes', 'update'],
	usage: 'tenant attributes update <attribute> --description TEXT [--dry-run]',
	summary: "Change a custom attribute's description (name and data type never change).",
	arity: [1, 1],
	flags: [
		{ name: 'description', type: 'string', value: 'TEXT', description: 'the new description' },
		dryRunFlag,
	],
	async run(context) {
		const description = stringFlag(context.flags, 'description');
		if (description === undefined) {
			throw new UsageError(
				'tenant attributes update needs --description TEXT: the description is all that can change. To rename, create a new attribute.',
			);
		}
		const client = await context.graph();
		const attribute = await resolveCustomAttribute(client, context.args[0] ?? '');
		const outcome = await describeCustomAttribute(client, attribute, description);
		noteLostAnswer(context, outcome);
		if (outcome.kind === 'refused' || outcome.kind === 'partial')
			throw new Error(`An update cannot end ${outcome.kind}.`);
		if (context.dryRun) return;
		if (outcome.kind === 'unchanged') {
			if (context.json) return printJson(context, attribute);
			return context.stdout(`${attribute.id} already has that description; nothing to do.\n`);
		}
		if (context.json) return printJson(context, outcome.value);
		context.stdout(`Updated the description of ${attribute.id}.\n`);
	},
};

const tenantDelete: Command = {
	path: ['tenant', 'attributes', 'delete'],
	usage: 'tenant attributes delete <attribute> [--yes] [--dry-run]',
	summary: 'Delete a custom attribute no flow collects; asks unless --yes.',
	arity: [1, 1],
	flags: [yesFlag, dryRunFlag],
	async run(context) {
		const client = await context.graph();
		const attribute = await resolveCustomAttribute(client, context.args[0] ?? '');
		// Refused before asking: a question whose answer cannot be carried out helps nobody.
		const inUse = await attributeInUse(client, attribute.id);
		if (inUse) throw refusalFailure(inUse);
		const name = attribute.displayName ?? attribute.id;
		await confirmDeletion(context, {
			label: attribute.id,
			name,
			id: attribute.id,
			question: `Delete custom attribute "${name}" (${attribute.id})?`,
		});
		const outcome = settle(await deleteCustomAttribute(client, attribute.id), {}, context);
		if (context.dryRun) return;
		if (context.json) return printJson(context, { deleted: attribute.id, displayName: name });
		if (outcome.kind === 'unchanged')
			return context.stdout(
				`Custom attribute "${name}" (${attribute.id}) was deleted meanwhile; nothing to do.\n`,
			);
		context.stdout(`Deleted custom attribute "${name}" (${attribute.id}).\n`);
	},
};

export const tenantAttributeCommands: readonly Command[] = [
	tenantList,
	tenantCreate,
	tenantUpdate,
	tenantDelete,
];
