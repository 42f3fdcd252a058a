// What a new flow is made of, from the choices of a form or the flags of a command: the same rules for both.
import { defaultInputFor } from '../graph/default-input.js';
import type { NewUserFlow } from '../graph/flows.js';
import { sameId } from '../graph/ids.js';
import type { UserFlowAttribute } from '../graph/types.js';

/** The portal's first choice of local account, used when no identity provider is chosen. */
export const defaultProviderId = 'EmailPassword-OAUTH';

/** What the person chose. */
export type NewFlowChoices = {
	readonly displayName: string;
	readonly description?: string;
	readonly isSignUpAllowed: boolean;
	readonly providerIds: readonly string[];
	readonly attributeIds: readonly string[];
	readonly appIds?: readonly string[];
};

const unique = (values: readonly string[]) =>
	values.filter((value, index) => values.findIndex((other) => sameId(other, value)) === index);

/**
 * The create request: providers default to email with password; when attributes are collected, email leads
 * the page even when not chosen (email sign-up always collects it), each with the service's default input.
 * Attribute ids the tenant lacks (`tenantAttributes`) are left out: the caller checks them first.
 */
export function newFlowRequest(
	choices: NewFlowChoices,
	tenantAttributes: readonly UserFlowAttribute[],
): NewUserFlow {
	const byId = (id: string) => tenantAttributes.find((attribute) => sameId(attribute.id, id));
	const attributeIds = choices.attributeIds.length > 0 ? unique(['email', ...choices.attributeIds]) : [];
	return {
		displayName: choices.displayName.trim(),
		description: choices.description?.trim() || undefined,
		isSignUpAllowed: choices.isSignUpAllowed,
		identityProviderIds: choices.providerIds.length > 0 ? unique(choices.providerIds) : [defaultProviderId],
		attributes: attributeIds.flatMap((id) => {
			const attribute = byId(id);
			return attribute ? [{ id: attribute.id ?? id, input: defaultInputFor(attribute) }] : [];
		}),
		appIds: unique(choices.appIds ?? []),
	};
}
