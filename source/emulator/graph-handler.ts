import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditBefore, recordAudit } from './audit-trail.js';
import type { Authorize } from './authorize.js';
import { type ErrorIds, errorBody, GraphError } from './errors.js';
import type { FaultInjector } from './fault-injector.js';
import { bearerChallenge, faultOutcome, malformedBody } from './fault-outcome.js';
import { type FaultRule, parseFaultRule } from './fault-spec.js';
import { graphHeaders, send, sendJson } from './http-io.js';
import type { Quirks } from './quirks.js';
import type { LogEntry } from './request-log.js';
import { pickMethod, type Route, type RouteContext, resolveRoute, splitPath } from './router.js';
import { TenantStore } from './tenant.js';
import type { ApiVersion } from './types.js';

/** What the Graph pipeline needs from the server. */
export type GraphDeps = {
	tenant: TenantStore;
	quirks: Quirks;
	pageSize: number;
	maxPageSize: number;
	origin: string;
	routes: Route[];
	faults: FaultInjector;
	authorize: Authorize;
	/** Called after a request changed the tenant (saves the state file). */
	saved: () => void;
	/** Aborted when the emulator closes, to cut latency waits short. */
	closing: AbortSignal;
};

/** One request's parsed address. */
type Target = { version: ApiVersion; rawPath: string; query: URLSearchParams };

/** A finished answer: JSON body or none. */
type Answer = { status: number; headers: Record<string, string>; json?: unknown };

const bodyMethods = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** The Graph error answer for a GraphError; 401s carry a Bearer challenge. */
function errorAnswer(error: GraphError, ids: ErrorIds): Answer {
	const challenge: Record<string, string> =
		error.status === 401 ? { 'WWW-Authenticate': bearerChallenge } : {};
	return {
		status: error.status,
		headers: { ...challenge, ...error.headers },
		json: errorBody(error.code, error.message, ids),
	};
}

function parseJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		throw new GraphError(
			400,
			'BadRequest',
			'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
		);
	}
}

function readBody(request: IncomingMessage, rawBody: string, quirks: Quirks): unknown {
	const method = request.method ?? 'GET';
	if (!bodyMethods.has(method) || rawBody.trim() === '') return undefined;
	const type = request.headers['content-type'] ?? '';
	if (quirks.contentType === 'required' && !/^application\/json\b/i.test(type)) {
		throw new GraphError(
			415,
			'UnsupportedMediaType',
			`The Content-Type '${type}' is not supported; send JSON as application/json.`,
		);
	}
	return parseJson(rawBody);
}

// Routing and unknown-method errors come before auth, so a wrong URL is reported as such even without a token.
function run(
	request: IncomingMessage,
	rawBody: string,
	deps: GraphDeps,
	target: Target,
	ids: ErrorIds,
): Answer {
	try {
		const segments = splitPath(target.rawPath);
		const { route, params } = resolveRoute(deps.routes, segments);
		const spec = pickMethod(route, request.method ?? 'GET');
		const verdict = deps.authorize(request.headers.authorization, {
			permission: spec.permission,
			write: spec.write,
		});
		if (!verdict.ok) throw new GraphError(verdict.status, verdict.code, verdict.message);
		const context: RouteContext = {
			method: request.method ?? 'GET',
			...target,
			params,
			body: readBody(request, rawBody, deps.quirks),
			tenant: deps.tenant,
			quirks: deps.quirks,
			origin: deps.origin,
			pageSize: deps.pageSize,
			maxPageSize: deps.maxPageSize,
		};
		const before = deps.tenant.revision;
		const audit = spec.write ? auditBefore(context, segments) : undefined;
		const reply = spec.handler(context);
		if (deps.tenant.revision !== before) {
			if (audit) recordAudit(audit, reply, context, request.headers.authorization);
			deps.saved();
		}
		return { status: reply.status, headers: reply.headers ?? {}, json: reply.body };
	} catch (error) {
		if (error instanceof GraphError) return errorAnswer(worded(error, deps.quirks), ids);
		throw error;
	}
}

// The directory's usual sentence for a refused write: it names no rule (see the `messages` quirk).
const genericRefusal = 'One or more properties contains invalid values.';

/** A business-rule refusal as the `messages` quirk words it; other errors keep their text. */
function worded(error: GraphError, quirks: Quirks): GraphError {
	if (quirks.messages === 'explained' || error.code !== 'Request_BadRequest') return error;
	return new GraphError(error.status, error.code, genericRefusal, error.headers);
}

type Pick = { rule: FaultRule | null; lag: FaultRule | null; latencyMs: number; label: string | null };

