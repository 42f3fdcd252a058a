// Custom authentication extensions: the tenant's (create, change, delete once no flow runs them, validate) and a
// flow's (which runs at attribute collection start and submit; attach, change, detach where the service allows).
import {
	type CustomExtensionChanges,
	clearFlowExtension,
	createCustomExtension,
	deleteCustomExtension,
	type ExtensionDetach,
	type ExtensionEvent,
	extensionEvent,
	getCustomExtension,
	getFlowExtension,
	listCustomExtensions,
	type NewCustomExtension,
	setFlowExtension,
	updateCustomExtension,
	validateCustomExtension,
	validateExtensionConfiguration,
	validationFailed,
} from '../graph/extensions.js';
import { listUserFlows } from '../graph/flows.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import type { ConfigurationFinding, CustomAuthenticationExtension, UserFlow } from '../graph/types.js';
import { mapBounded } from './bounded.js';
import type { DetachTry, ExtensionRef, ExtensionRefusalOf } from './extension-refusals.js';
import { done, type Outcome, refused, unchanged } from './outcome.js';
import type { FlowRef } from './refusals.js';
import { type Resolution, resolveAmong } from './resolve.js';
import { sendWrite } from './send-write.js';

/** An extension with the id the service gave it. */
export type SavedExtension = CustomAuthenticationExtension & { readonly id: string };

export const extensionEvents: readonly ExtensionEvent[] = ['start', 'submit'];

/** How a refusal names an extension. */
export function extensionRef(extension: CustomAuthenticationExtension): ExtensionRef {
	return { id: extension.id ?? '', displayName: extension.displayName ?? '' };
}

