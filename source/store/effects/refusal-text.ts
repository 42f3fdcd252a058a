// The keyboard app's words for every rule an operation can report: short, for the status line and the
// form's fields (the commands have their own table). Names from Graph are sanitized here.
import { attributeShortName } from '../../graph/ids.js';
import type { Refusal } from '../../operations/refusals.js';
import { display } from '../../text/sanitize.js';

/** What the words may name: the flow being changed, and display names of apps by appId. */
export type RefusalScene = {
	readonly flow: string;
	readonly appName?: (appId: string) => string;
};

const names = (ids: readonly string[], name: (id: string) => string) => ids.map(name).join(', ');

/** Why the write was not made, in a clause that follows "Could not …: ". */
export function refusalText(refusal: Refusal, scene: RefusalScene): string {
	const flow = `“${scene.flow}”`;
	const app = scene.appName ?? display;
	switch (refusal.rule) {
		case 'providerNotInTenant':
			return `the tenant no longer has ${display(refusal.providerId)}`;
		case 'lastProvider':
			return refusal.meanwhile
				? `it is the only identity provider of ${flow} now (another was removed meanwhile); a user flow needs at least one`
				: `it is the only identity provider of ${flow}; a user flow needs at least one. Add another first (a).`;
		case 'attributeNotInTenant':
			return `the tenant no longer has ${refusal.attributeIds.map((id) => display(attributeShortName(id))).join(', ')}`;
		case 'nameTaken':
			return `a user flow named “${display(refusal.taken.displayName)}” already exists`;
		case 'noSuchApp':
			return `no application of the tenant has the appId ${display(refusal.appId)}`;
		case 'systemApp':
			return `${display(refusal.displayName)} is the tenant's own app that stores custom attributes; customers never sign in to it`;
		case 'appUsedElsewhere':
			return refusal.meanwhile
				? `it uses “${display(refusal.owner.displayName)}” now (linked meanwhile); an application can use only one user flow, so pick it again with a to move it`
				: `it uses “${display(refusal.owner.displayName)}”; an application can use only one user flow, so pick it again with a to move it`;
		case 'appMovedMeanwhile':
			return refusal.now
				? `it uses “${display(refusal.now.displayName)}” now (moved meanwhile)`
				: `it no longer uses “${display(refusal.from.displayName)}” (unlinked meanwhile); press a to link it here`;
		case 'appsLinkedSinceConfirmed':
			return `${names(refusal.appIds, app)} started using ${flow} after you were asked. Check the list and confirm again.`;
		case 'appsLinkedMeanwhile':
			return `${names(refusal.appIds, app)} started using ${flow} meanwhile; it was not deleted`;
		case 'attributeNameTaken':
			return `the tenant already has an attribute named “${display(refusal.taken.displayName)}”`;
		case 'attributeInUse':
			return `${refusal.flows.length} user flow(s) still collect it: ${refusal.flows.map((owner) => `“${display(owner.displayName)}”`).join(', ')}`;
		case 'providerExists':
			return `the tenant already has ${display(refusal.taken.displayName)} (${display(refusal.taken.id)})`;
		case 'providerBuiltIn':
			return `${display(refusal.providerId)} is built in; flows offer it or not, it cannot be changed`;
		case 'providerInUse':
			return `${refusal.flows.length} user flow(s) still offer it: ${refusal.flows.map((owner) => `“${display(owner.displayName)}”`).join(', ')}`;
		case 'layoutInputsDiffer':
			return 'your draft’s inputs are not the flow’s attributes; press s to check the page again';
		case 'layoutInvalid':
			return `${refusal.problems.length} problem(s) on the page: ${display(refusal.problems[0]?.message ?? '')}`;
		case 'layoutChangedSinceBase':
			return 'the page changed on the service since you began; press s to see both changes';
		default: {
			const never: never = refusal;
			return never;
		}
	}
}
