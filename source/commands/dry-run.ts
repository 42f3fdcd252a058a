import type { PlannedRequest } from '../graph/graph-client.js';
import { type EquivalentOptions, equivalentCommands } from '../inspect/equivalents.js';
import { maskSecrets } from '../inspect/mask.js';

/** The writes a --dry-run would have sent, as `--json` prints them: method, URL and body (secrets masked). */
export function plannedJson(
	planned: readonly PlannedRequest[],
): { method: string; url: string; body: unknown }[] {
	return planned.map((request) => ({
		method: request.method,
		url: request.url,
		body: request.requestBody === undefined ? null : maskSecrets(request.requestBody),
	}));
}

/** The writes a --dry-run would have sent, for people: each with its body and curl / az rest / PowerShell lines. */
export function plannedText(planned: readonly PlannedRequest[], options: EquivalentOptions = {}): string {
	if (planned.length === 0) return 'Dry run: no write would be sent.\n';
	const blocks = planned.map((request, index) => {
		const body = request.requestBody === undefined ? undefined : maskSecrets(request.requestBody);
		const commands = equivalentCommands(
			{ method: request.method, url: request.url, requestBody: body },
			options,
		);
		const indent = (text: string) => text.replace(/^/gm, '   ');
		return [
			`${index + 1}. ${request.method} ${request.url}`,
			...(request.note ? [`   (sent ${request.note})`] : []),
			...(request.refusal ? [`   would be refused: ${request.refusal}`] : []),
			...(body === undefined ? [] : [indent(JSON.stringify(body, null, 2))]),
			// Unlabelled, each on its own line, so a triple-click copies a command whole.
			`   ${commands.curl}`,
			`   ${commands.azRest}`,
			`   ${commands.powerShell}`,
		].join('\n');
	});
	const count = planned.length === 1 ? '1 write' : `${planned.length} writes`;
	return `Dry run: nothing was changed. ${count} would be sent, in this order (curl reads the token from $TOKEN; az rest and Invoke-MgGraphRequest sign in themselves):\n\n${blocks.join('\n\n')}\n`;
}
