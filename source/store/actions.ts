import type { SessionInfo } from './deps.js';
import type { FlowCodeAction } from './flow-code-state.js';
import type { LayoutAction } from './layout-state.js';
import type {
	Activity,
	AppError,
	CreateDraft,
	CreateField,
	DeviceCode,
	EditDraft,
	Flash,
	NewAttributeOverlay,
	Overlay,
	ResourceData,
	ResourceName,
	RetryWait,
	Route,
	SignInReason,
	StartDraft,
	UserFlow,
} from './state.js';
import type { TenantFormAction } from './tenant-forms-state.js';

/** Sign-in and the Start screen's connection. */
export type SessionAction =
	| { readonly type: 'session/checkStarted' }
	| { readonly type: 'session/signedIn'; readonly info: SessionInfo }
	| { readonly type: 'session/signInStarted'; readonly reason: SignInReason }
	| { readonly type: 'session/codeReceived'; readonly code: DeviceCode }
	| { readonly type: 'session/signInFailed'; readonly error: AppError }
	| { readonly type: 'session/signInCancelled' }
	| { readonly type: 'session/codeExpired' }
	| { readonly type: 'session/expired' }
	| { readonly type: 'session/connectStarted' }
	| { readonly type: 'session/connectFailed'; readonly error: AppError };

/** The navigation stack and each entry's cursor and filter. */
export type RouteAction =
	| { readonly type: 'route/pushed'; readonly route: Route }
	| { readonly type: 'route/popped' }
	| { readonly type: 'route/replaced'; readonly route: Route }
	| { readonly type: 'route/reset'; readonly route: Route }
	| { readonly type: 'route/cursorMoved'; readonly index: number }
	| { readonly type: 'route/filterOpened' }
	| { readonly type: 'route/filterChanged'; readonly text: string }
	| { readonly type: 'route/filterClosed'; readonly keep: boolean };

/** Loading server data, generic over the resource kind. */
export type LoadAction = {
	[K in ResourceName]:
		| { readonly type: 'resources/loadStarted'; readonly resource: K; readonly key: string }
		| {
				readonly type: 'resources/loadSucceeded';
				readonly resource: K;
				readonly key: string;
				readonly data: ResourceData[K];
				readonly at: number;
		  }
		| {
				readonly type: 'resources/loadFailed';
				readonly resource: K;
				readonly key: string;
				readonly error: AppError;
		  };
}[ResourceName];

/** Changes to the flows list that a write made (instead of re-reading 10,000 rows). */
export type FlowListAction =
	| { readonly type: 'userFlows/flowAdded'; readonly flow: UserFlow }
	| { readonly type: 'userFlows/flowRemoved'; readonly flowId: string }
	/** A page of the list arrived; `first` replaces what was held (a partial list read again). */
	| { readonly type: 'userFlows/pageArrived'; readonly flows: readonly UserFlow[]; readonly first: boolean }
	| { readonly type: 'userFlows/pagesFinished'; readonly at: number }
	/** The person stopped the load: what arrived stays, marked partial. */
	| { readonly type: 'userFlows/pagesStopped'; readonly at: number };

/** Operations in flight, retry waits and the status line. */
export type StatusAction =
	| { readonly type: 'activity/started'; readonly activity: Activity }
	| { readonly type: 'activity/finished'; readonly id: string }
	| { readonly type: 'activity/retryScheduled'; readonly wait: RetryWait }
	| {
			readonly type: 'flash/shown';
			readonly level: Flash['level'];
			readonly text: string;
			readonly error?: AppError;
			readonly topic?: Flash['topic'];
	  }
	| { readonly type: 'flash/cleared'; readonly id?: number };

/** Dialogs and the help overlay. */
export type OverlayAction =
	| { readonly type: 'overlay/opened'; readonly overlay: Overlay }
	| { readonly type: 'overlay/closed' }
	| {
			readonly type: 'overlay/pickerHighlighted';
			/** The highlighted choice; undefined keeps it. */
			readonly value?: string;
			readonly filter?: string;
			readonly filtering?: boolean;
	  }
	| { readonly type: 'overlay/textChanged'; readonly text: string }
	| { readonly type: 'overlay/mismatchShown' }
	| {
			readonly type: 'overlay/newAttributeChanged';
			readonly patch: Partial<Pick<NewAttributeOverlay, 'focus' | 'dataType' | 'error'>>;
	  }
	| { readonly type: 'help/toggled' };

/** Drafts: the create form, an in-place edit, the Start screen. */
export type DraftAction =
	| { readonly type: 'createDraft/opened'; readonly providerIds: readonly string[] }
	| {
			readonly type: 'createDraft/changed';
			readonly patch: Partial<Pick<CreateDraft, 'name' | 'description' | 'signUp'>>;
	  }
	| {
			readonly type: 'createDraft/itemToggled';
			readonly field: 'providers' | 'attributes';
			readonly id: string;
	  }
	| {
			readonly type: 'createDraft/focusMoved';
			readonly focus: CreateField;
			readonly itemCursor: number;
			/** The checklist's filter: kept while the focus stays on the field and this is undefined. */
			readonly itemFilter?: string;
			readonly filtering?: boolean;
	  }
	| { readonly type: 'createDraft/submitStarted' }
	| { readonly type: 'createDraft/rejected'; readonly errors: CreateDraft['errors'] }
	| { readonly type: 'createDraft/closed' }
	| {
			readonly type: 'edit/opened';
			readonly flowId: string;
			readonly field: EditDraft['field'];
			readonly text: string;
	  }
	| { readonly type: 'edit/changed'; readonly text: string }
	| { readonly type: 'edit/rejected'; readonly error: string }
	| { readonly type: 'edit/closed' }
	| { readonly type: 'start/changed'; readonly patch: Partial<StartDraft> };

/** Every action the reducer handles. */
export type Action =
	| SessionAction
	| RouteAction
	| LoadAction
	| FlowListAction
	| StatusAction
	| OverlayAction
	| DraftAction
	| LayoutAction
	| FlowCodeAction
	| TenantFormAction;

/** Load-action creators; the resource kind and its data type travel together. */
export const loadActions = {
	started: <K extends ResourceName>(resource: K, key: string) =>
		({ type: 'resources/loadStarted', resource, key }) as LoadAction,
	succeeded: <K extends ResourceName>(resource: K, key: string, data: ResourceData[K], at: number) =>
		({ type: 'resources/loadSucceeded', resource, key, data, at }) as LoadAction,
	failed: <K extends ResourceName>(resource: K, key: string, error: AppError) =>
		({ type: 'resources/loadFailed', resource, key, error }) as LoadAction,
};
