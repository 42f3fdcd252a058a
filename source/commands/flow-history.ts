import { readFlowHistory } from '../operations/flow-history.js';
import { type Command, CommandFailure, printJson, stringFlag, UsageError } from './command.js';
import { resolveFlow } from './resolve.js';

// Who changed a flow and what, from the directory audit log.

/** A --since value: a date (midnight UTC) or a full ISO time. */
export function parseSince(text: string): Date {
	const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
	if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
		throw new UsageError(`--since takes a date such as 2026-11-24 or 2026-11-24T09:00:00Z, not "${text}".`);
	}
	return date;
}

const history: Command = {
	path: ['flows', 'history'],
	usage: 'flows history <flow> [--since DATE] [--top N]',
	summary: 'Who changed a user flow and what, newest first (needs AuditLog.Read.All).',
	arity: [1, 1],
	flags: [
		{
			name: 'since',
			type: 'string',
			value: 'DATE',
			description: 'only changes from DATE on (YYYY-MM-DD or ISO time)',
		},
		{ name: 'top', type: 'string', value: 'N', description: 'at most N entries (default 50)' },
	],
	async run(context) {
		const sinceText = stringFlag(context.flags, 'since');
		const since = sinceText === undefined ? undefined : parseSince(sinceText);
		const topText = stringFlag(context.flags, 'top');
		const top = topText === undefined ? 50 : Number(topText);
		if (!Number.isInteger(top) || top < 1 || top > 999) {
			throw new UsageError(`--top takes a whole number from 1 to 999, not "${topText}".`);
		}
		const client = await context.graph();
		const flow = await resolveFlow(client, context.args[0] ?? '');
		const result = await readFlowHistory(client, flow.id, { since, limit: top });
		if (result.kind === 'forbidden') {
			throw new CommandFailure(
				`The history of "${flow.displayName}" comes from the directory audit log, which needs ${result.permission} (or the Reports Reader, Security Reader or Security Administrator role when signed in as a user).`,
				result.hint ??
					`Grant ${result.permission} to the app you sign in with and consent it, then run the command again.`,
			);
		}
		if (context.json) return printJson(context, result.entries);
		if (result.entries.length === 0) {
			context.stdout(
				`No changes to "${flow.displayName}" in the audit log${since ? ` since ${since.toISOString()}` : ''}.\n`,
			);
			return;
		}
		for (const entry of result.entries) {
			const by =
				entry.who.kind === 'unknown'
					? 'unknown'
					: `${entry.who.name}${entry.who.kind === 'app' ? ' (app)' : ''}`;
			const failed = entry.result && entry.result !== 'success' ? ` [${entry.result}]` : '';
			context.stdout(`${entry.when}  ${by}  ${entry.activity}${failed}\n`);
			for (const change of entry.changes) {
				context.stdout(`    ${change.property}: ${change.old} → ${change.new}\n`);
			}
		}
	},
};

export const flowHistoryCommands: readonly Command[] = [history];
