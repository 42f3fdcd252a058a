import type { Command, FlagSpec } from './command.js';
import { globalFlags } from './global-flags.js';

/** What a shell offers after a run of words: the words that may come next, and the flags. */
export type CompletionNode = {
	/** The words so far, e.g. `tenant attributes` ('' at the start). */
	readonly path: string;
	/** Words that may follow (verbs, groups). */
	readonly next: readonly string[];
	/** Flags of the command these words name (the global ones at a group). */
	readonly flags: readonly FlagSpec[];
	/** Whether a user flow's name or id may come next (the command takes `<flow>`). */
	readonly flowArgument: boolean;
};

/** What a flag's value may be: a fixed few, files, folders, or anything (nothing to offer). */
export function valueKind(flag: FlagSpec): { choices: readonly string[] } | 'file' | 'dir' | undefined {
	if (flag.type !== 'string') return undefined;
	if (flag.choices) return { choices: flag.choices };
	if (flag.value?.includes('|')) return { choices: flag.value.split('|') };
	if (flag.value === 'FILE') return 'file';
	if (flag.value === 'DIR') return 'dir';
	return undefined;
}

/** The tree of words every shell's completion is generated from: one node per prefix of a command's path. */
export function completionTree(commands: readonly Command[]): CompletionNode[] {
	const paths = new Map<string, { next: Set<string>; command?: Command }>();
	const nodeOf = (path: string) => {
		let node = paths.get(path);
		if (!node) {
			node = { next: new Set() };
			paths.set(path, node);
		}
		return node;
	};
	nodeOf('');
	for (const command of commands) {
		command.path.forEach((word, index) => {
			nodeOf(command.path.slice(0, index).join(' ')).next.add(word);
		});
		nodeOf(command.path.join(' ')).command = command;
	}
	return [...paths].map(([path, node]) => ({
		path,
		next: [...node.next],
		flags: [...globalFlags, ...(node.command?.flags ?? [])],
		flowArgument: /<flow>/.test(node.command?.usage.split(' [')[0] ?? ''),
	}));
}

/** Every flag name that takes a value (the word after it is not a command word). */
export function valuedFlags(tree: readonly CompletionNode[]): string[] {
	const names = new Set<string>();
	for (const node of tree)
		for (const flag of node.flags)
			if (flag.type === 'string') {
				names.add(`--${flag.name}`);
				if (flag.short) names.add(`-${flag.short}`);
			}
	return [...names];
}
