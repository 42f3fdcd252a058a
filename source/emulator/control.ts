import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from './http-io.js';
import type { RequestLog } from './request-log.js';
import type { TenantStore } from './tenant.js';

/** What the control surface may do to the running emulator. */
export type ControlDeps = {
	tenant: TenantStore;
	log: RequestLog;
	faultSpec: () => string;
	setFaults: (spec: string) => void;
	reset: () => void;
};

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function json(response: ServerResponse, status: number, value: unknown): void {
	send(
		response,
		status,
		{ 'Cache-Control': 'no-store' },
		{ contentType: 'application/json', text: JSON.stringify(value) },
	);
}

function error(response: ServerResponse, status: number, code: string, message: string): void {
	json(response, status, { error: { code, message } });
}

/** Serves /_emulator/*: state, log, faults and reset, for tests that run out of process. No auth; loopback only. */
export function handleControl(
	request: IncomingMessage,
	response: ServerResponse,
	body: string,
	deps: ControlDeps,
): void {
	if (!loopback.has(request.socket.remoteAddress ?? '')) {
		error(response, 403, 'Forbidden', 'The emulator control surface answers loopback callers only.');
		return;
	}
	const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/$/, '');
	const route = `${request.method ?? 'GET'} ${path}`;
	switch (route) {
		case 'GET /_emulator/state':
			json(response, 200, deps.tenant.state);
			return;
		case 'GET /_emulator/sign-ins':
			json(response, 200, deps.tenant.signInLogs);
			return;
		case 'GET /_emulator/customers':
			// Never the password hashes.
			json(
				response,
				200,
				deps.tenant.customers.map(({ passwordHash, ...customer }) => ({
					...customer,
					hasPassword: passwordHash !== null,
				})),
			);
			return;
		case 'GET /_emulator/log':
			json(response, 200, deps.log.entries);
			return;
		case 'DELETE /_emulator/log':
			deps.log.clear();
			send(response, 204, {});
			return;
		case 'GET /_emulator/faults':
			json(response, 200, { spec: deps.faultSpec() });
			return;
		case 'PUT /_emulator/faults':
			try {
				deps.setFaults(body.trim());
			} catch (problem) {
				error(response, 400, 'BadRequest', (problem as Error).message);
				return;
			}
			send(response, 204, {});
			return;
		case 'POST /_emulator/reset':
			deps.reset();
			send(response, 204, {});
			return;
	}
	const known = [
		'/_emulator/state',
		'/_emulator/log',
		'/_emulator/faults',
		'/_emulator/reset',
		'/_emulator/sign-ins',
		'/_emulator/customers',
	];
	if (known.includes(path))
		error(response, 405, 'MethodNotAllowed', `${request.method} is not allowed on ${path}.`);
	else error(response, 404, 'NotFound', `No emulator control endpoint at ${path}.`);
}