// The x-emulator-fault header forces one rule for this call, ignoring the rule's matching options.
function pickFault(request: IncomingMessage, deps: GraphDeps, path: string): Pick {
	const forced = request.headers['x-emulator-fault'];
	if (typeof forced !== 'string' || forced.trim() === '') {
		const pick = deps.faults.pick(request.method ?? 'GET', path);
		return { rule: pick.fault, lag: pick.lag, latencyMs: pick.latencyMs, label: pick.label };
	}
	let rule: FaultRule;
	try {
		rule = parseFaultRule(forced);
	} catch (error) {
		throw new GraphError(400, 'BadRequest', (error as Error).message);
	}
	if (rule.id === 'F-L1')
		return { rule: null, lag: null, latencyMs: deps.faults.latency(rule), label: rule.id };
	if (rule.id === 'F-C1') return { rule: null, lag: rule, latencyMs: 0, label: rule.id };
	return { rule, lag: null, latencyMs: 0, label: rule.id };
}

/**
 * Runs the request with read lag (F-C1): a read while a lag lasts answers from the tenant before the write;
 * a write that an F-C1 rule matched and that changed the tenant opens a lag.
 */
function runLagging(
	request: IncomingMessage,
	rawBody: string,
	deps: GraphDeps,
	target: Target,
	ids: ErrorIds,
	context: { path: string; lag: FaultRule | null; entry: LogEntry },
): Answer {
	const now = Date.now();
	if ((request.method ?? 'GET') === 'GET') {
		const stale = deps.faults.lag.read(context.path, now);
		if (!stale) return run(request, rawBody, deps, target, ids);
		context.entry.fault = context.entry.fault ? `${context.entry.fault}+F-C1` : 'F-C1';
		return run(request, rawBody, { ...deps, tenant: new TenantStore(stale) }, target, ids);
	}
	if (!context.lag) return run(request, rawBody, deps, target, ids);
	const before = structuredClone(deps.tenant.state);
	const revision = deps.tenant.revision;
	const result = run(request, rawBody, deps, target, ids);
	if (deps.tenant.revision !== revision) deps.faults.lag.wrote(context.lag, before, now);
	return result;
}

function decodePath(rawPath: string): string {
	try {
		return decodeURIComponent(rawPath);
	} catch {
		return rawPath;
	}
}

/** Serves one /v1.0 or /beta request, faults included; `entry` is its log line. */
export async function handleGraph(
	request: IncomingMessage,
	response: ServerResponse,
	rawBody: string,
	deps: GraphDeps,
	entry: LogEntry,
): Promise<void> {
	const url = new URL(request.url ?? '/', deps.origin);
	const [, version, ...rest] = url.pathname.split('/');
	const target: Target = {
		version: version as ApiVersion,
		rawPath: `/${rest.join('/')}`,
		query: url.searchParams,
	};
	const ids: ErrorIds = {
		requestId: entry.requestId,
		clientRequestId: entry.clientRequestId ?? entry.requestId,
	};
	const headers = graphHeaders(ids.requestId, ids.clientRequestId);
	const answer = (result: Answer) => {
		const all = { ...headers, ...result.headers };
		if (result.json === undefined) send(response, result.status, all);
		else sendJson(response, result.status, all, result.json);
	};
	let fault: Pick;
	const path = decodePath(target.rawPath);
	try {
		fault = pickFault(request, deps, path);
	} catch (error) {
		answer(errorAnswer(error as GraphError, ids));
		return;
	}
	entry.fault = fault.label;
	if (fault.latencyMs > 0) {
		try {
			await sleep(fault.latencyMs, undefined, { signal: deps.closing });
		} catch {
			return;
		}
	}
	const outcome = fault.rule ? faultOutcome(fault.rule) : null;
	if (outcome?.type === 'hang') return;
	const apply = () => runLagging(request, rawBody, deps, target, ids, { path, lag: fault.lag, entry });
	if (outcome?.type === 'drop') {
		if (outcome.applyFirst) apply();
		request.socket.destroy();
		return;
	}
	const faultError = (status: number, code: string, message: string, extra: Record<string, string>) =>
		answer({ ...errorAnswer(new GraphError(status, code, message, extra), ids) });
	if (outcome && !outcome.applyFirst) {
		if (outcome.type === 'error') faultError(outcome.status, outcome.code, outcome.message, outcome.headers);
		else send(response, outcome.status, headers, malformedBody(outcome.kind, outcome.status, null));
		return;
	}
	const result = apply();
	// F-S3 and 2xx F-B0 apply the request first, then answer as if the gateway failed.
	if (outcome?.type === 'error') faultError(outcome.status, outcome.code, outcome.message, outcome.headers);
	else if (outcome?.type === 'malformed') {
		// A refused write was not applied: its mangled answer keeps the refusal's status, never a success.
		const status = result.status >= 400 ? result.status : outcome.status;
		const original = JSON.stringify(result.json ?? {});
		send(response, status, headers, malformedBody(outcome.kind, status, original));
	} else answer(result);
}
