import type { Application, IdentityProvider, UserFlow, UserFlowAttribute } from '../graph/types.js';
import type {
	ExtensionInUse,
	FlowExtensions,
	SavedExtension,
	ValidationResult,
} from '../operations/extensions.js';
import type { FlowHistory } from '../operations/flow-history.js';
import type { RunPrepared } from '../operations/run-flow.js';
import type { RunLinkRefused } from '../operations/run-link.js';
import type { TenantOverview } from '../operations/tenant-overview.js';
import type { SessionInfo } from './deps.js';
import type { ApplyFileState, FlowCodeOverlay, TenantChoice } from './flow-code-state.js';
import type { LayoutDraft, LayoutOverlay } from './layout-state.js';
import type { ProviderFormOverlay } from './provider-form-state.js';
import type { AttributeDescriptionOverlay, ExtensionFormOverlay } from './tenant-forms-state.js';

export type {
	Application,
	IdentityProvider,
	PageInput,
	UserFlow,
	UserFlowAttribute,
} from '../graph/types.js';
export type { ExtensionInUse, ValidationResult } from '../operations/extensions.js';
export type { FlowHistory } from '../operations/flow-history.js';
export type { TenantOverview } from '../operations/tenant-overview.js';

/** A failed call in plain data: what the status line and forms show. Strings are already sanitized. */
export type AppError = {
	readonly kind: string;
	readonly status: number;
	readonly code: string;
	readonly message: string;
	readonly requestId?: string;
	readonly hint?: string;
};

/** Server data with its load status; data stays while a refresh runs. */
export type Resource<T> = {
	readonly status: 'idle' | 'loading' | 'ready' | 'error';
	readonly data?: T;
	readonly error?: AppError;
	readonly fetchedAt?: number;
	/** A list still arriving page by page: data holds the pages so far, and keys work on them meanwhile. */
	readonly arriving?: boolean;
	/** The load was stopped before its last page (esc or q): data holds only the pages that came. */
	readonly partial?: boolean;
};

/** What each kind of resource holds. */
export type ResourceData = {
	readonly userFlows: readonly UserFlow[];
	readonly userFlow: UserFlow;
	readonly identityProviders: readonly IdentityProvider[];
	readonly attributes: readonly UserFlowAttribute[];
	readonly tenantIdentityProviders: readonly IdentityProvider[];
	readonly tenantAttributes: readonly UserFlowAttribute[];
	readonly applications: readonly Application[];
	/** A flow's attribute collection start and submit extensions, by flow id. */
	readonly flowExtensions: FlowExtensions;
	/** The tenant's custom authentication extensions (key ''). */
	readonly customExtensions: readonly SavedExtension[];
	/** validateAuthenticationConfiguration of an extension, by extension id. */
	readonly extensionValidation: ValidationResult;
	/** The Run screen's link (or why there is none), by flow id. */
	readonly runLink: RunPrepared | RunLinkRefused;
	/** The tenant screen: password reset, lint findings, attributes and providers with their flows. */
	readonly tenantOverview: TenantOverview;
	/** A flow's changes from the audit log, by flow id. */
	readonly flowHistory: FlowHistory;
	/** Every custom authentication extension of the tenant with the flows that run it (key ''). */
	readonly tenantExtensions: readonly ExtensionInUse[];
};

/** The kinds of resource the store caches. */
export type ResourceName = keyof ResourceData;

/** Every resource, keyed by flow id (or '' for tenant-wide ones). */
export type ResourcesState = {
	readonly [K in ResourceName]: Readonly<Record<string, Resource<ResourceData[K]>>>;
};

