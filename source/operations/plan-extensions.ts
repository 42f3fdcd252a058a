// The custom authentication extensions a flow file names, found by display name in the side being changed,
// and the steps from the extensions a flow runs to those. Files hold no ids, so a name that matches nothing,
// an extension of the other event, or a name two extensions share is named before anything is sent.
import { type ExtensionSlot, extensionSlots, type FlowSpec, slotEvents } from '../flow-files/model.js';
import type { ExtensionTarget, KnownExtension, PlanProblem, PlanStep, Side } from './plan-types.js';
import { resolveAmong } from './resolve.js';

/** The extensions a flow is to run, as the side being changed has them. */
export type ResolvedExtensions = { readonly [slot in ExtensionSlot]?: ExtensionTarget };

/** How the events read in a problem. */
const slotWords: Readonly<Record<ExtensionSlot, string>> = {
	attributeCollectionStart: 'attribute collection start',
	attributeCollectionSubmit: 'attribute collection submit',
};

const byName = (extension: KnownExtension) => ({ names: [extension.displayName] });

function problemFor(name: string, slot: ExtensionSlot, known: readonly KnownExtension[]): string {
	const ofSlot = known.filter((extension) => extension.slot === slot);
	const found = resolveAmong(ofSlot, name, byName);
	if (found.kind === 'ambiguous')
		return `${found.matches.length} custom authentication extensions of the tenant are named "${name}" (ids ${found.matches.map((extension) => extension.id).join(', ')}); files name extensions by display name only, so rename all but one there (\`entra-flows extensions update <id> --name …\`)`;
	const other = resolveAmong(
		known.filter((extension) => extension.slot !== slot),
		name,
		byName,
	);
	if (other.kind === 'found')
		return other.item.slot
			? `"${other.item.displayName}" is an ${slotWords[other.item.slot]} extension (${other.item.id}); ${slot} takes an ${slotWords[slot]} extension`
			: `"${other.item.displayName}" (${other.item.id}) is not an attribute collection extension; ${slot} takes an ${slotWords[slot]} extension`;
	const guess =
		found.kind === 'none' && found.suggestions.length > 0
			? ` (did you mean ${found.suggestions.map((extension) => `"${extension.displayName}"`).join(' or ')}?)`
			: '';
	return `the tenant has no ${slotWords[slot]} extension named "${name}"${guess}; create it there first (\`entra-flows extensions create --event ${slotEvents[slot]} --name "${name}" --url https://… --resource api://…/…\`), or name one it has (\`entra-flows extensions list\`)`;
}

/** The extensions the file names, found on the side; what cannot be found is a problem. */
export function resolveExtensions(
	flow: FlowSpec,
	current: Side,
	problems: PlanProblem[],
): ResolvedExtensions | undefined {
	// A file without the field leaves the flow's extensions as they are.
	if (!flow.extensions) return undefined;
	const result: { -readonly [slot in ExtensionSlot]?: ExtensionTarget } = {};
	for (const slot of extensionSlots) {
		const name = flow.extensions?.[slot];
		if (name === undefined) continue;
		const known = current.extensions;
		if (!current.tenant || !known) {
			result[slot] = { displayName: name };
			continue;
		}
		const found = resolveAmong(
			known.filter((extension) => extension.slot === slot),
			name,
			byName,
		);
		if (found.kind === 'found') result[slot] = { displayName: found.item.displayName, id: found.item.id };
		else
			problems.push({ flow: flow.name, field: `extensions.${slot}`, message: problemFor(name, slot, known) });
	}
	return result;
}

/**
 * The steps from the extensions `before` runs to `wanted`: attach, replace or detach, slot by slot; none when
 * the file does not manage them (`wanted` undefined).
 */
export function extensionSteps(
	flow: string,
	before: FlowSpec['extensions'],
	wanted: ResolvedExtensions | undefined,
): PlanStep[] {
	if (!wanted) return [];
	return extensionSlots.flatMap((slot): PlanStep[] => {
		const now = before?.[slot];
		const next = wanted[slot];
		if (next && next.displayName !== now)
			return [
				{
					kind: 'attachExtension',
					flow,
					slot,
					extension: next,
					...(now === undefined ? {} : { replaces: now }),
				},
			];
		if (!next && now !== undefined) return [{ kind: 'detachExtension', flow, slot, extension: now }];
		return [];
	});
}
