import { UsageError } from './command.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An application (client) id must be a GUID: anything else is a usage error, refused before any request.
 * `flowWord` is the word before it: a word there too usually means a flow name with spaces, unquoted.
 */
export function requireAppId(appId: string, flowWord?: string): void {
	if (!guid.test(appId)) {
		const unquoted =
			flowWord && /^[^\d-]+$/.test(appId)
				? ` If "${flowWord} ${appId}" is the flow's name, put it in quotes.`
				: '';
		throw new UsageError(
			`"${appId}" is not an application (client) id: expected a GUID such as 3f50bdf7-1afb-4192-97ec-327636846440. List them with \`entra-flows tenant apps\`.${unquoted}`,
		);
	}
}
