import { escapeHtml } from './html.js';

/** A provider button on the sign-in page. */
export type ProviderChoice = { readonly id: string; readonly displayName: string };

/** What the sign-in and sign-up forms need. */
export type FormState = {
	readonly base: string;
	readonly transaction: string;
	readonly email?: string;
	readonly error?: string;
};

const hiddenTransaction = (transaction: string) =>
	`<input type="hidden" name="txn" value="${escapeHtml(transaction)}">`;

function errorBanner(error: string | undefined): string {
	return error ? `<div class="banner" role="alert" id="form-error">${escapeHtml(error)}</div>` : '';
}

/** Sign in with email and password, a link to sign up when the flow allows it, and the social providers. */
export function signInBody(
	state: FormState,
	options: { signUp: boolean; social: readonly ProviderChoice[] },
): string {
	const signUp = options.signUp
		? `<p>No account? <a id="create-account" href="${escapeHtml(`${state.base}/signup?txn=${encodeURIComponent(state.transaction)}`)}">Create one</a></p>`
		: '';
	const social = options.social
		.map(
			(provider) =>
				`<form method="post" action="${escapeHtml(`${state.base}/federation`)}">${hiddenTransaction(state.transaction)}<input type="hidden" name="idp" value="${escapeHtml(provider.id)}"><button type="submit" class="secondary">Sign in with ${escapeHtml(provider.displayName)}</button></form>`,
		)
		.join('\n');
	return `<h1>Sign in</h1>
${errorBanner(state.error)}
<form method="post" action="${escapeHtml(`${state.base}/signin`)}">
${hiddenTransaction(state.transaction)}
<div class="field"><label for="email">Email address</label><input type="email" id="email" name="email" value="${escapeHtml(state.email ?? '')}" autocomplete="username" required></div>
<div class="field"><label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required></div>
<button type="submit" id="sign-in">Sign in</button>
</form>
${signUp}
${social ? `<div class="providers"><p>Other ways to sign in</p>${social}</div>` : ''}`;
}

/** The first sign-up step: the email address and a new password. */
export function signUpBody(state: FormState): string {
	return `<h1>Create account</h1>
${errorBanner(state.error)}
<form method="post" action="${escapeHtml(`${state.base}/signup`)}">
${hiddenTransaction(state.transaction)}
<div class="field"><label for="email">Email address</label><input type="email" id="email" name="email" value="${escapeHtml(state.email ?? '')}" autocomplete="username" required></div>
<div class="field"><label for="password">New password</label><input type="password" id="password" name="password" autocomplete="new-password" required></div>
<button type="submit" id="next">Next</button>
</form>
<p><a href="${escapeHtml(`${state.base}/signin?txn=${encodeURIComponent(state.transaction)}`)}">Sign in instead</a></p>`;
}

/** An extension's showBlockPage: its title (default as the service's) and message, nothing to continue with. */
export function blockBody(title: string | undefined, message: string): string {
	return `<h1 id="block-title">${escapeHtml(title ?? "You can't sign up right now")}</h1>
<p id="block-message">${escapeHtml(message)}</p>`;
}

/** The details block Entra prints under an error. */
export type ErrorDetails = {
	readonly correlationId: string;
	readonly timestamp: string;
	readonly code?: string;
};

function detailsHtml(details: ErrorDetails): string {
	return `<p class="details">${details.code ? `${escapeHtml(details.code)}<br>` : ''}Correlation ID: ${escapeHtml(details.correlationId)}<br>Timestamp: ${escapeHtml(details.timestamp)}</p>`;
}

/** A protocol error Entra shows instead of redirecting (unknown app, redirect URI not registered…). */
export function protocolErrorBody(message: string, details: ErrorDetails): string {
	return `<h1>Sorry, but we're having trouble signing you in.</h1>
<p id="error-message">${escapeHtml(message)}</p>
${detailsHtml(details)}`;
}

/** What a customer sees when an extension failed: nothing about the cause (that goes to the sign-in log). */
export function extensionErrorBody(details: ErrorDetails): string {
	return `<h1>Something went wrong.</h1>
<p id="error-message">Contact your IT department if the problem persists.</p>
${detailsHtml({ correlationId: details.correlationId, timestamp: details.timestamp })}`;
}

/** A page the real service never finishes: a spinner that never stops. */
export function hangingBody(): string {
	return '<h1>Create account</h1>\n<div class="spinner" role="progressbar" aria-label="Loading"></div>';
}

/** A provider whose sign-in leaves the emulated world (Google, Facebook). */
export function federationBody(state: FormState, provider: string): string {
	return `<h1>Sign in with ${escapeHtml(provider)}</h1>
<p id="error-message">This provider's own sign-in page is not part of the emulator.</p>
<p><a href="${escapeHtml(`${state.base}/signin?txn=${encodeURIComponent(state.transaction)}`)}">Back to sign in</a></p>`;
}
