// A flow's local account is Email with password or Email one-time passcode: the admin center offers them as
// one choice between two. Whether the service refuses a flow that offers both is not documented, so both faces
// warn before sending such a change instead of refusing it.
import { sameId } from '../graph/ids.js';

/** The two local-account providers a flow chooses between. */
export const localAccountProviders = ['EmailPassword-OAUTH', 'EmailOtpSignup-OAUTH'] as const;

/** Both local accounts would be offered by a flow with `providerIds`: the pair, else undefined. */
export function bothLocalAccounts(
	providerIds: readonly (string | undefined)[],
): readonly string[] | undefined {
	const offered = localAccountProviders.filter((local) => providerIds.some((id) => sameId(id, local)));
	return offered.length === 2 ? offered : undefined;
}

/** True when adding `providerId` to a flow offering `offered` would make it offer both local accounts. */
export function addsSecondLocalAccount(
	offered: readonly (string | undefined)[],
	providerId: string,
): boolean {
	return (
		bothLocalAccounts(offered) === undefined && bothLocalAccounts([...offered, providerId]) !== undefined
	);
}
