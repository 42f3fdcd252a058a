import { randomUUID } from 'node:crypto';
import type { CustomerRecord } from '../types.js';
import { type Answer, errorDetails, pageAnswer } from './answers.js';
import { attributePageBody, fieldName } from './attribute-page.js';
import { type CalloutContext, type CalloutOutcome, runCallout } from './callouts.js';
import type { ExtensionEvent } from './extension-call.js';
import { flowPage, formValue, type Journey, logCallout, openLog, typedValues } from './journey.js';
import { type FieldValue, fieldError, type PageField } from './page-model.js';
import { blockBody, extensionErrorBody, hangingBody } from './pages.js';
import { hashPassword } from './passwords.js';
import { finish, type StepDeps, showSignUp } from './steps.js';

// Sign-up: email and password, the start extension, the attribute collection page, the submit extension, the account.

const page = (deps: StepDeps, journey: Journey, title: string, body: string, status = 200) =>
	pageAnswer(deps.site, title, body, { status, lang: journey.request.locale });

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// The password rule of customer accounts: 8 to 256 characters with three of the four character kinds.
function passwordProblem(password: string): string | undefined {
	const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length;
	if (password.length >= 8 && password.length <= 256 && kinds >= 3) return undefined;
	return 'Your password must be 8 to 256 characters long and contain three of these: lowercase letters, uppercase letters, digits and symbols.';
}

function calloutContext(deps: StepDeps, journey: Journey, email: string): CalloutContext {
	return {
		tenant: deps.tenant,
		flow: journey.request.flow,
		application: journey.request.application,
		correlationId: journey.correlationId,
		locale: journey.request.locale,
		ip: journey.ip,
		email,
		quirks: deps.quirks,
		trust: deps.trust,
		token: (audience) => deps.tokens.extensionToken(audience),
	};
}

async function callout(
	deps: StepDeps,
	journey: Journey,
	event: ExtensionEvent,
	fields: readonly PageField[],
): Promise<CalloutOutcome> {
	const signUp = journey.signUp!;
	const values = { ...typedValues(fields, signUp.values), email: signUp.email };
	const outcome = await runCallout(event, calloutContext(deps, journey, signUp.email), values);
	if (outcome.called) logCallout(deps.tenant, journey, event, outcome);
	return outcome;
}

/** The customer sees only a generic error; the cause is in the sign-in log. */
function extensionFailed(deps: StepDeps, journey: Journey, code: number): Answer {
	deps.tenant.touch();
	return page(
		deps,
		journey,
		'Something went wrong',
		extensionErrorBody(errorDetails(journey.correlationId, String(code))),
		500,
	);
}

function attributesAnswer(
	deps: StepDeps,
	journey: Journey,
	fields: readonly PageField[],
	errors: Record<string, string> = {},
	banner?: string,
	status = 200,
): Answer {
	const body = attributePageBody(fields, {
		action: `${journey.base}/attributes`,
		transaction: journey.id,
		values: journey.signUp!.values,
		errors,
		...(banner ? { banner } : {}),
	});
	return page(deps, journey, 'Create account', body, status);
}

/** Email and password checked, then the start extension, then the attribute collection page. */
export async function signUp(deps: StepDeps, journey: Journey, form: URLSearchParams): Promise<Answer> {
	if (!journey.request.flow.isSignUpAllowed) return showSignUp(deps, journey);
	const email = (form.get('email') ?? '').trim();
	const password = form.get('password') ?? '';
	if (!emailShape.test(email))
		return showSignUp(deps, journey, email, 'Please enter a valid email address.', 400);
	if (deps.tenant.findCustomer(email)) {
		return showSignUp(
			deps,
			journey,
			email,
			'An account with this email address already exists. Sign in instead.',
			400,
		);
	}
	const problem = passwordProblem(password);
	if (problem) return showSignUp(deps, journey, email, problem, 400);
	const model = flowPage(journey.request.flow, deps.tenant);
	const fields = model.renders ? model.fields : [];
	const values: Record<string, FieldValue> = {};
	for (const field of fields)
		if (field.defaultValue !== null) values[field.attribute] = formValue(field, field.defaultValue);
	values.email = email;
	journey.signUp = { email, passwordHash: await hashPassword(password), values };
	const start = await callout(deps, journey, 'attributeCollectionStart', fields);
	if (start.called && !start.result.ok) return extensionFailed(deps, journey, start.result.code);
	if (start.called && start.result.ok) {
		const { action } = start.result;
		if (action.type === 'showBlockPage')
			return page(deps, journey, 'Sign up', blockBody(action.title, action.message));
		if (action.type === 'setPrefillValues') {
			// Keys that are no field of the page are ignored, as documented.
			for (const field of fields) {
				if (Object.hasOwn(action.inputs, field.attribute))
					values[field.attribute] = formValue(field, action.inputs[field.attribute]);
			}
		}
	}
	if (!model.renders) {
		// The hosted page is known to hang on such a layout; the emulator says why in the sign-in log.
		const log = openLog(deps.tenant, journey);
		log.failureReason = `The sign-up page never renders: ${model.problems.map((problem) => `${problem.attribute}: ${problem.reason}`).join('; ')}.`;
		deps.tenant.touch();
		return pageAnswer(deps.site, 'Create account', hangingBody(), {
			lang: journey.request.locale,
			state: 'hanging',
			note: 'Emulator: the real sign-up page never finishes loading for this layout. GET /_emulator/sign-ins says why.',
		});
	}
	if (fields.length === 0) return create(deps, journey, fields);
	return attributesAnswer(deps, journey, fields);
}