/** One screen of the navigation stack. */
export type Route =
	| { readonly id: 'user-flows' }
	| { readonly id: 'user-flow'; readonly flowId: string }
	| { readonly id: 'user-flow/identity-providers'; readonly flowId: string }
	| { readonly id: 'user-flow/attributes'; readonly flowId: string }
	| { readonly id: 'user-flow/applications'; readonly flowId: string }
	| { readonly id: 'user-flow/new' }
	/** Run the flow: the authorize link for one of its apps, with a QR code. */
	| { readonly id: 'user-flow/run'; readonly flowId: string }
	/** The custom authentication extensions a flow runs at attribute collection start and submit. */
	| { readonly id: 'user-flow/extensions'; readonly flowId: string }
	/** The sign-up page layout editor of a flow. */
	| { readonly id: 'user-flow/layout'; readonly flowId: string }
	/** The tenant around the flows: policies (password reset), health, attributes, providers. */
	| { readonly id: 'tenant' }
	/** The tenant's custom authentication extensions, with the flows that run each. */
	| { readonly id: 'tenant/extensions' }
	/** The tenant's user-flow attributes, with the flows that collect each. */
	| { readonly id: 'tenant/attributes' }
	/** The tenant's identity providers, with the flows that offer each. */
	| { readonly id: 'tenant/providers' }
	/** The request inspector: every Graph call of this session; its entry's cursor is the selected row. */
	| { readonly id: 'requests' }
	/** One recorded call in full; its entry's cursor is the scroll offset. */
	| { readonly id: 'requests/entry'; readonly seq: number }
	/** Flow files planned against the tenant and applied step by step. */
	| { readonly id: 'apply-file' };

/** A route plus the cursor and filter it had, so going back restores them. */
export type RouteEntry = {
	readonly route: Route;
	readonly cursor: number;
	readonly filter: string;
	readonly filtering: boolean;
};

/** The device code being shown. */
export type DeviceCode = {
	readonly userCode: string;
	readonly verificationUri: string;
	readonly expiresAt: number;
	readonly message: string;
};

/** Why the sign-in screen is showing. */
export type SignInReason = 'start' | 'expired';

/** Sign-in state; anything but signedIn puts the Start or Sign-in screen in front of the routes. */
export type SessionState =
	| { readonly status: 'unconfigured'; readonly connecting: boolean; readonly error?: AppError }
	| { readonly status: 'checking' }
	| {
			readonly status: 'signedOut';
			readonly reason: SignInReason;
			readonly outcome: 'cancelled' | 'failed' | 'expiredCode';
			readonly error?: AppError;
	  }
	| { readonly status: 'requestingCode'; readonly reason: SignInReason }
	| { readonly status: 'awaitingCode'; readonly reason: SignInReason; readonly code: DeviceCode }
	| { readonly status: 'signedIn'; readonly info: SessionInfo };

/** What a confirmed y/n dialog does. */
export type Intent =
	| { readonly type: 'removeIdentityProvider'; readonly flowId: string; readonly providerId: string }
	| { readonly type: 'removeAttribute'; readonly flowId: string; readonly attributeId: string }
	| { readonly type: 'unlinkApplication'; readonly flowId: string; readonly appId: string }
	| {
			readonly type: 'moveApplication';
			readonly flowId: string;
			readonly appId: string;
			readonly fromFlowId: string;
	  }
	| { readonly type: 'toggleSignUp'; readonly flowId: string }
	| { readonly type: 'discardCreateForm' }
	| { readonly type: 'deleteTenantExtension'; readonly extensionId: string }
	| { readonly type: 'deleteTenantAttribute'; readonly attributeId: string }
	| { readonly type: 'deleteTenantProvider'; readonly providerId: string }
	| { readonly type: 'quit' };

/** The kinds of add-picker. */
export type PickerKind = 'identityProviders' | 'attributes' | 'applications';

/** At most one dialog at a time (help is separate: it can sit on top of a dialog). */
export type Overlay =
	| { readonly kind: 'confirm'; readonly message: string; readonly intent: Intent }
	| {
			readonly kind: 'picker';
			readonly picker: PickerKind;
			readonly flowId: string;
			/** The row the cursor is on, so the picker comes back there (after the request inspector). */
			readonly highlighted?: string;
			/** The `/` filter over the choices, and whether it is taking typed text. */
			readonly filter?: string;
			readonly filtering?: boolean;
	  }
	| NewAttributeOverlay
	| {
			readonly kind: 'deleteFlow';
			readonly flowId: string;
			readonly text: string;
			readonly mismatch: boolean;
	  }
	| LayoutOverlay
	| FlowCodeOverlay
	| ExtensionFormOverlay
	| ProviderFormOverlay
	| AttributeDescriptionOverlay;

/** Creating a custom attribute from a dialog: and, with a flow, collecting it there in the same go. */
export type NewAttributeOverlay = {
	readonly kind: 'newAttribute';
	/** The flow whose attribute picker it came from; undefined from the tenant screen. */
	readonly flowId?: string;
	readonly name: string;
	readonly dataType: 'string' | 'boolean' | 'int64';
	readonly description: string;
	readonly focus: 'name' | 'dataType' | 'description';
	/** Why the last create was not sent (a bad name), shown in the dialog. */
	readonly error?: string;
};

