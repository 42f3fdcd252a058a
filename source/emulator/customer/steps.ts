import type { SecureContext } from 'node:tls';
import type { Quirks } from '../quirks.js';
import type { TenantStore } from '../tenant.js';
import type { CustomerRecord } from '../types.js';
import { type Answer, backToApp, type PageSite, pageAnswer } from './answers.js';
import type { CustomerTokens } from './codes.js';
import { type Journey, openLog } from './journey.js';
import { federationBody, type ProviderChoice, signInBody, signUpBody } from './pages.js';
import { verifyPassword } from './passwords.js';

/** What every step may use. */
export type StepDeps = {
	readonly tenant: TenantStore;
	readonly quirks: Quirks;
	readonly tokens: CustomerTokens;
	/** What calls to extensions trust. */
	readonly trust: SecureContext;
	readonly site: PageSite;
};

const localProviders = new Set(['emailpassword-oauth', 'emailotpsignup-oauth']);

function socialProviders(deps: StepDeps, journey: Journey): ProviderChoice[] {
	return journey.request.flow.providerIds
		.filter((id) => !localProviders.has(id.toLowerCase()))
		.map((id) => ({ id, displayName: deps.tenant.findProvider(id)?.displayName ?? id }));
}

const page = (deps: StepDeps, journey: Journey, title: string, body: string, status = 200) =>
	pageAnswer(deps.site, title, body, { status, lang: journey.request.locale });

/** The sign-in page (or the sign-up form straight away for prompt=create on a flow that allows sign-up). */
export function showSignIn(
	deps: StepDeps,
	journey: Journey,
	email?: string,
	error?: string,
	status = 200,
): Answer {
	if (journey.request.prompt === 'create' && journey.request.flow.isSignUpAllowed && email === undefined) {
		return showSignUp(deps, journey);
	}
	const body = signInBody(
		{
			base: journey.base,
			transaction: journey.id,
			...(email === undefined ? {} : { email }),
			...(error ? { error } : {}),
		},
		{ signUp: journey.request.flow.isSignUpAllowed, social: socialProviders(deps, journey) },
	);
	return page(deps, journey, 'Sign in', body, status);
}

/** The first sign-up form. */
export function showSignUp(
	deps: StepDeps,
	journey: Journey,
	email?: string,
	error?: string,
	status = 200,
): Answer {
	if (!journey.request.flow.isSignUpAllowed)
		return showSignIn(deps, journey, email, 'Sign-up is not available for this application.', 403);
	const body = signUpBody({
		base: journey.base,
		transaction: journey.id,
		...(email === undefined ? {} : { email }),
		...(error ? { error } : {}),
	});
	return page(deps, journey, 'Create account', body, status);
}

/** Ends the journey at the app: a code and/or id_token as the request asked. */
export function finish(deps: StepDeps, journey: Journey, customer: CustomerRecord): Answer {
	const { request } = journey;
	const log = openLog(deps.tenant, journey);
	log.userPrincipalName = customer.email;
	deps.tenant.touch();
	const parameters: Record<string, string> = {};
	if (request.responseType.includes('code')) {
		parameters.code = deps.tokens.issueCode({
			clientId: request.application.appId,
			redirectUri: request.redirectUri,
			redirectKind: request.redirectKind,
			scope: request.scope,
			nonce: request.nonce,
			codeChallenge: request.codeChallenge,
			codeChallengeMethod: request.codeChallengeMethod,
			customer,
		});
	}
	if (request.responseType.includes('id_token')) {
		parameters.id_token = deps.tokens.idToken(request.application.appId, customer, request.nonce);
	}
	return backToApp(deps.site, journey, parameters);
}

/** Email and password against the tenant's customers. */
export async function signIn(deps: StepDeps, journey: Journey, form: URLSearchParams): Promise<Answer> {
	const email = (form.get('email') ?? '').trim();
	const customer = deps.tenant.findCustomer(email);
	if (!customer || !(await verifyPassword(form.get('password') ?? '', customer.passwordHash))) {
		return showSignIn(deps, journey, email, 'Your email address or password is incorrect.', 400);
	}
	return finish(deps, journey, customer);
}

/** A social provider's button: its own sign-in page is outside the emulated world. */
export function federation(deps: StepDeps, journey: Journey, form: URLSearchParams): Answer {
	const id = form.get('idp') ?? '';
	const name = deps.tenant.findProvider(id)?.displayName ?? id;
	return page(
		deps,
		journey,
		'Sign in',
		federationBody({ base: journey.base, transaction: journey.id }, name),
		501,
	);
}
