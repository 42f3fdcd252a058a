// User flows themselves: create one with everything the service checks checked, and change its name,
// description or sign-up switch (sending only what changes).
import { createUserFlow, getUserFlow, type NewUserFlow, updateUserFlow } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import type { IdentityProvider, UserFlow, UserFlowAttribute } from '../graph/types.js';
import { done, type Outcome, refused, unchanged } from './outcome.js';
import { type ReadBackPace, readBack } from './read-back.js';
import type { RefusalOf } from './refusals.js';
import { sendWrite } from './send-write.js';
import {
	appOwner,
	attributeNotInTenant,
	nameTaken,
	noSuchApp,
	providerNotInTenant,
	systemAppAmong,
} from './tenant-reads.js';

type CreateRefusal = RefusalOf<
	| 'nameTaken'
	| 'providerNotInTenant'
	| 'attributeNotInTenant'
	| 'noSuchApp'
	| 'appUsedElsewhere'
	| 'systemApp'
>;

/**
 * The first rule a new flow would break, read from the tenant: a name taken, a provider or attribute the
 * tenant lacks, an app that does not exist or uses another flow. Independent reads go together.
 */
export async function createRefusal(
	client: GraphClient,
	flow: NewUserFlow,
	known: TenantKnown = {},
): Promise<CreateRefusal | undefined> {
	const appChecks = (flow.appIds ?? []).map(async (appId) => {
		const [missing, owner] = await Promise.all([noSuchApp(client, appId), appOwner(client, appId)]);
		if (missing) return missing;
		return owner ? ({ rule: 'appUsedElsewhere', appId, owner, meanwhile: false } as const) : undefined;
	});
	const found = await Promise.all([
		known.nameTaken ?? nameTaken(client, flow.displayName),
		providerNotInTenant(client, flow.identityProviderIds, known.providers),
		attributeNotInTenant(
			client,
			(flow.attributes ?? []).map((attribute) => attribute.id),
			known.attributes,
		),
		...appChecks,
	]);
	return found.find((refusal) => refusal !== undefined);
}

/**
 * What the caller has read of the tenant already, so a dry run checks against it instead of reading again (and
 * a plan can count attributes it would create first).
 */
export type TenantKnown = {
	readonly providers?: readonly IdentityProvider[];
	readonly attributes?: readonly UserFlowAttribute[];
	/** The name check, started by the caller beside its own reads (nameTaken of the same name). */
	readonly nameTaken?: Promise<RefusalOf<'nameTaken'> | undefined>;
};

/** What creating a flow gave. */
export type CreatedFlow = {
	/** The flow as read back, or as the create answered when the read-back failed. */
	readonly flow: UserFlow;
	/** False when the read-back failed: `flow` is the create's answer, which lacks the expanded sections. */
	readonly readBack: boolean;
};

/**
 * Creates a user flow; in a dry run every rule is checked first, since nothing is sent to refuse it. The flow
 * is read back for its expanded sections unless `readBack` is false (a caller that shows only the answer's
 * id and name saves the round trip).
 */
export async function createFlow(
	client: GraphClient,
	flow: NewUserFlow,
	known: TenantKnown = {},
	options: { readonly readBack?: boolean } = {},
): Promise<Outcome<CreatedFlow, CreateRefusal>> {
	// Not the service's rule but ours: the tenant's own system app is never a flow's app, checked before sending.
	const system = flow.appIds?.length ? await systemAppAmong(client, flow.appIds) : undefined;
	if (system) return refused(system);
	if (client.dryRun) {
		const refusal = await createRefusal(client, flow, known);
		if (refusal) return refused(refusal);
	}
	const sent = await sendWrite(
		() => createUserFlow(client, flow),
		() => createRefusal(client, flow),
	);
	if (!sent.ok) {
		const { outcome } = sent;
		// Sent again after its answer was lost, a create refused for its name found the flow the first one made.
		if (
			outcome.kind === 'refused' &&
			outcome.refusal.rule === 'nameTaken' &&
			outcome.error?.retriedAfterLostAnswer
		)
			return readCreated({ id: outcome.refusal.taken.id, displayName: flow.displayName }, true);
		return outcome;
	}
	return readCreated(sent.value, sent.answerLost === true);

	/** The created flow read back whole, patiently (a read right after a create may answer 404 for a while). */
	async function readCreated(
		created: UserFlow,
		answerLost: boolean,
	): Promise<Outcome<CreatedFlow, CreateRefusal>> {
		if (!created.id || options.readBack === false)
			return done({ flow: created, readBack: false }, [], answerLost);
		const id = created.id;
		try {
			return done({ flow: await readNewFlow(client, id), readBack: true }, [], answerLost);
		} catch {
			// The flow exists (the service said so); a failed re-read must not make it look as if it did not.
			return done({ flow: created, readBack: false }, [], answerLost);
		}
	}
}