/** One operation in flight; `target` names the row it changes, `write` marks changes to the tenant. */
export type Activity = {
	readonly id: string;
	readonly verb: string;
	readonly target?: string;
	readonly write: boolean;
	/** When it started (the store's clock, ms): a request that hangs shows how long it has waited. */
	readonly startedAt?: number;
};

/** The status line's message. Success fades; errors stay until dismissed. */
export type Flash = {
	readonly id: number;
	readonly level: 'success' | 'error' | 'warning' | 'info';
	readonly text: string;
	readonly error?: AppError;
	/** What the message is about, for a message that must change when its subject does (a save refusal). */
	readonly topic?: string;
};

/** The client is waiting before retrying a request. */
export type RetryWait = {
	readonly reason: 'throttled' | 'unavailable' | 'network';
	/** When the wait began and when it ends (ms since the epoch). */
	readonly since: number;
	readonly until: number;
};

/** Fields of the create form, in tab order. */
export const createFields = ['name', 'description', 'signUp', 'providers', 'attributes', 'submit'] as const;
export type CreateField = (typeof createFields)[number];

/** The create form as typed; survives a sign-in detour and a failed save. */
export type CreateDraft = {
	readonly name: string;
	readonly description: string;
	readonly signUp: boolean;
	readonly providerIds: readonly string[];
	readonly attributeIds: readonly string[];
	readonly focus: CreateField;
	/** Row of the focused checklist, counted in its filtered rows. */
	readonly itemCursor: number;
	/** The focused checklist's `/` filter; cleared when the focus leaves the field. */
	readonly itemFilter?: string;
	/** True while the filter takes typed text. */
	readonly filtering?: boolean;
	readonly errors: Readonly<Partial<Record<CreateField | 'form', string>>>;
	readonly submitting: boolean;
	readonly dirty: boolean;
};

/** An in-place edit of a flow's name or description. */
export type EditDraft = {
	readonly flowId: string;
	readonly field: 'displayName' | 'description';
	readonly text: string;
	readonly error?: string;
};

/** The Start screen's choice and typed tenant. */
export type StartDraft = {
	readonly choice: 'demo' | 'tenant';
	readonly tenant: string;
	readonly editing: boolean;
};

/** The whole application state. */
export type AppState = {
	readonly session: SessionState;
	readonly routes: readonly [RouteEntry, ...RouteEntry[]];
	readonly resources: ResourcesState;
	readonly activity: readonly Activity[];
	readonly retry?: RetryWait;
	readonly flash?: Flash;
	readonly overlay?: Overlay;
	readonly helpOpen: boolean;
	readonly createDraft?: CreateDraft;
	readonly edit?: EditDraft;
	/** Layout editor drafts by flow id; a kept draft waits here until it is saved or discarded. */
	readonly layoutDrafts: Readonly<Record<string, LayoutDraft>>;
	readonly start: StartDraft;
	readonly seq: number;
	/** The profile in use, when the app was given profiles to switch between. */
	readonly tenant?: TenantChoice;
	readonly applyFile?: ApplyFileState;
	/** Where the last export wrote, which the Apply file screen offers first. */
	readonly lastExport?: string;
};

/** A fresh route entry. */
export function entry(route: Route): RouteEntry {
	return { route, cursor: 0, filter: '', filtering: false };
}

/** The state the app starts in. */
export function initialState(configured: boolean): AppState {
	return {
		session: configured ? { status: 'checking' } : { status: 'unconfigured', connecting: false },
		routes: [entry({ id: 'user-flows' })],
		resources: {
			userFlows: {},
			userFlow: {},
			identityProviders: {},
			attributes: {},
			tenantIdentityProviders: {},
			tenantAttributes: {},
			applications: {},
			flowExtensions: {},
			customExtensions: {},
			runLink: {},
			extensionValidation: {},
			tenantOverview: {},
			flowHistory: {},
			tenantExtensions: {},
		},
		activity: [],
		helpOpen: false,
		layoutDrafts: {},
		start: { choice: 'demo', tenant: '', editing: false },
		seq: 0,
	};
}
