// The commands' words for every rule an operation can report (the keyboard app has its own, shorter table).
import type { GraphError } from '../graph/graph-error.js';
import type { Outcome, PartlyDone, Step } from '../operations/outcome.js';
import type { Refusal } from '../operations/refusals.js';
import { type CommandContext, CommandFailure, warn } from './command.js';

/** What the words may name besides the refusal itself. */
export type RefusalScene = {
	/** The flow the command works on, by name. */
	readonly flow?: string;
	/** Creating a flow (an app used elsewhere is left out and moved later, not moved now). */
	readonly creating?: boolean;
};

const list = (ids: readonly string[]) => ids.join(', ');

/** Message and fix for a refusal, as a CommandFailure that keeps the service's error for its ids. */
export function refusalFailure(
	refusal: Refusal,
	scene: RefusalScene = {},
	error?: GraphError,
): CommandFailure {
	const [message, hint] = refusalWords(refusal, scene);
	return new CommandFailure(message, hint, error);
}

function refusalWords(refusal: Refusal, scene: RefusalScene): [string, string?] {
	const flow = `"${scene.flow ?? 'the flow'}"`;
	switch (refusal.rule) {
		case 'providerNotInTenant':
			return [
				`${refusal.providerId} is not an identity provider of this tenant.`,
				`It has: ${list(refusal.tenantProviderIds) || 'none'} (\`entra-flows tenant providers\`). Configure a new one in the Entra admin center first.`,
			];
		case 'lastProvider':
			return [
				`${refusal.providerId} is the only identity provider of ${flow}${refusal.meanwhile ? ' now (another was removed meanwhile)' : ''}; a user flow needs at least one.`,
				`Add another first: \`entra-flows providers add ${flow} <providerId>\`.`,
			];
		case 'attributeNotInTenant':
			return [
				refusal.attributeIds.length === 1 && !scene.creating
					? `${refusal.attributeIds[0]} is not a user-flow attribute of this tenant.`
					: `Unknown attribute${refusal.attributeIds.length > 1 ? 's' : ''}: ${list(refusal.attributeIds)}.`,
				`It has: ${list(refusal.tenantAttributeIds)}. Create a custom one with \`entra-flows tenant attributes create\`.`,
			];
		case 'nameTaken':
			return [
				`A user flow named "${refusal.taken.displayName}" already exists (${refusal.taken.id}); names are unique in a tenant.`,
				'Choose another name, or change that flow with `entra-flows flows update`.',
			];
		case 'noSuchApp':
			return [
				`No application of this tenant has the appId ${refusal.appId}.`,
				'List them with `entra-flows tenant apps`; register the app first if it is new.',
			];
		case 'systemApp':
			return [
				`"${refusal.displayName}" (${refusal.appId}) is the tenant's own app that stores custom attributes; customers never sign in to it, so it is not linked to a user flow.`,
				'Pick one of your apps: `entra-flows tenant apps` lists them.',
			];
		case 'appUsedElsewhere':
			return [
				`${refusal.appId} already uses the user flow "${refusal.owner.displayName}"; an application can use only one.`,
				scene.creating
					? `Leave it out here and move it later with \`entra-flows apps link <flow> ${refusal.appId} --move\`.`
					: `Move it with \`entra-flows apps link ${flow} ${refusal.appId} --move\`.`,
			];
		case 'appMovedMeanwhile':
			return refusal.now
				? [
						`${refusal.appId} uses "${refusal.now.displayName}" now (moved meanwhile), not "${refusal.from.displayName}"; nothing was changed.`,
						`Move it from there with \`entra-flows apps link ${flow} ${refusal.appId} --move\`.`,
					]
				: [
						`${refusal.appId} no longer uses "${refusal.from.displayName}" (unlinked meanwhile); nothing was changed.`,
						`Link it with \`entra-flows apps link ${flow} ${refusal.appId}\`.`,
					];
		case 'appsLinkedSinceConfirmed':
		case 'appsLinkedMeanwhile':
			return [
				`${flow} was NOT deleted. ${list(refusal.appIds)} was linked to it meanwhile; run the command again to unlink that too. Nothing was changed.`,
				'Run the same command again: it lists the apps that lose their flow before it deletes.',
			];
		case 'attributeNameTaken':
			return [
				`The tenant already has an attribute named "${refusal.taken.displayName}" (${refusal.taken.id}).`,
				'Use it as it is (`entra-flows attributes add <flow> <attributeId>`), or choose another name.',
			];
		case 'attributeInUse':
			return [
				`${refusal.attributeId} is still collected by ${refusal.flows.length} user flow(s): ${refusal.flows
					.map((owner) => `"${owner.displayName}"`)
					.join(', ')}. Nothing was deleted.`,
				`Remove it from each first: ${refusal.flows
					.map((owner) => `entra-flows attributes remove ${owner.id} ${refusal.attributeId}`)
					.join('; ')}.`,
			];
		case 'providerExists':
			return [
				`The tenant already has the identity provider "${refusal.taken.displayName}" (${refusal.taken.id}); it can have one of each type, and OIDC names are unique.`,
				`Change it with \`entra-flows tenant providers update ${refusal.taken.id}\`, or choose another name.`,
			];
		case 'providerBuiltIn':
			return [
				`${refusal.providerId} is a built-in identity provider: a flow offers it or not, but it cannot be changed or deleted.`,
				`Offer it or not per flow: \`entra-flows providers add|remove <flow> ${refusal.providerId}\`.`,
			];
		case 'providerInUse':
			return [
				`${refusal.providerId} is still offered by ${refusal.flows.length} user flow(s): ${refusal.flows
					.map((owner) => `"${owner.displayName}"`)
					.join(', ')}. Nothing was deleted.`,
				`Remove it from each first: ${refusal.flows
					.map((owner) => `entra-flows providers remove ${owner.id} ${refusal.providerId}`)
					.join('; ')}${
					refusal.onlyProvider.length > 0
						? ` (${refusal.onlyProvider.map((owner) => `"${owner.displayName}"`).join(', ')} must get another provider first: a flow needs one)`
						: ''
				}.`,
			];
		case 'layoutInputsDiffer':
		case 'layoutInvalid':
		case 'layoutChangedSinceBase':
			// `layout set` words these itself, with the lines that back them up.
			return ['The sign-up page was not saved.'];
		default: {
			const never: never = refusal;
			return never;
		}
	}
}