/** A flow just created, read back whole: patiently, since a read right after a create may answer 404 for a while. */
export function readNewFlow(client: GraphClient, flowId: string, pace?: ReadBackPace): Promise<UserFlow> {
	return readBack(
		() => getUserFlow(client, flowId),
		() => true,
		pace,
	);
}

/** The changes `updateFlow` can make. */
export type FlowChanges = {
	readonly displayName?: string;
	readonly description?: string;
	readonly isSignUpAllowed?: boolean;
	/** `member` or `guest`. */
	readonly userTypeToCreate?: string;
	/** Top-level properties set as given (null clears one): custom extension handlers kept verbatim. */
	readonly extra?: Readonly<Record<string, unknown>>;
};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only the changes that differ from the flow as it was read. */
export function effectiveChanges(flow: UserFlow, changes: FlowChanges): FlowChanges {
	const effective: { -readonly [K in keyof FlowChanges]: FlowChanges[K] } = {};
	if (changes.displayName !== undefined && changes.displayName !== flow.displayName)
		effective.displayName = changes.displayName;
	if (changes.description !== undefined && changes.description !== (flow.description ?? ''))
		effective.description = changes.description;
	const signUp = flow.onInteractiveAuthFlowStart?.isSignUpAllowed;
	if (changes.isSignUpAllowed !== undefined && changes.isSignUpAllowed !== signUp)
		effective.isSignUpAllowed = changes.isSignUpAllowed;
	const userType = flow.onUserCreateStart?.userTypeToCreate;
	if (changes.userTypeToCreate !== undefined && changes.userTypeToCreate !== userType)
		effective.userTypeToCreate = changes.userTypeToCreate;
	const now = flow as Readonly<Record<string, unknown>>;
	const extra = Object.entries(changes.extra ?? {}).filter(([key, value]) => !sameValue(now[key], value));
	if (extra.length > 0) effective.extra = Object.fromEntries(extra);
	return effective;
}

/**
 * The apps (appIds) whose new customers can no longer sign up when `changes` switch sign-up off: every app
 * linked to the flow, since an app uses one flow at most. Empty when sign-up stays on or no app uses it.
 */
export function signUpLostBy(flow: UserFlow, changes: FlowChanges): readonly string[] {
	if (effectiveChanges(flow, changes).isSignUpAllowed !== false) return [];
	return (flow.conditions?.applications?.includeApplications ?? [])
		.map((app) => app.appId ?? '')
		.filter((appId) => appId !== '');
}

/**
 * Renames a flow, changes its description or switches sign-up, sending only what differs from `flow` as the
 * caller read it (nothing differs: nothing is sent). A new name another flow has is refused.
 */
export async function updateFlow(
	client: GraphClient,
	flow: UserFlow & { readonly id: string },
	changes: FlowChanges,
): Promise<Outcome<FlowChanges, RefusalOf<'nameTaken'>>> {
	const effective = effectiveChanges(flow, changes);
	if (Object.keys(effective).length === 0) return unchanged('already');
	const renamed = effective.displayName;
	const taken = async () => (renamed === undefined ? undefined : nameTaken(client, renamed, flow.id));
	if (client.dryRun) {
		const refusal = await taken();
		if (refusal) return refused(refusal);
	}
	const sent = await sendWrite(
		() => updateUserFlow(client, flow.id, effective),
		async () => {
			const refusal = await taken();
			if (refusal) return refusal;
			// Made so meanwhile (the same name or switch set by someone else) is nothing left to do.
			return matches(await getUserFlow(client, flow.id), effective) ? 'done' : undefined;
		},
	);
	return sent.ok ? done(effective, [], sent.answerLost) : sent.outcome;
}

function matches(flow: UserFlow, changes: FlowChanges): boolean {
	return showsChanges(flow, changes) && flow.id !== undefined;
}

/** True when `flow` as read already shows `changes` (a read that lags the write shows the flow as it was). */
export function showsChanges(flow: UserFlow, changes: FlowChanges): boolean {
	return Object.keys(effectiveChanges(flow, changes)).length === 0;
}

/** The flow as a done update of `changes` leaves it: what the write's answer says, before any read-back. */
export function withChanges(flow: UserFlow, changes: FlowChanges): UserFlow {
	return {
		...flow,
		...(changes.extra ?? {}),
		...(changes.displayName === undefined ? {} : { displayName: changes.displayName }),
		...(changes.description === undefined ? {} : { description: changes.description }),
		...(changes.isSignUpAllowed === undefined
			? {}
			: {
					onInteractiveAuthFlowStart: {
						...flow.onInteractiveAuthFlowStart,
						isSignUpAllowed: changes.isSignUpAllowed,
					},
				}),
		...(changes.userTypeToCreate === undefined
			? {}
			: { onUserCreateStart: { ...flow.onUserCreateStart, userTypeToCreate: changes.userTypeToCreate } }),
	};
}
