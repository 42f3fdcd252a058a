// The tenant's custom authentication extensions screen: the list with the flows that run each, the form that
// creates or changes one, delete (refused first while a flow runs it) and validation of a draft.
import {
	createExtension,
	deleteExtension,
	type ExtensionInUse,
	extensionRef,
	readExtensionsInUse,
	updateExtension,
	validateExtension,
} from '../../operations/extensions.js';
import { display } from '../../text/sanitize.js';
import { checkExtensionForm, extensionForm } from '../extension-form.js';
import { selectResource } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { failureText, type LoadOptions, load, operate } from './common.js';
import { extensionRefusalText } from './extensions.js';

const permission = 'CustomAuthenticationExtension.ReadWrite.All';

/** The key a validation of typed (unsaved) values is kept under: another URL or id typed is another key. */
export function draftValidationKey(targetUrl: string, resourceId: string): string {
	return `draft ${targetUrl.trim()} ${resourceId.trim()}`;
}

/**
 * Every extension with the flows that run it: the flows list on screen already is reused, so the extensions
 * and every flow's two handlers are one round of requests.
 */
export function loadTenantExtensions(options?: LoadOptions): Effect {
	return async (context) => {
		const flows = selectResource(context.getState(), 'userFlows').data;
		await context.run(
			load(
				'tenantExtensions',
				'',
				'Reading the tenant’s custom extensions',
				(graph) => readExtensionsInUse(graph, flows),
				options,
			),
		);
	};
}

function rowOf(state: AppState, extensionId: string): ExtensionInUse | undefined {
	return selectResource(state, 'tenantExtensions').data?.find((row) => row.extension.id === extensionId);
}

const named = (row: ExtensionInUse) => `“${display(row.extension.displayName ?? row.extension.id)}”`;

/** Opens the form: empty to create, filled from the extension to change it. */
export function openExtensionForm(extensionId?: string): Effect {
	return async (context) => {
		const row = extensionId ? rowOf(context.getState(), extensionId) : undefined;
		if (extensionId && !row) return;
		context.dispatch({ type: 'overlay/opened', overlay: extensionForm(row?.extension) });
	};
}

function reread(context: EffectContext) {
	return context.run(loadTenantExtensions({ force: true }));
}

/** Saves the form: creates, or sends only the changed fields; a refused or failed save keeps it as typed. */
export function saveExtensionForm(): Effect {
	const self: Effect = async (context) => {
		const form = context.getState().overlay;
		if (form?.kind !== 'extensionForm' || form.saving) return;
		const row = form.extensionId ? rowOf(context.getState(), form.extensionId) : undefined;
		const { errors, warnings, changes } = checkExtensionForm(form, row?.extension);
		if (Object.keys(errors).length > 0)
			return context.dispatch({ type: 'tenantForm/rejected', errors, warnings });
		if (row && Object.keys(changes).length === 0) {
			return context.dispatch({
				type: 'tenantForm/rejected',
				errors: { form: 'Nothing changed: edit a field, or esc to close.' },
			});
		}
		context.dispatch({ type: 'tenantForm/saveStarted' });
		const name = display(form.values.name.trim());
		const spec = {
			id: `extension:save:${form.extensionId ?? 'new'}`,
			verb: row ? `Saving ${named(row)}` : `Creating the extension “${name}”`,
			failure: row ? `Could not save ${named(row)}` : `Could not create the extension “${name}”`,
			permission,
		};
		const outcome = row
			? await operate(
					context,
					self,
					spec,
					() => updateExtension(context.deps.graph, row.extension, changes),
					{
						done: () => `Saved “${name}”`,
						unchanged: () => `“${name}” has those settings already`,
						refused: extensionRefusalText,
					},
					() => reread(context),
				)
			: await operate(
					context,
					self,
					spec,
					() =>
						createExtension(context.deps.graph, {
							...changes,
							event: form.event,
							displayName: changes.displayName ?? '',
							targetUrl: changes.targetUrl ?? '',
							resourceId: changes.resourceId ?? '',
						}),
					{
						done: (created) =>
							`Created the ${form.event} extension “${name}” (${display(created.id ?? '')}); v validates it`,
						unchanged: () => `“${name}” exists already`,
					},
					() => reread(context),
				);
		const now = context.getState().overlay;
		if (now?.kind !== 'extensionForm') return;
		if (outcome?.kind === 'done' || outcome?.kind === 'unchanged') {
			context.dispatch({ type: 'overlay/closed' });
		} else {
			context.dispatch({ type: 'tenantForm/rejected', errors: { form: failureText(context) } });
		}
	};
	return self;
}

/** Validates the target URL and resource id typed in the form, before saving (a read: nothing changes). */
export function validateExtensionForm(): Effect {
	return async (context) => {
		const form = context.getState().overlay;
		if (form?.kind !== 'extensionForm') return;
		const targetUrl = form.values.targetUrl.trim();
		const resourceId = form.values.resourceId.trim();
		if (!targetUrl || !resourceId) {
			return context.dispatch({
				type: 'tenantForm/rejected',
				errors: {
					...form.errors,
					...(targetUrl ? {} : { targetUrl: 'Validation needs the target URL.' }),
					...(resourceId ? {} : { resourceId: 'Validation needs the resource id.' }),
				},
			});
		}
		await context.run(
			load(
				'extensionValidation',
				draftValidationKey(targetUrl, resourceId),
				'Validating the target URL and resource id',
				(graph) => validateExtension(graph, { targetUrl, resourceId }),
				{ force: true },
			),
		);
	};
}

/** Asks y/n before deleting; refused at once, naming the flows, while a flow runs it (as the list shows). */
export function askDeleteExtension(extensionId: string): Effect {
	return async (context) => {
		const row = rowOf(context.getState(), extensionId);
		if (!row) return;
		if (row.flows.length > 0) {
			return context.dispatch({
				type: 'flash/shown',
				level: 'error',
				text: `Could not delete ${named(row)}: ${extensionRefusalText({
					rule: 'extensionInUse',
					extension: extensionRef(row.extension),
					flows: row.flows.map((user) => user.flow),
				})}`,
			});
		}
		context.dispatch({
			type: 'overlay/opened',
			overlay: {
				kind: 'confirm',
				message: `Delete the custom authentication extension ${named(row)} (${display(row.extension.id)})? No flow runs it; it cannot be brought back.`,
				intent: { type: 'deleteTenantExtension', extensionId },
			},
		});
	};
}

/** Deletes the extension (the operation checks again that no flow runs it). */
export function deleteTenantExtension(extensionId: string): Effect {
	const self: Effect = async (context) => {
		const row = rowOf(context.getState(), extensionId);
		if (!row) return;
		await operate(
			context,
			self,
			{
				id: `extension:delete:${extensionId}`,
				verb: `Deleting ${named(row)}`,
				failure: `Could not delete ${named(row)}`,
				target: `tenant-extension:${extensionId}`,
				permission,
			},
			() => deleteExtension(context.deps.graph, row.extension),
			{
				done: () => `Deleted the extension ${named(row)}`,
				unchanged: () => `${named(row)} was deleted meanwhile; nothing to do`,
				refused: extensionRefusalText,
			},
			() => reread(context),
		);
	};
	return self;
}
