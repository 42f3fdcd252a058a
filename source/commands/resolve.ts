// The commands' words for names that do not resolve (operations/resolve.ts finds them).
import { listApplications } from '../graph/applications.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { sameId } from '../graph/ids.js';
import type { Application, IdentityProvider, UserFlow, UserFlowAttribute } from '../graph/types.js';
import {
	isGuid,
	type Resolution,
	resolveApplication,
	resolveFlowReference,
	resolveTenantAttribute,
	resolveTenantProvider,
} from '../operations/resolve.js';
import { visible } from '../text/visible.js';
import { CommandFailure, UsageError } from './command.js';

/** Words for a name that matched nothing: look-alikes first (they are the dangerous case), then near misses. */
function notFound<T>(
	resolution: Extract<Resolution<T>, { kind: 'none' }>,
	what: string,
	describe: (item: T) => string,
	fallback: string,
): CommandFailure {
	if (resolution.lookAlikes.length > 0) {
		return new CommandFailure(
			`${what}; ${resolution.lookAlikes.map(describe).join(', ')} ${resolution.lookAlikes.length === 1 ? 'looks' : 'look'} the same but differs in characters you cannot see (marked ⟨U+…⟩).`,
			'Pass the id instead, so the one you mean is the one changed.',
		);
	}
	const guess = resolution.suggestions.map(describe).join(' or ');
	return new CommandFailure(`${what}.`, guess ? `Did you mean ${guess}? ${fallback}` : fallback);
}

function ambiguous<T>(
	resolution: Extract<Resolution<T>, { kind: 'ambiguous' }>,
	what: string,
	describe: (item: T) => string,
) {
	return new CommandFailure(
		`${what} matches ${resolution.matches.length} of them: ${resolution.matches.map(describe).join(', ')}.`,
		'Pass the id of the one you mean instead.',
	);
}

const flowWords = (flow: UserFlow) => `"${visible(flow.displayName ?? '')}" (${flow.id})`;

/**
 * For `<flow> <thing>` commands: the flow by id or name. A name with spaces left unquoted swallows the next
 * word as the thing, so when nothing has the first word as a name but a flow has both words, that is said.
 */
export async function resolveFlowOf(
	client: GraphClient,
	args: readonly string[],
	usage: string,
): Promise<UserFlow & { id: string }> {
	const [first = '', second = ''] = args;
	const found = await resolveFlowReference(client, first);
	if (found.kind === 'none' && second && !isGuid(second)) {
		const joined = await resolveFlowReference(client, `${first} ${second}`);
		if (joined.kind === 'found') {
			throw new UsageError(
				`If "${first} ${second}" is the flow's name, put it in quotes, as in \`entra-flows ${usage.replace('<flow>', `"${first} ${second}"`)}\`.`,
			);
		}
	}
	return resolved(found, first);
}

/** A flow by id or exact name; the error says what exists when nothing matches. */
export async function resolveFlow(
	client: GraphClient,
	reference: string,
): Promise<UserFlow & { id: string }> {
	return resolved(await resolveFlowReference(client, reference), reference);
}

function resolved(
	found: Resolution<UserFlow & { id: string }>,
	reference: string,
): UserFlow & { id: string } {
	if (found.kind === 'found') return found.item;
	if (found.kind === 'ambiguous') throw ambiguous(found, `"${reference}"`, (flow) => flow.id);
	throw notFound(
		found,
		`No user flow has the id or name "${visible(reference)}"`,
		flowWords,
		'List the user flows with `entra-flows flows list`, then pass an id or the exact name.',
	);
}

const providerWords = (provider: IdentityProvider) =>
	`${provider.id} ("${visible(provider.displayName ?? '')}")`;

/**
 * The id of the identity provider a person named: one the flow offers (by id or name: nothing read), else
 * one of the tenant's (by id or display name, `Google` → `Google-OAUTH`).
 */
export async function resolveProviderId(
	client: GraphClient,
	flow: UserFlow,
	wanted: string,
): Promise<string> {
	const offered = flow.onAuthenticationMethodLoadStart?.identityProviders ?? [];
	const onFlow = offered.find(
		(provider) => sameId(provider.id, wanted) || provider.displayName?.toLowerCase() === wanted.toLowerCase(),
	);
	if (onFlow?.id) return onFlow.id;
	const found = await resolveTenantProvider(client, wanted);
	if (found.kind === 'found') return found.item.id ?? wanted;
	if (found.kind === 'ambiguous') throw ambiguous(found, `"${wanted}"`, providerWords);
	throw notFound(
		found,
		`${visible(wanted)} is not an identity provider of this tenant`,
		providerWords,
		`It has: ${found.all.map((provider) => provider.id).join(', ') || 'none'} (\`entra-flows tenant providers\`). Configure a new one first.`,
	);
}

const attributeWords = (attribute: UserFlowAttribute) =>
	`${attribute.id} ("${visible(attribute.displayName ?? '')}")`;

/** The id of the attribute a person named: by id, display name or short name, on the flow or in the tenant. */
export async function resolveAttributeId(
	client: GraphClient,
	flow: UserFlow,
	wanted: string,
	tenant?: readonly UserFlowAttribute[],
): Promise<string> {
	const collected = flow.onAttributeCollection?.attributes ?? [];
	const onFlow = await resolveTenantAttribute(client, wanted, collected);
	if (onFlow.kind === 'found' && onFlow.item.id) return onFlow.item.id;
	const found = await resolveTenantAttribute(client, wanted, tenant);
	if (found.kind === 'found') return found.item.id ?? wanted;
	if (found.kind === 'ambiguous') throw ambiguous(found, `"${wanted}"`, attributeWords);
	throw notFound(
		found,
		`${visible(wanted)} is not a user-flow attribute of this tenant`,
		attributeWords,
		'See them with `entra-flows tenant attributes`; create a custom one with `entra-flows tenant attributes create`.',
	);
}

/** The appId of the application a person named: an appId as given, or a display name (one read). */
export async function resolveAppId(client: GraphClient, wanted: string): Promise<string> {
	if (isGuid(wanted)) return wanted;
	return (await resolveApp(client, wanted)).appId ?? wanted;
}

/**
 * The application a person named, with its display name so messages can name it: by display name (one read)
 * or by appId (one read; without permission to read apps, or for an appId the tenant lacks, the appId alone).
 */
export async function resolveApp(client: GraphClient, wanted: string): Promise<Application> {
	const found = await resolveApplication(client, wanted);
	if (found.kind === 'found') {
		if (found.item.displayName) return found.item;
		const read = await listApplications(client, { appId: wanted }).catch((error: unknown) => {
			if (isGraphError(error) && error.kind === 'forbidden') return [];
			throw error;
		});
		return read.find((app) => sameId(app.appId, wanted)) ?? found.item;
	}
	const describe = (app: { appId?: string; displayName?: string }) =>
		`"${visible(app.displayName ?? '')}" (${app.appId})`;
	if (found.kind === 'ambiguous') throw ambiguous(found, `The application name "${wanted}"`, describe);
	throw notFound(
		found,
		`No application of this tenant is named "${visible(wanted)}"`,
		describe,
		'List them with `entra-flows tenant apps`; pass an appId or the exact name.',
	);
}
