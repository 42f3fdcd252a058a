import { invalid, notFound } from '../errors.js';
import { isObject, objectBody, onlyKeys, sameType } from '../json-check.js';
import { checkQuery, metadata } from '../odata.js';
import type { Handler, MethodSpec, Reply, Route, RouteContext } from '../router.js';
import type { EmailMethodRecord, JsonObject } from '../types.js';

// The email one-time passcode authentication method: with it enabled for all users, customers of a flow that
// offers Email with password can reset their password. GET and PATCH with the documented bodies; the update
// page says `@odata.type` "must be included", so a PATCH without it is refused.

const emailType = '#microsoft.graph.emailAuthenticationMethodConfiguration';
const states = ['enabled', 'disabled'];
const externalOtp = ['default', 'enabled', 'disabled', 'unknownFutureValue'];

const policyRead = (handler: Handler): MethodSpec => ({
	permission: 'Policy.Read.AuthenticationMethod',
	write: false,
	handler,
});
const policyWrite = (handler: Handler): MethodSpec => ({
	permission: 'Policy.ReadWrite.AuthenticationMethod',
	write: true,
	handler,
});

function renderEmail(method: EmailMethodRecord): JsonObject {
	return {
		'@odata.type': emailType,
		id: 'Email',
		state: method.state,
		allowExternalIdToUseEmailOtp: method.allowExternalIdToUseEmailOtp,
		// A navigation property that the documented GET returns inline.
		includeTargets: method.includeTargets,
		excludeTargets: method.excludeTargets,
	};
}

function emailOnly(context: RouteContext): void {
	// Only the email configuration is served; the others (sms, fido2, …) are outside what this tool manages.
	if (context.params.mid!.toLowerCase() !== 'email') throw notFound(context.params.mid!);
}

function getMethod(context: RouteContext): Reply {
	checkQuery(context.query, []);
	emailOnly(context);
	return {
		status: 200,
		body: {
			'@odata.context': metadata(context, 'authenticationMethodConfigurations/$entity'),
			...renderEmail(context.tenant.emailMethod),
		},
	};
}

function oneOf(body: Record<string, unknown>, key: string, allowed: readonly string[]): string | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw invalid(
			`The property '${key}' must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}.`,
		);
	}
	return value;
}

function targets(
	body: Record<string, unknown>,
	key: string,
	include: boolean,
): EmailMethodRecord['includeTargets'] {
	const value = body[key];
	if (!Array.isArray(value)) throw invalid(`The property '${key}' must be an array of targets.`);
	return value.map((item, index) => {
		if (!isObject(item) || typeof item.id !== 'string' || item.id === '') {
			throw invalid(`${key}[${index}] must be an object with an id.`);
		}
		const targetType = item.targetType ?? 'group';
		if (targetType !== 'group' && targetType !== 'user') {
			throw invalid(`${key}[${index}].targetType must be group or user, not ${JSON.stringify(targetType)}.`);
		}
		if (!include && item.isRegistrationRequired !== undefined) {
			throw invalid(`${key}[${index}]: isRegistrationRequired is not a property of an exclude target.`);
		}
		return { targetType, id: item.id, isRegistrationRequired: item.isRegistrationRequired === true };
	});
}

function patchMethod(context: RouteContext): Reply {
	checkQuery(context.query, []);
	emailOnly(context);
	const body = objectBody(context.body);
	if (body['@odata.type'] === undefined) {
		throw invalid(`The property '@odata.type' must be included in the request body; send '${emailType}'.`);
	}
	if (!sameType(body['@odata.type'], emailType)) {
		throw invalid(`The type '${String(body['@odata.type'])}' is not valid here; expected '${emailType}'.`);
	}
	onlyKeys(
		body,
		['id', 'state', 'allowExternalIdToUseEmailOtp', 'includeTargets', 'excludeTargets'],
		emailType.slice(1),
	);
	const method = context.tenant.emailMethod;
	const state = oneOf(body, 'state', states);
	const external = oneOf(body, 'allowExternalIdToUseEmailOtp', externalOtp);
	const include = body.includeTargets === undefined ? undefined : targets(body, 'includeTargets', true);
	const exclude =
		body.excludeTargets === undefined
			? undefined
			: targets(body, 'excludeTargets', false).map(({ targetType, id }) => ({ targetType, id }));
	if (state) method.state = state as EmailMethodRecord['state'];
	if (external) method.allowExternalIdToUseEmailOtp = external;
	if (include) method.includeTargets = include;
	if (exclude) method.excludeTargets = exclude;
	context.tenant.touch();
	return { status: 204 };
}

/** /policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{id}: GET and PATCH. */
export const authMethodRoutes: Route[] = [
	{
		pattern: ['policies', 'authenticationMethodsPolicy', 'authenticationMethodConfigurations', ':mid'],
		methods: { GET: policyRead(getMethod), PATCH: policyWrite(patchMethod) },
	},
];
