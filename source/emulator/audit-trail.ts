import { randomUUID } from 'node:crypto';
import { renderAttribute, renderProvider } from './render.js';
import type { Reply, RouteContext } from './router.js';
import type { TenantStore } from './tenant.js';
import type { AuditRecord, Json, JsonObject } from './types.js';

/*
The directory audit log: every write the emulator accepts leaves one entry, shaped as the documented
directoryAudit (activity names from the B2C section of the audit reference). Which activity a `$ref` add on a
flow emits, and what `modifiedProperties` holds, is not documented: the reading chosen here is "Update
authenticationEventsFlow" with the flow's changed properties old → new as JSON text (secrets never appear:
providers are compared as they read back, masked).
*/

type Subject = {
	readonly activity: string;
	readonly category: string;
	readonly service: string;
	readonly targetType: string;
	/** The target's id when the path names it; a create takes it from the answer. */
	readonly targetId?: string;
	/** The target as it reads before the write, for old → new. */
	readonly before?: JsonObject;
	readonly read: (tenant: TenantStore, id: string) => { name: string; view: JsonObject } | undefined;
};

const verbs: Record<string, string> = { POST: 'Create', PATCH: 'Update', PUT: 'Update', DELETE: 'Delete' };
const lower = (text: string | undefined) => (text ?? '').toLowerCase();

function flowView(tenant: TenantStore, id: string) {
	const flow = tenant.findFlow(id);
	if (!flow) return undefined;
	const view: JsonObject = {
		displayName: flow.displayName,
		description: flow.description,
		isSignUpAllowed: flow.isSignUpAllowed,
		identityProviders: flow.providerIds,
		attributes: flow.attributeCollection?.attributeIds ?? [],
		attributeCollectionPage: (flow.attributeCollection?.views ?? []) as unknown as Json,
		includeApplications: flow.appIds,
		userTypeToCreate: flow.userTypeToCreate,
		onAttributeCollectionStart: flow.onAttributeCollectionStart?.customExtensionId ?? null,
		onAttributeCollectionSubmit: flow.onAttributeCollectionSubmit?.customExtensionId ?? null,
	};
	return { name: flow.displayName, view };
}

const view = { origin: '', version: 'v1.0' as const };

function subjectOf(context: RouteContext, segments: readonly string[]): Subject | undefined {
	const verb = verbs[context.method];
	if (!verb) return undefined;
	const [first, second, , ...rest] = segments.map(lower);
	const rawId = segments[2];
	const b2c = { category: 'PolicyManagement', service: 'B2C', targetType: 'Policy' };
	if (first === 'identity' && second === 'authenticationeventsflows') {
		const handler = rest.find((part) => /^onattributecollection(start|submit)$/.test(part));
		const activity =
			rest.length === 0
				? `${verb} authenticationEventsFlow`
				: handler && rest.includes('customextension')
					? `Update ${handler === 'onattributecollectionstart' ? 'OnAttributeCollectionStart' : 'OnAttributeCollectionSubmit'}CustomExtension`
					: 'Update authenticationEventsFlow';
		return { ...b2c, activity, targetId: rawId, read: flowView };
	}
	if (first === 'identity' && second === 'identityproviders') {
		return {
			...b2c,
			activity: `${verb} Identity Provider`,
			targetType: 'IdentityProvider',
			targetId: rawId,
			read: (tenant, key) => {
				const provider = tenant.findProvider(key);
				return provider ? { name: provider.displayName, view: renderProvider(provider, view) } : undefined;
			},
		};
	}
	if (first === 'identity' && second === 'userflowattributes') {
		return {
			...b2c,
			activity: `${verb} user attribute`,
			targetType: 'UserAttribute',
			targetId: rawId,
			read: (tenant, key) => {
				const attribute = tenant.findAttribute(key);
				return attribute ? { name: attribute.displayName, view: renderAttribute(attribute) } : undefined;
			},
		};
	}
	if (first === 'identity' && second === 'customauthenticationextensions' && rest.length === 0) {
		return {
			...b2c,
			activity: `${verb} customAuthenticationExtension`,
			targetType: 'CustomAuthenticationExtension',
			targetId: rawId,
			read: (tenant, key) => {
				const extension = tenant.findExtension(key);
				return extension
					? {
							name: extension.displayName,
							view: { displayName: extension.displayName, targetUrl: extension.targetUrl },
						}
					: undefined;
			},
		};
	}
	if (first === 'policies' && second === 'authenticationmethodspolicy') {
		const method = segments[4] ?? 'authenticationMethodsPolicy';
		return {
			activity: 'Authentication Methods Policy Update',
			category: 'ApplicationManagement',
			service: 'Authentication Methods',
			targetType: 'Policy',
			targetId: method,
			read: (tenant) => ({
				name: 'Authentication Methods Policy',
				view: { ...tenant.emailMethod } as unknown as JsonObject,
			}),
		};
	}
	return undefined;
}

