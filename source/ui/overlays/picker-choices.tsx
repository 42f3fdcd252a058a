import { Box, Text } from 'ink';
import {
	type Application,
	applicationChoices,
	attributeChoices,
	type IdentityProvider,
	type PickerChoice,
	type PickerKind,
	providerChoices,
	type Resource,
	type UserFlow,
	type UserFlowAttribute,
} from '../../store/index.js';
import { useTheme } from '../theme.js';

/** What the choices are computed from; each is undefined until loaded. */
export type ChoiceSources = {
	readonly catalogue: Resource<readonly unknown[]>['data'];
	readonly onFlow: Resource<readonly unknown[]>['data'];
	readonly flows: readonly UserFlow[] | undefined;
};

/** The picker's choices, or undefined while the catalogue loads. */
export function choicesFor(
	picker: PickerKind,
	flowId: string,
	sources: ChoiceSources,
): readonly PickerChoice[] | undefined {
	const { catalogue, onFlow = [], flows = [] } = sources;
	if (!catalogue) return undefined;
	switch (picker) {
		case 'identityProviders':
			return providerChoices(catalogue as readonly IdentityProvider[], onFlow as readonly IdentityProvider[]);
		case 'attributes':
			return attributeChoices(
				catalogue as readonly UserFlowAttribute[],
				onFlow as readonly UserFlowAttribute[],
			);
		case 'applications':
			return applicationChoices(catalogue as readonly Application[], flowId, flows);
	}
}

/** One choice, cut with … so a long name never wraps the list. */
export function PickerItem({
	isSelected = false,
	label,
}: {
	readonly isSelected?: boolean;
	readonly label: string;
}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end" color={isSelected ? theme.accent : undefined} inverse={isSelected}>
			{label}
		</Text>
	);
}

/** The picker's cursor column; it never shrinks, so a long row that is cut keeps in line with the others. */
export function PickerIndicator({ isSelected = false }: { readonly isSelected?: boolean }) {
	const theme = useTheme();
	return (
		<Box marginRight={1} flexShrink={0}>
			<Text color={isSelected ? theme.accent : undefined}>{isSelected ? '❯' : ' '}</Text>
		</Box>
	);
}
