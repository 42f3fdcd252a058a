import { pageInputs } from '../graph/flow-attributes.js';
import { isSystemApp } from '../operations/system-apps.js';
import { groupDigits } from '../text/count.js';
import { display } from '../text/sanitize.js';
import { filterIndex, indexRows, rowArray } from './flow-filter.js';
import type { Application, IdentityProvider, UserFlow, UserFlowAttribute } from './state.js';

// View models: the only shapes screens render. Every string from Graph passes through display() here.

/** One row of the user-flows list. */
export type FlowRow = {
	/** The raw id: a key for requests, never rendered (render idText). */
	readonly id: string;
	readonly idText: string;
	readonly name: string;
	readonly signUp: boolean;
	readonly providers: number;
	readonly attributes: number;
	readonly apps: number;
};

/** The overview of one flow. */
export type FlowOverview = FlowRow & { readonly description: string; readonly userType: string };

/** One identity provider of a flow. */
export type ProviderRow = {
	readonly id: string;
	readonly idText: string;
	readonly name: string;
	readonly type: string;
};

/** One attribute of a flow, with its page input. */
export type AttributeRow = {
	readonly id: string;
	readonly idText: string;
	readonly label: string;
	readonly inputType: string;
	readonly required: boolean;
	readonly dataType: string;
};

/** One linked application. */
export type ApplicationRow = { readonly appId: string; readonly appIdText: string; readonly name: string };

/** A choice in an add-picker; `note` says why it is special (e.g. which flow already has the app). */
export type PickerChoice = { readonly value: string; readonly label: string; readonly note?: string };

// Per flow, so a list that grows page by page maps only the new flows, and each row stays the same object.
const rowCache = new WeakMap<UserFlow, FlowRow>();
const listCache = new WeakMap<readonly UserFlow[], readonly FlowRow[]>();

/** Summarises a flow from the list response alone (no request per row). */
export function flowRow(flow: UserFlow): FlowRow {
	return {
		id: flow.id ?? '',
		idText: display(flow.id),
		name: display(flow.displayName),
		signUp: flow.onInteractiveAuthFlowStart?.isSignUpAllowed ?? false,
		providers: flow.onAuthenticationMethodLoadStart?.identityProviders?.length ?? 0,
		attributes: flow.onAttributeCollection?.attributes?.length ?? 0,
		apps: flow.conditions?.applications?.includeApplications?.length ?? 0,
	};
}

/** Rows for the whole list, each computed once per flow read. */
export function flowRows(flows: readonly UserFlow[]): readonly FlowRow[] {
	let rows = listCache.get(flows);
	if (!rows) {
		rows = flows.map((flow) => {
			let row = rowCache.get(flow);
			if (!row) {
				row = flowRow(flow);
				rowCache.set(flow, row);
			}
			return row;
		});
		listCache.set(flows, rows);
	}
	return rows;
}

/**
 * What the flows list says about its load: still arriving, or stopped half way; undefined once whole. `short`
 * leaves out the counts the line already shows (beside a filter, where the width is taken).
 */
export function listProgress(
	list: {
		readonly data?: readonly unknown[];
		readonly arriving?: boolean;
		readonly partial?: boolean;
		readonly status: string;
	},
	short = false,
): string | undefined {
	const count = groupDigits(list.data?.length ?? 0);
	// The flows collection documents no $count, so the total is not known until the last page.
	if (list.arriving) return short ? 'more coming' : `${count} loaded, more coming (esc stops)`;
	if (!list.partial || list.status === 'loading') return undefined;
	return short
		? 'partial (ctrl+r reads all)'
		: `partial: ${count} loaded, the rest not read (ctrl+r reads all)`;
}

/** Rows whose name contains the filter text, ignoring case. */
export function filterRows(rows: readonly FlowRow[], filter: string): readonly FlowRow[] {
	return rowArray(filterIndex(indexRows(rows), filter).rows);
}

/** The detail overview. */
export function flowOverview(flow: UserFlow): FlowOverview {
	return {
		...flowRow(flow),
		description: display(flow.description),
		userType: display(flow.onUserCreateStart?.userTypeToCreate),
	};
}

/** Identity providers for display. */
export function providerRows(providers: readonly IdentityProvider[]): readonly ProviderRow[] {
	return providers.map((provider) => ({
		id: provider.id ?? '',
		idText: display(provider.id),
		name: display(provider.displayName ?? provider.id),
		type: display(provider.identityProviderType ?? provider['@odata.type']?.replace('#microsoft.graph.', '')),
	}));
}

