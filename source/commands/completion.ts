import { join } from 'node:path';
import type { Command } from './command.js';
import { UsageError } from './command.js';
import { bashScript, zshScript } from './completion-bash.js';
import { fishScript } from './completion-fish.js';
import { powershellScript } from './completion-powershell.js';
import { completionTree } from './completion-tree.js';
import { flowNamesFile } from './flow-names.js';
import { commands } from './registry.js';
import { didYouMean } from './suggest.js';

const shells = { bash: bashScript, zsh: zshScript, fish: fishScript, powershell: powershellScript } as const;

const completion: Command = {
	path: ['completion'],
	usage: 'completion <bash|zsh|fish|powershell>',
	summary:
		'Print the shell completion script: commands, flags, their values and the flow names the last `flows list` saw.',
	arity: [1, 1],
	async run(context) {
		const shell = context.args[0] ?? '';
		const script = shells[shell as keyof typeof shells];
		if (!script)
			throw new UsageError(
				`completion takes bash, zsh, fish or powershell; not "${shell}".${didYouMean(shell, Object.keys(shells))}`,
			);
		context.stdout(script(completionTree(commands), join(context.paths().stateDir, flowNamesFile)));
	},
};

export const completionCommands: readonly Command[] = [completion];
