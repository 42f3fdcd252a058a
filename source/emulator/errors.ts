/** A Graph error a handler throws; the server turns it into the OData error body. */
export class GraphError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'GraphError';
	}
}

/** 404 with the directory wording Graph uses for a missing object or reference. */
export function notFound(id: string): GraphError {
	return new GraphError(
		404,
		'Request_ResourceNotFound',
		`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
	);
}

/** 400 for a business-rule violation, with the directory-style code `Request_BadRequest` Graph uses. */
export function invalid(message: string): GraphError {
	return new GraphError(400, 'Request_BadRequest', message);
}

/** 400 for a protocol-level problem (URL, query option, JSON syntax), OData-style code. */
export function badRequest(message: string): GraphError {
	return new GraphError(400, 'BadRequest', message);
}

/** Correlation ids echoed in every error body. */
export type ErrorIds = { requestId: string; clientRequestId: string };

/** The Graph error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
export function errorBody(code: string, message: string, ids: ErrorIds, now = new Date()) {
	return {
		error: {
			code,
			message,
			innerError: {
				// Graph prints the date without fraction or zone.
				date: now.toISOString().slice(0, 19),
				'request-id': ids.requestId,
				'client-request-id': ids.clientRequestId,
			},
		},
	};
}