/** The kind of an extension in a few words, from its `@odata.type`. */
export function extensionKind(extension: CustomAuthenticationExtension): string {
	const type = (extension['@odata.type'] ?? '').replace(/^#?microsoft\.graph\./i, '');
	const kinds: Record<string, string> = {
		onattributecollectionstartcustomextension: 'attribute collection start',
		onattributecollectionsubmitcustomextension: 'attribute collection submit',
		ontokenissuancestartcustomextension: 'token issuance start',
		onotpsendcustomextension: 'OTP send',
		onpasswordsubmitcustomextension: 'password submit',
		onverifiedidclaimvalidationcustomextension: 'verified ID claim validation',
	};
	return kinds[type.toLowerCase()] ?? (type || 'unknown');
}

/** The documented limits: a timeout of 200–2000 ms and 0 or 1 retries (null: the service default). */
export const extensionLimits = { timeout: [200, 2000], retries: [0, 1] } as const;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `api://{host}/{appId}` split, or undefined when it is not of that form. */
export function parseResourceId(resourceId: string): { host: string; appId: string } | undefined {
	const match = /^api:\/\/([^/]+)\/([^/]+)$/.exec(resourceId.trim());
	if (!match || !guid.test(match[2]!)) return undefined;
	return { host: match[1]!.toLowerCase(), appId: match[2]! };
}

/**
 * What is wrong with fields a person typed, before anything is sent (`problems`), and what validation will
 * likely find (`warnings`): a resource id whose host is not the target URL's. Both say how to fix it.
 */
export function extensionFieldProblems(
	fields: CustomExtensionChanges,
	current?: CustomAuthenticationExtension,
): { readonly problems: readonly string[]; readonly warnings: readonly string[] } {
	const problems: string[] = [];
	const warnings: string[] = [];
	if (fields.displayName !== undefined && fields.displayName.trim() === '') {
		problems.push('The name is empty: give the extension a name people will recognise.');
	}
	let host: string | undefined;
	if (fields.targetUrl !== undefined) {
		let url: URL | undefined;
		try {
			url = new URL(fields.targetUrl);
		} catch {
			problems.push(
				`The target URL "${fields.targetUrl}" is not an absolute URL; give one like https://api.contoso.com/start.`,
			);
		}
		if (url && url.protocol !== 'https:') {
			problems.push(
				`The target URL must use https (Entra calls only https endpoints), not ${url.protocol.replace(':', '')}.`,
			);
		}
		host = url?.hostname.toLowerCase();
	}
	if (fields.resourceId !== undefined && !parseResourceId(fields.resourceId)) {
		problems.push(
			`The resource id "${fields.resourceId}" is not of the form api://{host of the target URL}/{appId of the API's app registration}.`,
		);
	}
	const [minTimeout, maxTimeout] = extensionLimits.timeout;
	const timeout = fields.timeoutInMilliseconds;
	if (
		timeout !== undefined &&
		timeout !== null &&
		(!Number.isInteger(timeout) || timeout < minTimeout || timeout > maxTimeout)
	) {
		problems.push(
			`The timeout must be a whole number of milliseconds from ${minTimeout} to ${maxTimeout}, not ${timeout}.`,
		);
	}
	const retries = fields.maximumRetries;
	if (retries !== undefined && retries !== null && retries !== 0 && retries !== 1) {
		problems.push(`Retries must be 0 or 1, not ${retries}.`);
	}
	const resource = parseResourceId(
		fields.resourceId ?? current?.authenticationConfiguration?.resourceId ?? '',
	);
	const target = host ?? hostOf(current?.endpointConfiguration?.targetUrl);
	if (
		resource &&
		target &&
		resource.host !== target &&
		(fields.resourceId !== undefined || fields.targetUrl !== undefined)
	) {
		warnings.push(
			`The resource id names ${resource.host} but the target URL is on ${target}; validation will report DomainNameDoesNotMatch. Use api://${target}/${resource.appId}.`,
		);
	}
	return { problems, warnings };
}

function hostOf(url: string | undefined): string | undefined {
	try {
		return url ? new URL(url).hostname.toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}

/** The tenant's extensions split: those flows take (attribute collection start and submit) and the others. */
export async function readTenantExtensions(
	client: GraphClient,
	options: { signal?: AbortSignal } = {},
): Promise<{ readonly forFlows: SavedExtension[]; readonly others: SavedExtension[] }> {
	const all = (await listCustomExtensions(client, options)).filter(
		(extension): extension is SavedExtension => typeof extension.id === 'string',
	);
	return {
		forFlows: all.filter((extension) => extensionEvent(extension) !== undefined),
		others: all.filter((extension) => extensionEvent(extension) === undefined),
	};
}

/** An extension by id or display name (ignoring case; look-alike names never match silently). */
export async function resolveExtension(
	client: GraphClient,
	wanted: string,
	extensions?: readonly SavedExtension[],
): Promise<Resolution<SavedExtension>> {
	const all =
		extensions ??
		(await listCustomExtensions(client)).filter((extension): extension is SavedExtension =>
			Boolean(extension.id),
		);
	return resolveAmong(all, wanted, (extension) => ({ id: extension.id, names: [extension.displayName] }));
}

/** Creates an attribute-collection extension; fields are checked by the caller (extensionFieldProblems). */
export async function createExtension(
	client: GraphClient,
	extension: NewCustomExtension,
): Promise<Outcome<CustomAuthenticationExtension, never>> {
	// After a lost answer, the extension is found by what it was created with (name, kind and URL).
	let madeMeanwhile: SavedExtension | undefined;
	const sent = await sendWrite<CustomAuthenticationExtension, never>(
		() => createCustomExtension(client, extension),
		async () => {
			const { forFlows } = await readTenantExtensions(client);
			madeMeanwhile = forFlows.find(
				(candidate) =>
					candidate.displayName === extension.displayName &&
					extensionEvent(candidate) === extension.event &&
					candidate.endpointConfiguration?.targetUrl === extension.targetUrl,
			);
			return madeMeanwhile ? 'done' : undefined;
		},
	);
	if (!sent.ok) return sent.outcome;
	return done(sent.value ?? madeMeanwhile ?? {}, [], sent.answerLost);
}

function differs(extension: CustomAuthenticationExtension, changes: CustomExtensionChanges): boolean {
	const now: Record<keyof CustomExtensionChanges, unknown> = {
		displayName: extension.displayName,
		description: extension.description ?? null,
		targetUrl: extension.endpointConfiguration?.targetUrl,
		resourceId: extension.authenticationConfiguration?.resourceId,
		timeoutInMilliseconds: extension.clientConfiguration?.timeoutInMilliseconds ?? null,
		maximumRetries: extension.clientConfiguration?.maximumRetries ?? null,
	};
	return (Object.keys(changes) as (keyof CustomExtensionChanges)[]).some(
		(key) => changes[key] !== undefined && (changes[key] ?? null) !== (now[key] ?? null),
	);
}

/**
 * Changes an attribute-collection extension; what it has already is nothing to do. Timeout and retries travel
 * together (the service takes clientConfiguration whole), so the one not changed keeps its value.
 */
export async function updateExtension(
	client: GraphClient,
	extension: SavedExtension,
	changes: CustomExtensionChanges,
): Promise<Outcome<CustomAuthenticationExtension, ExtensionRefusalOf<'extensionNotForFlows'>>> {
	const odataType = extension['@odata.type'] ?? '';
	if (!extensionEvent(extension)) {
		return refused({ rule: 'extensionNotForFlows', extension: extensionRef(extension), odataType });
	}
	if (!differs(extension, changes)) return unchanged('already');
	const now = extension.clientConfiguration;
	const full: CustomExtensionChanges =
		changes.timeoutInMilliseconds !== undefined || changes.maximumRetries !== undefined
			? {
					...changes,
					timeoutInMilliseconds:
						changes.timeoutInMilliseconds !== undefined
							? changes.timeoutInMilliseconds
							: (now?.timeoutInMilliseconds ?? null),
					maximumRetries:
						changes.maximumRetries !== undefined ? changes.maximumRetries : (now?.maximumRetries ?? null),
				}
			: changes;
	const sent = await sendWrite<void, never>(
		() => updateCustomExtension(client, extension.id, odataType, full),
		async () => (differs(await getCustomExtension(client, extension.id), full) ? undefined : 'done'),
	);
	if (!sent.ok) return sent.outcome;
	const answerLost = sent.answerLost === true;
	const updated: CustomAuthenticationExtension = {
		...extension,
		...(full.displayName !== undefined ? { displayName: full.displayName } : {}),
		...(full.description !== undefined ? { description: full.description } : {}),
		...(full.targetUrl !== undefined
			? { endpointConfiguration: { ...extension.endpointConfiguration, targetUrl: full.targetUrl } }
			: {}),
		...(full.resourceId !== undefined
			? {
					authenticationConfiguration: {
						...extension.authenticationConfiguration,
						resourceId: full.resourceId,
					},
				}
			: {}),
		...(full.timeoutInMilliseconds !== undefined
			? {
					clientConfiguration: {
						timeoutInMilliseconds: full.timeoutInMilliseconds,
						maximumRetries: full.maximumRetries ?? null,
					},
				}
			: {}),
	};
	return done(updated, [], answerLost);
}

/** Which extension a flow runs at attribute collection start and submit (undefined: none). */
export type FlowExtensions = {
	readonly start?: CustomAuthenticationExtension;
	readonly submit?: CustomAuthenticationExtension;
};

/** Reads both of a flow's extensions (two reads; a handler with no extension reads as none). */
export async function readFlowExtensions(
	client: GraphClient,
	flowId: string,
	options: { signal?: AbortSignal } = {},
): Promise<FlowExtensions> {
	const [start, submit] = await Promise.all(
		extensionEvents.map((event) => getFlowExtension(client, flowId, event, options)),
	);
	return { ...(start ? { start } : {}), ...(submit ? { submit } : {}) };
}

/**
 * The extensions of many flows (by flow id): every flow's two handlers read side by side, a bounded number at
 * a time, so a tenant of many flows costs one round of reads rather than one per flow.
 */
export async function readExtensionsOfFlows(
	client: GraphClient,
	flowIds: readonly string[],
	options: { signal?: AbortSignal } = {},
): Promise<Map<string, FlowExtensions>> {
	const reads = flowIds.flatMap((flowId) => extensionEvents.map((event) => ({ flowId, event })));
	const found = await mapBounded(reads, ({ flowId, event }) =>
		getFlowExtension(client, flowId, event, options),
	);
	const result = new Map<string, FlowExtensions>();
	reads.forEach(({ flowId, event }, index) => {
		const extension = found[index];
		result.set(flowId, { ...result.get(flowId), ...(extension ? { [event]: extension } : {}) });
	});
	return result;
}

/** A flow that runs an extension, and at which events. */
export type ExtensionUser = { readonly flow: FlowRef; readonly events: readonly ExtensionEvent[] };

/** One of the tenant's extensions with the flows that run it; only attribute collection ones are `writable`. */
export type ExtensionInUse = {
	readonly extension: SavedExtension;
	readonly writable: boolean;
	readonly flows: readonly ExtensionUser[];
};

/**
 * Every extension of the tenant with the flows that run each. The extensions and every flow's two handlers are
 * read side by side; with the flows given (a list read already) that is one round of requests.
 */
export async function readExtensionsInUse(
	client: GraphClient,
	knownFlows?: readonly UserFlow[],
): Promise<ExtensionInUse[]> {
	const flowsRead = knownFlows ? Promise.resolve(knownFlows) : listUserFlows(client);
	const handlersRead = flowsRead.then(async (flows) => {
		const named = flows.filter((flow): flow is UserFlow & { id: string } => Boolean(flow.id));
		const found = await readExtensionsOfFlows(
			client,
			named.map((flow) => flow.id),
		);
		return named.map((flow) => ({
			flow: { id: flow.id, displayName: flow.displayName ?? flow.id },
			extensions: found.get(flow.id) ?? {},
		}));
	});
	const [{ forFlows, others }, handlers] = await Promise.all([readTenantExtensions(client), handlersRead]);
	const usersOf = (extension: SavedExtension): ExtensionUser[] =>
		handlers.flatMap(({ flow, extensions }) => {
			const events = extensionEvents.filter(
				(event) => extensions[event]?.id?.toLowerCase() === extension.id.toLowerCase(),
			);
			return events.length > 0 ? [{ flow, events }] : [];
		});
	return [
		...forFlows.map((extension) => ({ extension, writable: true, flows: usersOf(extension) })),
		...others.map((extension) => ({ extension, writable: false, flows: usersOf(extension) })),
	];
}

/** The flows that run an extension at either event (every flow's two handlers read, side by side). */
export async function flowsUsingExtension(
	client: GraphClient,
	extensionId: string,
): Promise<{ readonly flow: FlowRef; readonly events: readonly ExtensionEvent[] }[]> {
	const flows = (await listUserFlows(client)).filter((flow): flow is typeof flow & { id: string } =>
		Boolean(flow.id),
	);
	const extensions = await readExtensionsOfFlows(
		client,
		flows.map((flow) => flow.id),
	);
	return flows.flatMap((flow) => {
		const events = extensionEvents.filter(
			(event) => extensions.get(flow.id)?.[event]?.id?.toLowerCase() === extensionId.toLowerCase(),
		);
		return events.length > 0 ? [{ flow: { id: flow.id, displayName: flow.displayName ?? '' }, events }] : [];
	});
}

/** The flows that run the extension, as a refusal to delete it; undefined when none does. */
export async function extensionInUse(
	client: GraphClient,
	extension: SavedExtension,
): Promise<ExtensionRefusalOf<'extensionInUse'> | undefined> {
	const users = await flowsUsingExtension(client, extension.id);
	return users.length > 0
		? { rule: 'extensionInUse', extension: extensionRef(extension), flows: users.map((user) => user.flow) }
		: undefined;
}

/**
 * Deletes an extension no flow runs (checked first: what the service does to a flow that still runs it is
 * undocumented). Gone already (404) is nothing to do.
 */
export async function deleteExtension(
	client: GraphClient,
	extension: SavedExtension,
): Promise<Outcome<undefined, ExtensionRefusalOf<'extensionInUse'>>> {
	const inUse = await extensionInUse(client, extension);
	if (inUse) return refused(inUse);
	try {
		const sent = await sendWrite(
			() => deleteCustomExtension(client, extension.id),
			async () => {
				const gone = await getCustomExtension(client, extension.id).then(
					() => false,
					(error: unknown) => isGraphError(error) && error.status === 404,
				);
				return gone ? 'done' : extensionInUse(client, extension);
			},
		);
		return sent.ok ? done(undefined, [], sent.answerLost) : sent.outcome;
	} catch (error) {
		if (isGraphError(error) && error.status === 404) return unchanged('meanwhile');
		throw error;
	}
}

/** A validation's findings; `failed` when it has errors (a 200 with errors is a failed validation). */
export type ValidationResult = {
	readonly failed: boolean;
	readonly errors: readonly ConfigurationFinding[];
	readonly warnings: readonly ConfigurationFinding[];
};

/** validateAuthenticationConfiguration, of a saved extension (by id) or of a target URL and resource id. */
export async function validateExtension(
	client: GraphClient,
	target: { readonly id: string } | { readonly targetUrl: string; readonly resourceId: string },
): Promise<ValidationResult> {
	const validation =
		'id' in target
			? await validateCustomExtension(client, target.id)
			: await validateExtensionConfiguration(client, target);
	return {
		failed: validationFailed(validation),
		errors: validation.errors ?? [],
		warnings: validation.warnings ?? [],
	};
}

/** What a caller already knows of the extension a flow runs at an event (null: none), so it is not read again. */
export type KnownCurrent = { readonly current?: CustomAuthenticationExtension | null };

const currentOf = async (
	client: GraphClient,
	flow: FlowRef,
	event: ExtensionEvent,
	known: KnownCurrent,
): Promise<CustomAuthenticationExtension | undefined> =>
	known.current !== undefined ? (known.current ?? undefined) : getFlowExtension(client, flow.id, event);

/**
 * Makes `extension` the one the flow runs at `event` (PUT $ref, as documented): attaches or replaces. The
 * extension must be of the event's kind; the one attached already is nothing to do.
 */
export async function attachFlowExtension(
	client: GraphClient,
	flow: FlowRef,
	event: ExtensionEvent,
	extension: SavedExtension,
	known: KnownCurrent = {},
): Promise<
	Outcome<{ readonly previous?: CustomAuthenticationExtension }, ExtensionRefusalOf<'extensionWrongEvent'>>
> {
	const serves = extensionEvent(extension);
	if (serves !== event) {
		return refused({
			rule: 'extensionWrongEvent',
			extension: extensionRef(extension),
			event,
			...(serves ? { serves } : {}),
		});
	}
	const previous = await currentOf(client, flow, event, known);
	if (previous?.id?.toLowerCase() === extension.id.toLowerCase()) return unchanged('already');
	const sent = await sendWrite<void, never>(
		() => setFlowExtension(client, flow.id, event, extension.id),
		async () =>
			(await getFlowExtension(client, flow.id, event))?.id?.toLowerCase() === extension.id.toLowerCase()
				? 'done'
				: undefined,
	);
	if (!sent.ok) return sent.outcome;
	return done(previous ? { previous } : {}, [], sent.answerLost);
}

/** The ways of detaching tried, in order: neither is documented (the first is OData's own for a $ref). */
export const detachWays: readonly ExtensionDetach[] = ['delete-ref', 'patch-null'];

// A refusal of the method or the body (the service's way of saying "not like this"): try the next way.
const refusedWay = (status: number) => [400, 404, 405, 501].includes(status);

/**
 * Detaches the flow's extension for `event`. No way to do so is documented, so each way in `detachWays` is
 * tried until reading the flow back shows none attached; when none works, the refusal says what each got.
 */
export async function detachFlowExtension(
	client: GraphClient,
	flow: FlowRef,
	event: ExtensionEvent,
	known: KnownCurrent = {},
): Promise<
	Outcome<
		{ readonly detached: CustomAuthenticationExtension; readonly how: ExtensionDetach },
		ExtensionRefusalOf<'detachUnsupported'>
	>
> {
	const current = await currentOf(client, flow, event, known);
	if (!current) return unchanged('already');
	if (client.dryRun) {
		await clearFlowExtension(client, flow.id, event, detachWays[0]!);
		return done({ detached: current, how: detachWays[0]! });
	}
	const tried: DetachTry[] = [];
	for (const how of detachWays) {
		try {
			await clearFlowExtension(client, flow.id, event, how);
		} catch (error) {
			if (!isGraphError(error) || error.status === undefined || !refusedWay(error.status)) throw error;
			tried.push({ how, answer: error.status });
			continue;
		}
		if (!(await getFlowExtension(client, flow.id, event))) return done({ detached: current, how });
		tried.push({ how, answer: 'ignored' });
	}
	return refused({ rule: 'detachUnsupported', flow, event, extension: extensionRef(current), tried });
}