/** Attributes in page order (inputs first, then any without an input), with label, required and input type. */
export function attributeRows(
	attributes: readonly UserFlowAttribute[],
	flow: UserFlow | undefined,
): readonly AttributeRow[] {
	const inputs = flow ? pageInputs(flow) : [];
	const byId = new Map(attributes.map((attribute) => [attribute.id ?? '', attribute]));
	const order = [...inputs.map((input) => input.attribute), ...byId.keys()].filter(
		(id, index, all) => all.indexOf(id) === index && byId.has(id),
	);
	return order.map((id) => {
		const input = inputs.find((item) => item.attribute === id);
		const attribute = byId.get(id);
		return {
			id,
			idText: display(id),
			label: display(input?.label ?? attribute?.displayName ?? id),
			inputType: display(input?.inputType ?? ''),
			required: input?.required === true,
			dataType: display(attribute?.dataType),
		};
	});
}

/** The appIds linked to a flow, as its own response lists them. */
export function linkedAppIds(flow: UserFlow | undefined): readonly string[] {
	return (flow?.conditions?.applications?.includeApplications ?? [])
		.map((app) => app.appId ?? '')
		.filter(Boolean);
}

/** Display names for appIds, from the tenant's applications. */
export function applicationRows(
	appIds: readonly string[],
	applications: readonly Application[] | undefined,
): readonly ApplicationRow[] {
	const names = new Map((applications ?? []).map((app) => [app.appId ?? '', app.displayName ?? '']));
	return appIds.map((appId) => ({
		appId,
		appIdText: display(appId),
		name: applications ? display(names.get(appId) || '(unknown app)') : '…',
	}));
}

/** Which flow each app belongs to, from the flows already loaded (no request). */
export function appOwners(flows: readonly UserFlow[]): ReadonlyMap<string, { flowId: string; name: string }> {
	const owners = new Map<string, { flowId: string; name: string }>();
	for (const flow of flows) {
		for (const appId of linkedAppIds(flow))
			owners.set(appId, { flowId: flow.id ?? '', name: display(flow.displayName) });
	}
	return owners;
}

/** Tenant identity providers the flow does not offer yet. */
export function providerChoices(
	tenant: readonly IdentityProvider[],
	onFlow: readonly IdentityProvider[],
): readonly PickerChoice[] {
	const taken = new Set(onFlow.map((provider) => provider.id));
	return tenant
		.filter((provider) => provider.id && !taken.has(provider.id))
		.map((provider) => ({ value: provider.id ?? '', label: display(provider.displayName ?? provider.id) }));
}

/** Choices whose label, id or note holds `filter` (case-insensitive); all of them for an empty filter. */
export function filterChoices(choices: readonly PickerChoice[], filter = ''): readonly PickerChoice[] {
	const needle = filter.trim().toLowerCase();
	if (!needle) return choices;
	return choices.filter((choice) =>
		[choice.label, choice.value, choice.note ?? ''].some((text) => text.toLowerCase().includes(needle)),
	);
}

/** Tenant attributes the flow does not collect yet. */
export function attributeChoices(
	tenant: readonly UserFlowAttribute[],
	onFlow: readonly UserFlowAttribute[],
): readonly PickerChoice[] {
	const taken = new Set(onFlow.map((attribute) => attribute.id));
	return tenant
		.filter((attribute) => attribute.id && !taken.has(attribute.id))
		.map((attribute) => ({
			value: attribute.id ?? '',
			label: display(attribute.displayName ?? attribute.id),
		}));
}

/** Tenant apps not linked to this flow (system apps never), each with its appId's start so two of one name differ; apps that another flow uses say which. */
export function applicationChoices(
	applications: readonly Application[],
	flowId: string,
	flows: readonly UserFlow[],
): readonly PickerChoice[] {
	const owners = appOwners(flows);
	return applications
		.filter((app) => app.appId && !isSystemApp(app) && owners.get(app.appId)?.flowId !== flowId)
		.map((app) => {
			const owner = owners.get(app.appId ?? '');
			return {
				value: app.appId ?? '',
				// The appId's first block tells two apps of one name apart and leaves the row room for its note.
				label: app.displayName
					? `${display(app.displayName)} · ${display(app.appId?.slice(0, 8))}`
					: display(app.appId),
				note: owner ? `already in “${owner.name}”` : undefined,
			};
		});
}
