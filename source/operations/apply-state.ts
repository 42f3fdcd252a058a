// What apply knows of the tenant as it goes: the snapshot the plan was made from, updated by each step it
// carries out, so later steps pass what is already known to the operations instead of reading it again.

import { isCustomAttributeId } from '../flow-files/export.js';
import { builtInDataType } from '../flow-files/load.js';
import { type FlowSpec, type InputSpec, nameKey, specLayout } from '../flow-files/model.js';
import { attributeShortName, sameId } from '../graph/ids.js';
import type { IdentityProvider, UserFlow, UserFlowAttribute } from '../graph/types.js';
import { type Layout, layoutFromFlow } from '../layout/index.js';
import type { FlowExtensions, SavedExtension } from './extensions.js';
import type { FlowRef } from './refusals.js';
import type { TenantSnapshot } from './snapshot.js';

/** One flow as apply last knows it. `layout` undefined: changed by a step, read fresh when needed. */
export type FlowState = {
	readonly flow: UserFlow & { readonly id: string };
	providers: IdentityProvider[];
	collected: UserFlowAttribute[];
	layout?: Layout;
	apps: string[];
	/** The extensions it runs at start and submit. */
	extensions: FlowExtensions;
};

/** The tenant as apply goes through the plan. */
export class ApplyState {
	readonly flows = new Map<string, FlowState>();
	readonly attributes: UserFlowAttribute[];
	/** The flow each app uses (null: none), by lower-case appId. */
	readonly owners = new Map<string, FlowRef | null>();
	readonly providers: readonly IdentityProvider[];
	/** The tenant's custom authentication extensions, which extension steps attach by id. */
	readonly extensions: readonly SavedExtension[];
	#newFlows = 0;
	readonly #extensionsApp: string;

	constructor(snapshot: TenantSnapshot) {
		this.attributes = [...snapshot.attributes];
		this.providers = snapshot.providers;
		this.extensions = snapshot.extensions;
		for (const flow of snapshot.flows) this.track(flow, snapshot.flowExtensions.get(flow.id));
		// In a dry run nothing is created, so a new attribute's id is foretold from the b2c-extensions-app.
		const extensions = snapshot.applications?.find((app) =>
			app.displayName?.startsWith('b2c-extensions-app'),
		);
		this.#extensionsApp =
			extensions?.appId?.replaceAll('-', '') ?? '{b2c-extensions-app appId without dashes}';
	}

	/** Starts following a flow (read in the snapshot, or just created: it runs no extension yet). */
	track(flow: UserFlow & { readonly id: string }, extensions: FlowExtensions = {}): FlowState {
		const state: FlowState = {
			flow,
			providers: [...(flow.onAuthenticationMethodLoadStart?.identityProviders ?? [])],
			collected: [...(flow.onAttributeCollection?.attributes ?? [])],
			layout: layoutFromFlow(flow),
			apps: (flow.conditions?.applications?.includeApplications ?? []).flatMap((app) =>
				app.appId ? [app.appId] : [],
			),
			extensions,
		};
		this.flows.set(nameKey(flow.displayName ?? flow.id), state);
		for (const appId of state.apps)
			this.owners.set(appId.toLowerCase(), { id: flow.id, displayName: flow.displayName ?? flow.id });
		return state;
	}

	/** A flow by its name in the files. */
	flow(name: string): FlowState | undefined {
		return this.flows.get(nameKey(name));
	}

	/** A placeholder id for a flow a dry run did not create. */
	placeholderFlowId(): string {
		this.#newFlows++;
		return `new-flow-${this.#newFlows}`;
	}

	/** The id a new custom attribute gets (foretold, for a dry run). */
	foretoldAttributeId(name: string): string {
		return `extension_${this.#extensionsApp}_${name}`;
	}

	/** The tenant's id for an input's attribute. */
	attributeId(input: Pick<InputSpec, 'attribute' | 'custom'>): string {
		const found = this.attributes.find((attribute) => {
			const id = attribute.id ?? '';
			return input.custom
				? isCustomAttributeId(id) && nameKey(attributeShortName(id)) === nameKey(input.attribute)
				: !isCustomAttributeId(id) && sameId(id, input.attribute);
		});
		return found?.id ?? input.attribute;
	}

	/** The page a flow spec asks for, in this tenant's attribute ids and data types. */
	layoutFor(inputs: readonly InputSpec[], page: FlowSpec['page']): Layout {
		const dataType = (id: string) =>
			this.attributes.find((attribute) => sameId(attribute.id, id))?.dataType ?? builtInDataType;
		const inTenant = inputs.map((input) => ({ ...input, attribute: this.attributeId(input) }));
		const spec = { inputs: inTenant, page } as Pick<FlowSpec, 'inputs' | 'page'> as FlowSpec;
		return specLayout(spec, (input) => dataType(input.attribute));
	}
}
