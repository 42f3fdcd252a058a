import { appCommands } from './apps.js';
import { attributeCommands } from './attributes.js';
import type { Command } from './command.js';
import { completionCommands } from './completion.js';
import { emulatorCommands } from './emulator.js';
import { extensionCommands } from './extensions.js';
import { flowExtensionCommands } from './flow-extensions.js';
import { flowHistoryCommands } from './flow-history.js';
import { flowCommands } from './flows.js';
import { flowsAsCodeCommands } from './flows-as-code.js';
import { layoutCommands } from './layout.js';
import { lintCommands } from './lint.js';
import { passwordResetCommands } from './password-reset.js';
import { profileCommands } from './profiles.js';
import { providerCommands } from './providers.js';
import { runFlowCommands } from './run-flow.js';
import { sessionCommands } from './session.js';
import { tenantAttributeCommands } from './tenant-attributes.js';
import { tenantProviderCommands } from './tenant-providers.js';

/** Every scriptable verb, in the order --help lists them. */
export const commands: readonly Command[] = [
	...flowCommands,
	...flowExtensionCommands,
	...runFlowCommands,
	...flowHistoryCommands,
	...providerCommands,
	...attributeCommands,
	...layoutCommands,
	...appCommands.filter((command) => command.path[0] === 'apps'),
	...tenantProviderCommands,
	...tenantAttributeCommands,
	...extensionCommands,
	...passwordResetCommands,
	...appCommands.filter((command) => command.path[0] === 'tenant'),
	...flowsAsCodeCommands,
	...lintCommands,
	...sessionCommands,
	...profileCommands,
	...emulatorCommands,
	...completionCommands,
];

/** The command whose path is the longest prefix of the positional words. */
export function findCommand(words: readonly string[]): { command: Command; args: string[] } | undefined {
	let best: Command | undefined;
	for (const command of commands) {
		const matches = command.path.every((word, index) => words[index] === word);
		if (matches && (!best || command.path.length > best.path.length)) best = command;
	}
	return best ? { command: best, args: words.slice(best.path.length) } : undefined;
}
