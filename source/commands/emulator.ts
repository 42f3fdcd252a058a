import { safeJson } from '../text/safe-json.js';
import { type Command, stringFlag, UsageError } from './command.js';

function integerFlag(value: string | undefined, name: string, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
	}
	return number;
}

function seedFlag(value: string | undefined): 'default' | 'fabrikam' | undefined {
	if (value === undefined || value === 'default' || value === 'fabrikam') return value;
	throw new UsageError(`--seed must be default or fabrikam, not "${value}".`);
}

const emulator: Command = {
	path: ['emulator'],
	usage:
		'emulator [--port N] [--seed default|fabrikam] [--state FILE] [--faults SPEC] [--quirks SPEC] [--page-size N] [--extra-flows N] [--auto-approve] [--sign-in BEHAVIOUR] [--tls-dir DIR] [--http]',
	summary:
		'Run the local Microsoft Graph and sign-in emulator (loopback HTTPS); prints one JSON line (graphUrl, authorityHost, tenantId, caFile, accessToken), then serves until stopped.',
	arity: [0, 0],
	flags: [
		{
			name: 'port',
			type: 'string',
			value: 'N',
			description: 'port to listen on (0 = any free port; default 0)',
		},
		{
			name: 'seed',
			type: 'string',
			value: 'NAME',
			description: 'the tenant to start with: default, or fabrikam (a second tenant with no user flows)',
		},
		{
			name: 'state',
			type: 'string',
			value: 'FILE',
			description: 'keep the tenant in this file across restarts',
		},
		{
			name: 'faults',
			type: 'string',
			value: 'SPEC',
			description: 'inject faults, e.g. F-T1:retry-after=2:times=1 (see README)',
		},
		{
			name: 'quirks',
			type: 'string',
			value: 'SPEC',
			description: 'pick readings where the docs disagree, e.g. get-wrapped=false',
		},
		{
			name: 'page-size',
			type: 'string',
			value: 'N',
			description: 'items per page before @odata.nextLink (default 100)',
		},
		{
			name: 'extra-flows',
			type: 'string',
			value: 'N',
			description: 'add N generated user flows to the seed tenant',
		},
		{
			name: 'auto-approve',
			type: 'boolean',
			description: 'approve device codes without the verification page',
		},
		{
			name: 'sign-in',
			type: 'string',
			value: 'BEHAVIOUR',
			description:
				'pending-then-success (default), declined, expired, slow-down, invalid-client, consent-required, conditional-access, mfa-required',
		},
		{
			name: 'tls-dir',
			type: 'string',
			value: 'DIR',
			description: 'write the generated CA certificate here (default: a temporary folder)',
		},
		{
			name: 'http',
			type: 'boolean',
			description: 'plain HTTP, Graph only, any bearer token (no sign-in endpoints)',
		},
	],
	async run(context) {
		const port = integerFlag(stringFlag(context.flags, 'port'), 'port', 0, 65535);
		const pageSize = integerFlag(stringFlag(context.flags, 'page-size'), 'page-size', 1, 1000);
		const extraFlows = integerFlag(stringFlag(context.flags, 'extra-flows'), 'extra-flows', 0, 1_000_000);
		const { serveEmulator, signInBehaviours } = await import('../emulator/serve.js');
		const behaviour = stringFlag(context.flags, 'sign-in');
		const known = signInBehaviours.find((candidate) => candidate === behaviour);
		if (behaviour && !known) throw new UsageError(`--sign-in must be one of ${signInBehaviours.join(', ')}.`);
		let served: Awaited<ReturnType<typeof serveEmulator>>;
		try {
			served = await serveEmulator({
				port,
				pageSize,
				extraFlows,
				seed: seedFlag(stringFlag(context.flags, 'seed')),
				statePath: stringFlag(context.flags, 'state'),
				faults: stringFlag(context.flags, 'faults'),
				quirks: stringFlag(context.flags, 'quirks'),
				http: context.flags.http === true,
				tlsDir: stringFlag(context.flags, 'tls-dir'),
				identity: { autoApprove: context.flags['auto-approve'] === true, behaviour: known },
			});
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
		context.stdout(`${safeJson(served.info)}\n`);
		await new Promise<void>((resolve) => {
			const stop = () => {
				void served.close().then(resolve);
			};
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		});
	},
};

export const emulatorCommands: readonly Command[] = [emulator];
