import { type Command, stringFlag, UsageError } from './command.js';

function integerFlag(value: string | undefined, name: string, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
	}
	return number;
}

const emulator: Command = {
	path: ['emulator'],
	usage:
		'emulator [--port N] [--state FILE] [--faults SPEC] [--quirks SPEC] [--page-size N] [--extra-flows N]',
	summary:
		'Run the local Microsoft Graph emulator (loopback only); prints one JSON line with graphUrl, then serves until stopped.',
	arity: [0, 0],
	flags: [
		{
			name: 'port',
			type: 'string',
			value: 'N',
			description: 'port to listen on (0 = any free port; default 0)',
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
	],
	async run(context) {
		const port = integerFlag(stringFlag(context.flags, 'port'), 'port', 0, 65535);
		const pageSize = integerFlag(stringFlag(context.flags, 'page-size'), 'page-size', 1, 1000);
		const extraFlows = integerFlag(stringFlag(context.flags, 'extra-flows'), 'extra-flows', 0, 1_000_000);
		const { startEmulator } = await import('../emulator/server.js');
		let running: Awaited<ReturnType<typeof startEmulator>>;
		try {
			running = await startEmulator({
				port,
				pageSize,
				extraFlows,
				statePath: stringFlag(context.flags, 'state'),
				faults: stringFlag(context.flags, 'faults'),
				quirks: stringFlag(context.flags, 'quirks'),
			});
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
		context.stdout(
			`${JSON.stringify({ graphUrl: running.graphUrl, betaUrl: `${running.origin}/beta`, origin: running.origin, port: running.port })}\n`,
		);
		await new Promise<void>((resolve) => {
			const stop = () => {
				void running.close().then(resolve);
			};
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		});
	},
};

export const emulatorCommands: readonly Command[] = [emulator];
