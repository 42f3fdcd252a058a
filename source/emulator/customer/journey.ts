import { randomUUID } from 'node:crypto';
import type { TenantStore } from '../tenant.js';
import type { AttributeRecord, AuthenticationEventRecord, FlowRecord, SignInLogRecord } from '../types.js';
import type { AuthorizeRequest } from './authorize-request.js';
import type { CalloutOutcome, TypedValue } from './callouts.js';
import { buildPageModel, type FieldValue, type PageField, type PageModel } from './page-model.js';

/** One customer's way through the pages, from the authorize request to the redirect. */
export type Journey = {
	readonly id: string;
	readonly request: AuthorizeRequest;
	/** The tenant segment of the URL the customer came in on, kept for the form actions. */
	readonly base: string;
	readonly correlationId: string;
	readonly createdAt: number;
	readonly ip: string;
	/** Set by the first sign-up step. */
	signUp?: { email: string; passwordHash: string; values: Record<string, FieldValue> };
	log?: SignInLogRecord;
};

/** Journeys by id, forgotten after an hour. */
export class Journeys {
	readonly #journeys = new Map<string, Journey>();

	start(request: AuthorizeRequest, base: string, ip: string): Journey {
		this.#sweep();
		const journey: Journey = {
			id: randomUUID(),
			request,
			base,
			correlationId: randomUUID(),
			createdAt: Date.now(),
			ip,
		};
		this.#journeys.set(journey.id, journey);
		return journey;
	}

	get(id: string | null): Journey | undefined {
		return id ? this.#journeys.get(id) : undefined;
	}

	end(journey: Journey): void {
		this.#journeys.delete(journey.id);
	}

	#sweep(): void {
		const cutoff = Date.now() - 60 * 60 * 1000;
		for (const [id, journey] of this.#journeys) if (journey.createdAt < cutoff) this.#journeys.delete(id);
	}
}

/** The flow's attributes in flow order (dangling ids skipped). */
export function flowAttributes(flow: FlowRecord, tenant: TenantStore): AttributeRecord[] {
	return (flow.attributeCollection?.attributeIds ?? []).flatMap((id) => tenant.findAttribute(id) ?? []);
}

/** The page model of the flow's layout exactly as stored. */
export function flowPage(flow: FlowRecord, tenant: TenantStore): PageModel {
	const inputs = (flow.attributeCollection?.views ?? []).flatMap((view) => view.inputs);
	return buildPageModel(inputs, flowAttributes(flow, tenant));
}

/** A field's value in the directory's type: booleans and whole numbers typed, multiple choices comma-delimited. */
export function typedValue(field: PageField, value: FieldValue): TypedValue | undefined {
	const list = value === undefined ? [] : typeof value === 'string' ? [value] : value;
	if (field.kind === 'checkbox') return list.includes('true');
	if (field.kind === 'checkboxes') return list.join(',');
	const text = list[0];
	if (text === undefined) return undefined;
	if (field.dataType === 'int64') return /^-?[0-9]+$/.test(text) ? Number(text) : text;
	return text;
}

/** An extension's value (prefill or modify) as the field's form value; undefined when it cannot fit. */
export function formValue(field: PageField, value: unknown): FieldValue {
	if (value === null || value === undefined) return undefined;
	if (field.kind === 'checkbox')
		return value === true || String(value).toLowerCase() === 'true' ? 'true' : '';
	if (field.kind === 'checkboxes')
		return String(value)
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean);
	return typeof value === 'object' ? undefined : String(value);
}

/** The typed values of every field that has one. */
export function typedValues(
	fields: readonly PageField[],
	values: Readonly<Record<string, FieldValue>>,
): Record<string, TypedValue> {
	const result: Record<string, TypedValue> = {};
	for (const field of fields) {
		const typed = typedValue(field, values[field.attribute]);
		if (typed !== undefined && typed !== '') result[field.attribute] = typed;
	}
	return result;
}

/** Adds an extension call to the journey's sign-in log entry (created on first use) and returns the entry. */
export function logCallout(
	tenant: TenantStore,
	journey: Journey,
	event: AuthenticationEventRecord['event'],
	outcome: CalloutOutcome,
): SignInLogRecord {
	const log = openLog(tenant, journey);
	if (outcome.called) {
		const { result } = outcome;
		log.authenticationEvents.push({
			event,
			customAuthenticationExtensionId: outcome.extensionId,
			errorCode: result.ok ? 0 : result.code,
			result: result.ok ? result.action.type : result.name,
			detail: result.ok ? 'The extension answered within its limits.' : result.detail,
			attempts: result.attempts,
			durationMs: result.durationMs,
		});
		if (!result.ok) {
			log.errorCode = result.code;
			log.failureReason = `${result.name}: ${result.detail}`;
		}
	}
	tenant.touch();
	return log;
}

/** The journey's sign-in log entry, created the first time something is worth logging. */
export function openLog(tenant: TenantStore, journey: Journey): SignInLogRecord {
	if (!journey.log) {
		journey.log = {
			id: randomUUID(),
			createdDateTime: new Date(journey.createdAt).toISOString(),
			correlationId: journey.correlationId,
			appId: journey.request.application.appId,
			flowId: journey.request.flow.id,
			userPrincipalName: journey.signUp?.email ?? null,
			errorCode: 0,
			failureReason: null,
			authenticationEvents: [],
		};
		tenant.signInLogs.push(journey.log);
		// Keep the log bounded for long-running demos.
		if (tenant.signInLogs.length > 500) tenant.signInLogs.splice(0, tenant.signInLogs.length - 500);
	}
	return journey.log;
}