/** What a write is about, read before it runs; undefined for a read or a path that is not audited. */
export type PendingAudit = Subject & { readonly segments: readonly string[] };

export function auditBefore(context: RouteContext, segments: readonly string[]): PendingAudit | undefined {
	const subject = subjectOf(context, segments);
	if (!subject) return undefined;
	const before = subject.targetId ? subject.read(context.tenant, subject.targetId)?.view : undefined;
	return { ...subject, before: before ? structuredClone(before) : undefined, segments };
}

// Who sent it, from the token's claims as the directory records them (the token was checked already, if at all).
function initiatedBy(authorization: string | undefined): JsonObject {
	const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
	let claims: Record<string, unknown> = {};
	try {
		const payload = token.split('.')[1];
		if (payload) claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {}
	const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : null);
	const upn = text('upn') ?? text('preferred_username') ?? text('unique_name');
	if (upn) {
		return {
			app: null,
			user: { id: text('oid'), displayName: text('name'), userPrincipalName: upn, ipAddress: '127.0.0.1' },
		};
	}
	return {
		user: null,
		app: {
			appId: text('appid') ?? text('azp'),
			displayName: text('app_displayname'),
			servicePrincipalId: text('oid'),
			servicePrincipalName: null,
		},
	};
}

function modified(before: JsonObject | undefined, after: JsonObject | undefined): JsonObject[] {
	const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
	const changes: JsonObject[] = [];
	for (const key of keys) {
		if (key.startsWith('@')) continue;
		const old = before?.[key];
		const now = after?.[key];
		const oldText = old === undefined ? null : JSON.stringify(old);
		const newText = now === undefined ? null : JSON.stringify(now);
		if (oldText !== newText) changes.push({ displayName: key, oldValue: oldText, newValue: newText });
	}
	return changes;
}

/** Appends the entry for a write that changed the tenant. */
export function recordAudit(
	pending: PendingAudit,
	reply: Reply,
	context: RouteContext,
	authorization: string | undefined,
): void {
	const createdId = typeof reply.body?.id === 'string' ? reply.body.id : undefined;
	const id = pending.targetId ?? createdId ?? '';
	const after = id ? pending.read(context.tenant, id) : undefined;
	const entry: AuditRecord = {
		id: `B2C_${randomUUID()}`,
		category: pending.category,
		correlationId: randomUUID(),
		result: 'success',
		resultReason: '',
		activityDisplayName: pending.activity,
		activityDateTime: new Date().toISOString(),
		loggedByService: pending.service,
		operationType:
			verbs[context.method] === 'Create' ? 'Add' : verbs[context.method] === 'Delete' ? 'Delete' : 'Update',
		initiatedBy: initiatedBy(authorization),
		targetResources: [
			{
				id: after ? id : (id ?? null),
				displayName:
					after?.name ??
					(typeof pending.before?.displayName === 'string' ? pending.before.displayName : null),
				type: pending.targetType,
				userPrincipalName: null,
				groupId: null,
				modifiedProperties: modified(pending.before, after?.view),
			},
		],
		additionalDetails: [],
	};
	context.tenant.directoryAudits.push(entry);
}
