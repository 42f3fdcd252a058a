// The commands' words for the extension rules, and how an extension reads in a terminal.
import type { ExtensionEvent } from '../graph/extensions.js';
import type { ExtensionRefusal } from '../operations/extension-refusals.js';
import { CommandFailure } from './command.js';

export { extensionKind } from '../operations/extensions.js';

/** The events as the portal's page names them. */
export const eventWords: Readonly<Record<ExtensionEvent, string>> = {
	start: 'attribute collection start',
	submit: 'attribute collection submit',
};

/** What Microsoft does not document about detaching, said wherever a detach is offered. */
export const detachCaveat =
	'Microsoft documents no way to detach an extension from a user flow; entra-flows tries DELETE …/customExtension/$ref, then PATCH with the handler set to null, and reads the flow back to be sure.';

const named = (extension: { id: string; displayName: string }) =>
	`"${extension.displayName || extension.id}" (${extension.id})`;

/** Message and fix for an extension rule, as a CommandFailure that keeps the service's error for its ids. */
export function extensionRefusalFailure(
	refusal: ExtensionRefusal,
	error?: CommandFailure['refusal'],
): CommandFailure {
	switch (refusal.rule) {
		case 'extensionInUse':
			return new CommandFailure(
				`${named(refusal.extension)} is still run by ${refusal.flows.length} user flow(s): ${refusal.flows
					.map((flow) => `"${flow.displayName}"`)
					.join(', ')}. Nothing was deleted.`,
				`Detach it from each first: ${refusal.flows
					.map((flow) => `entra-flows flows extensions clear ${flow.id} start|submit`)
					.join('; ')}.`,
				error,
			);
		case 'extensionWrongEvent':
			return new CommandFailure(
				refusal.serves
					? `${named(refusal.extension)} is an ${eventWords[refusal.serves]} extension; the ${eventWords[refusal.event]} event takes only ${eventWords[refusal.event]} extensions.`
					: `${named(refusal.extension)} is not an attribute collection extension; user flows run only attribute collection start and submit extensions.`,
				refusal.serves
					? `Attach it at ${refusal.serves}: \`entra-flows flows extensions set <flow> ${refusal.serves} ${refusal.extension.id}\`, or create a ${refusal.event} extension with \`entra-flows extensions create --event ${refusal.event}\`.`
					: `Create one with \`entra-flows extensions create --event ${refusal.event}\`.`,
				error,
			);
		case 'extensionNotForFlows':
			return new CommandFailure(
				`${named(refusal.extension)} is a ${refusal.odataType.replace(/^#?microsoft\.graph\./i, '') || 'custom'} extension; entra-flows shows those but changes only attribute collection start and submit extensions.`,
				'Change it in the Entra admin center (or with Microsoft Graph directly).',
				error,
			);
		case 'detachUnsupported':
			return new CommandFailure(
				`${named(refusal.extension)} is still attached to "${refusal.flow.displayName}" at ${eventWords[refusal.event]}: the service refused every way of detaching it (${refusal.tried
					.map(
						(tried) =>
							`${tried.how}: ${tried.answer === 'ignored' ? 'accepted but ignored' : `HTTP ${tried.answer}`}`,
					)
					.join('; ')}).`,
				`${detachCaveat} Attach another extension instead (\`entra-flows flows extensions set ${refusal.flow.id} ${refusal.event} <extension>\`), or remove the event in the Entra admin center.`,
				error,
			);
		default: {
			const never: never = refusal;
			return never;
		}
	}
}