function submittedValue(field: PageField, form: URLSearchParams): FieldValue {
	const all = form.getAll(fieldName(field.attribute));
	if (field.kind === 'checkboxes') return all;
	if (field.kind === 'checkbox') return all.includes('true') ? 'true' : '';
	return all[0] ?? '';
}

/** The attribute page posted: checked as the page checks it, then the submit extension, then the account. */
export async function submitAttributes(
	deps: StepDeps,
	journey: Journey,
	form: URLSearchParams,
): Promise<Answer> {
	const signUp = journey.signUp;
	const model = flowPage(journey.request.flow, deps.tenant);
	if (!signUp || !model.renders) return showSignUp(deps, journey);
	const { fields } = model;
	// Hidden and read-only fields keep the values the page was drawn with, whatever was posted.
	for (const field of fields) {
		if (!field.hidden && !field.readOnly) signUp.values[field.attribute] = submittedValue(field, form);
	}
	const errors: Record<string, string> = {};
	const hiddenProblems: string[] = [];
	for (const field of fields) {
		const message = fieldError(field, signUp.values[field.attribute]);
		if (!message) continue;
		if (field.hidden) hiddenProblems.push(`${field.labelText}: ${message}`);
		else errors[field.attribute] = message;
	}
	if (Object.keys(errors).length > 0 || hiddenProblems.length > 0) {
		return attributesAnswer(deps, journey, fields, errors, hiddenProblems.join(' ') || undefined, 400);
	}
	const submit = await callout(deps, journey, 'attributeCollectionSubmit', fields);
	if (submit.called && !submit.result.ok) return extensionFailed(deps, journey, submit.result.code);
	if (submit.called && submit.result.ok) {
		const { action } = submit.result;
		if (action.type === 'showBlockPage')
			return page(deps, journey, 'Sign up', blockBody(action.title, action.message));
		if (action.type === 'showValidationError') {
			const fieldErrors: Record<string, string> = {};
			for (const field of fields) {
				const text = action.attributeErrors[field.attribute];
				if (text !== undefined && !field.hidden) fieldErrors[field.attribute] = text;
			}
			return attributesAnswer(deps, journey, fields, fieldErrors, action.message);
		}
		if (action.type === 'modifyAttributeValues') {
			// Only the flow's attributes can be overwritten; extra keys are ignored.
			for (const field of fields) {
				if (Object.hasOwn(action.attributes, field.attribute)) {
					signUp.values[field.attribute] = formValue(field, action.attributes[field.attribute]);
				}
			}
		}
	}
	return create(deps, journey, fields);
}

function create(deps: StepDeps, journey: Journey, fields: readonly PageField[]): Answer {
	const signUp = journey.signUp!;
	const { flow, application } = journey.request;
	const typed = typedValues(fields, signUp.values);
	const stored: CustomerRecord['attributes'] = { email: signUp.email };
	for (const input of (flow.attributeCollection?.views ?? []).flatMap((view) => view.inputs)) {
		const value = typed[input.attribute];
		if (input.writeToDirectory !== false && value !== undefined) stored[input.attribute] = value;
	}
	const customer: CustomerRecord = {
		id: randomUUID(),
		email: signUp.email,
		displayName: typeof stored.displayName === 'string' ? stored.displayName : null,
		userType: flow.userTypeToCreate ?? 'member',
		createdDateTime: new Date().toISOString(),
		passwordHash: signUp.passwordHash,
		attributes: stored,
		createdBy: { flowId: flow.id, appId: application.appId },
	};
	deps.tenant.customers.push(customer);
	deps.tenant.touch();
	return finish(deps, journey, customer);
}
