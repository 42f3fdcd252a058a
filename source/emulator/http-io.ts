import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphError } from './errors.js';

const maxBody = 5 * 1024 * 1024;

/** Reads the whole request body as UTF-8; 413 when it is larger than 5 MiB. */
export function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= maxBody) chunks.push(chunk);
		});
		request.on('end', () => {
			if (size > maxBody)
				reject(new GraphError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
			else resolve(Buffer.concat(chunks).toString('utf8'));
		});
		request.on('error', reject);
	});
}

/** Content-Type Graph sends on JSON bodies. */
export const jsonType =
	'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

const diagnostic = JSON.stringify({
	ServerInfo: {
		DataCenter: 'Local Emulator',
		Slice: 'E',
		Ring: '0',
		ScaleUnit: '000',
		RoleInstance: 'EMULATOR01',
	},
});

/** Headers every Graph response carries, as Dev Proxy and the SDK chaos handler emulate them; Node adds Date. */
export function graphHeaders(requestId: string, clientRequestId: string): Record<string, string> {
	return {
		'request-id': requestId,
		'client-request-id': clientRequestId,
		'x-ms-ags-diagnostic': diagnostic,
		'Cache-Control': 'no-store',
		'Strict-Transport-Security': 'max-age=31536000',
	};
}

/** Sends a body (or none) with the given headers, unless the socket is already gone. */
export function send(
	response: ServerResponse,
	status: number,
	headers: Record<string, string>,
	body?: { contentType: string | null; text: string },
): void {
	if (response.headersSent || response.destroyed) return;
	const all: Record<string, string> = { ...headers };
	if (body?.contentType) all['Content-Type'] = body.contentType;
	// 204 must not carry a body or a length.
	if (status !== 204) all['Content-Length'] = String(Buffer.byteLength(body?.text ?? ''));
	response.writeHead(status, all);
	response.end(body && body.text !== '' ? body.text : undefined);
}

/** Sends JSON with Graph's content type. */
export function sendJson(
	response: ServerResponse,
	status: number,
	headers: Record<string, string>,
	value: unknown,
): void {
	send(
		response,
		status,
		{ ...headers, 'OData-Version': '4.0' },
		{ contentType: jsonType, text: JSON.stringify(value) },
	);
}
