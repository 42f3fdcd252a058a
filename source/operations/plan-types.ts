// A plan as data: the steps that turn what is (a tenant, or a set of files) into what the files say, in the order
// apply carries them out, and what cannot be done at all. Commands word it; apply runs it through the operations.
import type {
	AppSpec,
	CustomAttributeSpec,
	ExtensionSlot,
	FlowSet,
	FlowSpec,
	InputSpec,
} from '../flow-files/model.js';
import type { LayoutDiff } from '../layout/index.js';

/** An application as the side being changed knows it (its appId there). */
export type AppRef = AppSpec;

/** An attribute the side being changed has: a built-in one by id, a custom one by short name. */
export type KnownAttribute = {
	readonly name: string;
	readonly custom: boolean;
	readonly displayName: string;
	readonly dataType: string;
	readonly description: string;
	/** Its id there (a tenant's custom attributes only). */
	readonly id?: string;
};

/** A custom authentication extension as the side being changed has it: its id there, when it is a tenant. */
export type ExtensionTarget = { readonly displayName: string; readonly id?: string };

/** An extension of a tenant a plan may name: its event, when it is one flows run. */
export type KnownExtension = {
	readonly id: string;
	readonly displayName: string;
	readonly slot?: ExtensionSlot;
};

/** What a plan compares with: a tenant read once, or a set of files. */
export type Side = {
	readonly set: FlowSet;
	/** Provider ids it has; undefined when unknown (files), so none is refused. */
	readonly providers?: readonly string[];
	readonly attributes: readonly KnownAttribute[];
	/** Its applications; undefined when unknown (a token that may not read them): appIds are taken as given. */
	readonly applications?: readonly AppRef[];
	/** Its custom authentication extensions; undefined when unknown (files): names are taken as given. */
	readonly extensions?: readonly KnownExtension[];
	/** True for a tenant: what it lacks cannot be done. */
	readonly tenant: boolean;
};

/** One flow property that changes, old → new. `verbatim.<name>` for properties kept as the service sent them. */
export type FieldChange = {
	readonly field: 'name' | 'description' | 'signUp' | 'userType' | 'priority' | `verbatim.${string}`;
	readonly before: unknown;
	readonly after: unknown;
};

/** One step of a plan. `flow` is the flow's name as the files give it. */
export type PlanStep =
	| { readonly kind: 'createAttribute'; readonly attribute: CustomAttributeSpec }
	| {
			readonly kind: 'describeAttribute';
			readonly name: string;
			readonly before: string;
			readonly after: string;
	  }
	/** `apps`: the apps free to link at creation; apps another flow uses follow as linkApp steps. */
	| { readonly kind: 'createFlow'; readonly flow: FlowSpec; readonly apps: readonly AppRef[] }
	| { readonly kind: 'updateFlow'; readonly flow: string; readonly changes: readonly FieldChange[] }
	| { readonly kind: 'addProvider' | 'removeProvider'; readonly flow: string; readonly providerId: string }
	| {
			readonly kind: 'addAttribute' | 'removeAttribute';
			readonly flow: string;
			readonly attribute: string;
			readonly custom: boolean;
	  }
	/** The whole page as the files say; `diff` is from the page as it will be after the attribute steps. */
	| {
			readonly kind: 'saveLayout';
			readonly flow: string;
			readonly diff: LayoutDiff;
			readonly inputs: readonly InputSpec[];
			readonly page: FlowSpec['page'];
	  }
	/** `from`: the flow the app uses now, which loses it (a move). */
	| { readonly kind: 'linkApp'; readonly flow: string; readonly app: AppRef; readonly from?: string }
	| { readonly kind: 'unlinkApp'; readonly flow: string; readonly app: AppRef }
	/** The flow runs `extension` at the slot from now on; `replaces`: the name of the one it runs now. */
	| {
			readonly kind: 'attachExtension';
			readonly flow: string;
			readonly slot: ExtensionSlot;
			readonly extension: ExtensionTarget;
			readonly replaces?: string;
	  }
	/** The flow runs no extension at the slot any more (no documented way: the service may refuse). */
	| {
			readonly kind: 'detachExtension';
			readonly flow: string;
			readonly slot: ExtensionSlot;
			readonly extension: string;
	  }
	/** Only with prune: a flow the files do not have. `apps` lose their flow. */
	| { readonly kind: 'deleteFlow'; readonly flow: string; readonly apps: readonly AppRef[] };

/** Something the files ask that cannot be done there: named before anything is sent. */
export type PlanProblem = {
	/** The flow (by name) or custom attribute (`customAttribute`) the problem is in. */
	readonly flow?: string;
	readonly customAttribute?: string;
	/** Path of the field in the file, e.g. `identityProviders[1]`. */
	readonly field?: string;
	readonly message: string;
};

/** The plan: steps in order; problems mean none of it may be carried out. */
export type Plan = {
	readonly steps: readonly PlanStep[];
	readonly problems: readonly PlanProblem[];
	/** Flows of the files that need nothing. */
	readonly unchanged: readonly string[];
};
