import { listUserFlowSummaries } from '../graph/flows.js';
import { attributeShortName, sameId } from '../graph/ids.js';
import {
	type AttributeDataType,
	attributeDataTypes,
	createTenantAttribute,
	deleteTenantAttribute,
	listTenantAttributes,
	updateTenantAttribute,
} from '../graph/tenant-attributes.js';
import type { UserFlowAttribute } from '../graph/types.js';
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
import { explainRefusal, requireFreeAttributeName } from './tenant-checks.js';

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
		{ name: 'type', type: 'string', value: 'TYPE', description: 'string, boolean or int64' },
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
		if (context.dryRun) await requireFreeAttributeName(client, name);
		const created = await explainRefusal(
			() =>
				createTenantAttribute(client, {
					displayName: name,
					description: stringFlag(context.flags, 'description'),
					dataType: type as AttributeDataType,
				}),
			() => requireFreeAttributeName(client, name),
		);
		if (context.dryRun) return;
		if (context.json) return printJson(context, created);
		context.stdout(`Created attribute ${created.id ?? name} (${type}).\n`);
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

/** Refuses an attribute a flow still collects, naming the commands that free it. */
async function requireUncollected(client: Client, attributeId: string): Promise<void> {
	const users = (await listUserFlowSummaries(client)).filter((flow) =>
		flow.onAttributeCollection?.attributes?.some((collected) => sameId(collected.id, attributeId)),
	);
	// What the service does to flows that still collect it is undocumented: take it off them first, knowingly.
	if (users.length === 0) return;
	throw new CommandFailure(
		`${attributeId} is still collected by ${users.length} user flow(s): ${users
			.map((flow) => `"${flow.displayName}"`)
			.join(', ')}. Nothing was deleted.`,
		`Remove it from each first: ${users
			.map((flow) => `entra-flows attributes remove ${flow.id} ${attributeId}`)
			.join('; ')}.`,
	);
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
		if ((attribute.description ?? '') === description) {
			if (context.json) return printJson(context, attribute);
			return context.stdout(`${attribute.id} already has that description; nothing to do.\n`);
		}
		await updateTenantAttribute(client, attribute.id, { description });
		if (context.dryRun) return;
		if (context.json) return printJson(context, { ...attribute, description });
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
		await requireUncollected(client, attribute.id);
		const name = attribute.displayName ?? attribute.id;
		await confirmDeletion(context, {
			label: attribute.id,
			name,
			question: `Delete custom attribute "${name}" (${attribute.id})? Type its name to confirm: `,
		});
		await explainRefusal(
			() => deleteTenantAttribute(client, attribute.id),
			() => requireUncollected(client, attribute.id),
		);
		if (context.dryRun) return;
		if (context.json) return printJson(context, { deleted: attribute.id, displayName: name });
		context.stdout(`Deleted custom attribute "${name}" (${attribute.id}).\n`);
	},
};

export const tenantAttributeCommands: readonly Command[] = [
	tenantList,
	tenantCreate,
	tenantUpdate,
	tenantDelete,
];
