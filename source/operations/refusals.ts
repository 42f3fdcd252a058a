// The rules of the service a write can break, as data. One union, so each face words every rule in one table.
import type { Layout, LayoutDiff, LayoutProblem } from '../layout/index.js';

/** A user flow as a refusal names it. */
export type FlowRef = { readonly id: string; readonly displayName: string };

export type Refusal =
	/** The tenant has no identity provider with this id (a flow can offer only the tenant's). */
	| {
			readonly rule: 'providerNotInTenant';
			readonly providerId: string;
			readonly tenantProviderIds: readonly string[];
	  }
	/** A flow keeps at least one identity provider. `meanwhile`: another was removed since the flow was read. */
	| { readonly rule: 'lastProvider'; readonly providerId: string; readonly meanwhile: boolean }
	/** The tenant has no user-flow attribute with these ids. */
	| {
			readonly rule: 'attributeNotInTenant';
			readonly attributeIds: readonly string[];
			readonly tenantAttributeIds: readonly string[];
	  }
	/** Display names of user flows are unique in a tenant. */
	| { readonly rule: 'nameTaken'; readonly name: string; readonly taken: FlowRef }
	/** No application of the tenant has this appId. */
	| { readonly rule: 'noSuchApp'; readonly appId: string }
	/** The app is the tenant's own (the b2c-extensions-app, see system-apps.ts): never a flow's application. */
	| { readonly rule: 'systemApp'; readonly appId: string; readonly displayName: string }
	/** An application uses at most one user flow; it uses `owner`. `meanwhile`: linked there since it was read. */
	| {
			readonly rule: 'appUsedElsewhere';
			readonly appId: string;
			readonly owner: FlowRef;
			readonly meanwhile: boolean;
	  }
	/**
	 * A move found the app no longer on the flow it was to move from: another admin unlinked it (`now`
	 * undefined) or moved it to `now`. The person confirmed a move from `from`, so nothing is done: ask again.
	 */
	| {
			readonly rule: 'appMovedMeanwhile';
			readonly appId: string;
			readonly from: FlowRef;
			readonly now?: FlowRef;
	  }
	/** Apps started using the flow after the person confirmed a delete that named the others: ask again. */
	| { readonly rule: 'appsLinkedSinceConfirmed'; readonly appIds: readonly string[] }
	/** The flow was not deleted because these apps were linked to it while it was being deleted. */
	| { readonly rule: 'appsLinkedMeanwhile'; readonly appIds: readonly string[] }
	/** The tenant already has a custom attribute of that name (compared ignoring case and spaces). */
	| {
			readonly rule: 'attributeNameTaken';
			readonly name: string;
			readonly taken: { readonly id: string; readonly displayName: string };
	  }
	/** A custom attribute that flows still collect is not deleted (what the service would do is undocumented). */
	| { readonly rule: 'attributeInUse'; readonly attributeId: string; readonly flows: readonly FlowRef[] }
	/** A layout change cannot add or remove inputs: those follow the flow's attributes. */
	| { readonly rule: 'layoutInputsDiffer'; readonly diff: LayoutDiff }
	/** The page changed on the service since `base` was read; saving would overwrite that change. */
	| {
			readonly rule: 'layoutChangedSinceBase';
			readonly base: string;
			readonly current: Layout;
			readonly fingerprint: string;
	  }
	/** The tenant has a provider of this type (one per social type, Apple) or of this name (OIDC) already. */
	| {
			readonly rule: 'providerExists';
			readonly wanted: string;
			readonly taken: { readonly id: string; readonly displayName: string };
	  }
	/** Built-in providers (local accounts) belong to the service: flows offer them or not, nothing else. */
	| { readonly rule: 'providerBuiltIn'; readonly providerId: string }
	/** A provider that flows still offer is not deleted; `onlyProvider`: flows it is the last provider of. */
	| {
			readonly rule: 'providerInUse';
			readonly providerId: string;
			readonly flows: readonly FlowRef[];
			readonly onlyProvider: readonly FlowRef[];
	  }
	/** The layout breaks the page's rules (input type for the data type, options, patterns, email). */
	| { readonly rule: 'layoutInvalid'; readonly problems: readonly LayoutProblem[] };

/** The refusals named `K`. */
export type RefusalOf<K extends Refusal['rule']> = Extract<Refusal, { readonly rule: K }>;