/** How a step reads in a report of what was and was not done. */
export type StepWords = (step: Step) => string;

/** A write that stopped half way: what was done, what failed and why, and how to finish. */
export function partialFailure(
	partly: PartlyDone<Refusal>,
	words: StepWords,
	headline: string,
	scene: RefusalScene = {},
): CommandFailure {
	const error = partly.error as Partial<GraphError> | undefined;
	const reason = partly.refusal
		? refusalWords(partly.refusal, scene)[0]
		: error?.code
			? `${error.code}: ${error.message}${error.requestId ? ` (request-id ${error.requestId})` : ''}`
			: String(partly.error);
	const doneText = `Done: ${partly.done.map(words).join(', ')}.`;
	const notDone = [partly.failed, ...partly.notDone].map(words).join(', ');
	// The cause's own advice (e.g. the permission a preflight found missing) beats a generic one.
	const hint = error?.hint ? `${error.hint.replace(/\.$/, '')}; then run the same command again.` : undefined;
	return new CommandFailure(
		`${headline} ${doneText} Not done: ${notDone}. Cause: ${reason}`,
		hint ?? 'Fix the cause and run the same command again.',
	);
}

/**
 * The outcome of a write that has no partial step to report: a refusal becomes our words (the service's ids
 * kept), a stop half way its error; what is left is done or unchanged, for the command to print.
 */
export function settle<V>(
	outcome: Outcome<V, Refusal>,
	scene: RefusalScene = {},
	context?: CommandContext,
): Exclude<Outcome<V, Refusal>, { kind: 'refused' | 'partial' }> {
	if (outcome.kind === 'refused') throw refusalFailure(outcome.refusal, scene, outcome.error);
	if (outcome.kind === 'partial') throw outcome.error;
	if (context) noteLostAnswer(context, outcome);
	return outcome;
}

/** Says on stderr that a write's answer was lost and reading back showed it made (so the success is not a guess). */
export function noteLostAnswer(
	context: CommandContext,
	outcome: { readonly kind: string; readonly answerLost?: boolean },
) {
	if (outcome.kind === 'done' && outcome.answerLost)
		warn(
			context,
			'the answer from Microsoft Graph was lost on the way; reading back shows the change was made.',
		);
}
