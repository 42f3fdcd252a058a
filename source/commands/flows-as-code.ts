// Flows as code: export a tenant's flows to files, plan and apply files to a tenant, diff, clone, the schema.
// Each verb loads its implementation on first use, so the other commands never load the YAML reader.
import { type Command, type CommandContext, dryRunFlag } from './command.js';
import { yesFlag } from './confirm-deletion.js';

const run =
	(verb: 'runExport' | 'runPlan' | 'runApply' | 'runDiff' | 'runClone' | 'runSchema') =>
	async (context: CommandContext) =>
		(await import('./flows-as-code-run.js'))[verb](context);

const pruneFlag = {
	name: 'prune',
	type: 'boolean',
	description: 'also delete the flows of the tenant the files do not have (apply asks first)',
} as const;

const exportCommand: Command = {
	path: ['export'],
	usage: 'export <flow>… | --all [--out DIR] [--format yaml|json]',
	summary:
		'Write flows as tenant-independent files: one flow to stdout, or each flow into DIR with the custom attributes they need and the schema.',
	arity: [0, 1000],
	flags: [
		{ name: 'all', type: 'boolean', description: 'every user flow of the tenant (needs --out)' },
		{
			name: 'out',
			type: 'string',
			value: 'DIR',
			description: 'folder to write the files into (made if missing)',
		},
		{ name: 'format', type: 'string', value: 'yaml|json', description: 'file format (default yaml)' },
	],
	run: run('runExport'),
};

const plan: Command = {
	path: ['plan'],
	usage: 'plan <file|dir> [--prune]',
	summary:
		'Compare flow files with the tenant (each kind of thing read once) and print what apply would do; what cannot be done is named, nothing is sent.',
	arity: [1, 1],
	flags: [pruneFlag],
	run: run('runPlan'),
};

const apply: Command = {
	path: ['apply'],
	usage: 'apply <file|dir> [--prune] [--yes] [--dry-run]',
	summary:
		'Make the tenant as the files say: shows the plan, asks (or --yes), then one write at a time; a second apply sends nothing, a stopped one is finished by the next.',
	arity: [1, 1],
	flags: [pruneFlag, yesFlag, dryRunFlag],
	run: run('runApply'),
};

const diff: Command = {
	path: ['diff'],
	usage: 'diff <a> <b>',
	summary:
		'What differs between two sides, each a file, a folder or a profile (@dev), in the words of a plan from a to b.',
	arity: [2, 2],
	run: run('runDiff'),
};

const clone: Command = {
	path: ['flows', 'clone'],
	usage: 'flows clone <flow> --name NEW [--dry-run]',
	summary: 'Copy a user flow inside the tenant: providers, attributes and page layout, without its apps.',
	arity: [1, 1],
	flags: [
		{ name: 'name', type: 'string', value: 'NAME', description: 'display name of the copy' },
		dryRunFlag,
	],
	run: run('runClone'),
};

const schema: Command = {
	path: ['schema'],
	usage: 'schema',
	summary: 'Print the JSON Schema of flow files (exported folders carry a copy as entra-flows.schema.json).',
	arity: [0, 0],
	run: run('runSchema'),
};

export const flowsAsCodeCommands: readonly Command[] = [exportCommand, plan, apply, diff, clone, schema];
