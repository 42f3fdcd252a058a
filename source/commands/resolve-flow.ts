import { getUserFlow } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import type { UserFlow } from '../graph/types.js';
import { flowsNamed } from '../operations/tenant-reads.js';
import { CommandFailure } from './command.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a flow by id or by exact display name; the error says what exists when nothing matches. */
export async function resolveFlow(
	client: GraphClient,
	reference: string,
): Promise<UserFlow & { id: string }> {
	if (guid.test(reference)) {
		try {
			const flow = await getUserFlow(client, reference);
			return { ...flow, id: flow.id ?? reference };
		} catch (error) {
			if (!isGraphError(error) || error.status !== 404) throw error;
			// A GUID-looking display name is unlikely but legal; fall through to the name lookup.
		}
	}
	const candidates = await flowsNamed(client, reference);
	const exact = candidates.filter((flow) => flow.displayName === reference && flow.id);
	const matches =
		exact.length > 0
			? exact
			: candidates.filter((flow) => flow.displayName?.toLowerCase() === reference.toLowerCase() && flow.id);
	if (matches.length === 1) return matches[0] as UserFlow & { id: string };
	if (matches.length > 1) {
		throw new CommandFailure(
			`"${reference}" matches ${matches.length} user flows.`,
			`Use the id instead: ${matches.map((flow) => flow.id).join(', ')}`,
		);
	}
	throw new CommandFailure(
		`No user flow has the id or name "${reference}".`,
		'List the user flows with `entra-flows flows list`, then pass an id or the exact name.',
	);
}
