import { display } from '../text/sanitize.js';
import type { CreateDraft, UserFlow } from './state.js';

/** Why a flow name cannot be used, or undefined; `exceptId` is the flow being renamed. */
export function validateName(
	name: string,
	flows: readonly UserFlow[],
	exceptId?: string,
): string | undefined {
	const trimmed = name.trim();
	if (!trimmed) return 'Enter a name.';
	const lower = trimmed.toLowerCase();
	const clash = flows.find(
		(flow) => flow.id !== exceptId && flow.displayName?.trim().toLowerCase() === lower,
	);
	return clash ? `A user flow named “${display(clash.displayName)}” already exists.` : undefined;
}

/** Inline checks before the create request is sent. */
export function validateCreateDraft(draft: CreateDraft, flows: readonly UserFlow[]): CreateDraft['errors'] {
	const errors: { -readonly [K in keyof CreateDraft['errors']]: string } = {};
	const name = validateName(draft.name, flows);
	if (name) errors.name = name;
	if (draft.providerIds.length === 0) errors.providers = 'Choose at least one identity provider.';
	return errors;
}
