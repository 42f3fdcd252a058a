// The store's public face: everything ui/ may use. ui/ never imports graph/ or auth/.
export type { Action } from './actions.js';
export type {
	AppDeps,
	DeviceCodeInfo,
	RequestHistory,
	RetryNotice,
	RetryRelay,
	SessionInfo,
	SessionService,
	TenantSwitch,
} from './deps.js';
export { createRetryRelay } from './deps.js';
export {
	linkApplication,
	loadApplications,
	moveApplication,
	unlinkApplication,
} from './effects/applications.js';
export { addAttribute, loadAttributes, loadTenantAttributes, removeAttribute } from './effects/attributes.js';
export { createUserFlow, openCreateForm } from './effects/create-flow.js';
export { deleteUserFlow, openDeleteFlow } from './effects/delete-flow.js';
export {
	attachExtension,
	detachExtension,
	detachNote,
	eventNames,
	extensionsOfEvent,
	loadCustomExtensions,
	loadFlowExtensions,
	validateExtensionOf,
} from './effects/extensions.js';
export {
	applyFilePlan,
	cloneUserFlow,
	completeApplyPath,
	exportFlow,
	openApplyFile,
	openClone,
	openExport,
	planApplyFile,
} from './effects/flow-code.js';
export { loadUserFlowPages, stopLoadingUserFlows } from './effects/flow-pages.js';
export { loadUserFlow, loadUserFlows, saveEdit, switchSignUp, toggleSignUp } from './effects/flows.js';
export { intentEffect } from './effects/intents.js';
export { commitLayout, flowLayout, openLayoutDraft, reloadLayoutDraft } from './effects/layout.js';
export { saveLayout } from './effects/layout-save.js';
export {
	addIdentityProvider,
	lastProviderReason,
	loadIdentityProviders,
	loadTenantIdentityProviders,
	removeIdentityProvider,
} from './effects/providers.js';
export { loadRunLink, runRefusalText } from './effects/run-link.js';
export { cancelSignIn, connect, expireSignInCode, signIn, startSession } from './effects/session.js';
export { loadFlowHistory, loadTenantOverview, switchPasswordReset } from './effects/tenant.js';
export {
	askDeleteAttribute,
	openAttributeDescription,
	saveAttributeDescription,
} from './effects/tenant-attribute-changes.js';
export {
	attributeNameProblem,
	createAttributeFromDialog,
	openNewAttribute,
} from './effects/tenant-attributes.js';
export {
	askDeleteExtension,
	draftValidationKey,
	loadTenantExtensions,
	openExtensionForm,
	saveExtensionForm,
	validateExtensionForm,
} from './effects/tenant-extensions.js';
export { askDeleteProvider, deleteTenantProvider } from './effects/tenant-provider-changes.js';
export { openProviderForm, saveProviderForm } from './effects/tenant-provider-form.js';
export { openTenantSwitch, switchTenant } from './effects/tenants.js';
export { describeError } from './errors.js';
export * from './flow-code-state.js';
export {
	type FilterResult,
	type FlowIndex,
	filterIndex,
	fold,
	indexRows,
	type Rows,
	rowArray,
} from './flow-filter.js';
export * from './layout-preview.js';
export * from './layout-state.js';
export * from './layout-views.js';
export * from './provider-form-state.js';
export * from './requests.js';
export * from './run-view.js';
export * from './selectors.js';
export * from './state.js';
export { createStore, type Effect, type EffectContext, type Store } from './store.js';
export * from './tenant-forms-state.js';
export * from './tenant-list-views.js';
export * from './tenant-provider-views.js';
export * from './tenant-views.js';
export * from './views.js';
