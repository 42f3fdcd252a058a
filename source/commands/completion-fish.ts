import { sanitize } from '../text/sanitize.js';
import { type CompletionNode, valuedFlags, valueKind } from './completion-tree.js';

/** A word in single quotes for fish (which escapes \\ and ' inside them). */
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`;

/**
 * The fish completion script: `__entra_flows_state` walks the words typed so far through the command tree
 * (as the bash one does), and each node's verbs and flags are offered only where it is reached.
 */
export function fishScript(tree: readonly CompletionNode[], namesFile: string): string {
	const out: string[] = [
		'# entra-flows completion for fish. Load it with: entra-flows completion fish | source',
		'# or save it as ~/.config/fish/completions/entra-flows.fish',
		'complete -c entra-flows -e',
		`set -g __entra_flows_valued ${valuedFlags(tree).map(fishQuote).join(' ')}`,
		`set -g __entra_flows_names ${fishQuote(namesFile)}`,
		'function __entra_flows_next',
		'    switch "$argv[1]"',
		...tree.flatMap((node) => [
			`        case ${fishQuote(node.path)}`,
			`            printf '%s\\n' ${node.next.map(fishQuote).join(' ')}`,
		]),
		'    end',
		'end',
		'# Prints the command words typed so far, then how many arguments follow them.',
		'function __entra_flows_state',
		'    set -l words (commandline -opc)',
		'    set -e words[1]',
		"    set -l path ''",
		'    set -l args 0',
		'    set -l skip 0',
		'    for word in $words',
		'        if test $skip = 1',
		'            set skip 0',
		'            continue',
		'        end',
		'        switch $word',
		"            case '--*=*'",
		"            case '-*'",
		'                contains -- $word $__entra_flows_valued; and set skip 1',
		"            case '*'",
		'                if test $args = 0; and contains -- $word (__entra_flows_next "$path")',
		'                    set path (string trim -- "$path $word")',
		'                else',
		'                    set args (math $args + 1)',
		'                end',
		'        end',
		'    end',
		'    printf \'%s\\n\' "$path" $args',
		'end',
		'# True where the words typed name exactly PATH (and, with a second word "bare", no argument follows yet).',
		'function __entra_flows_at',
		'    set -l state (__entra_flows_state)',
		'    test "$state[1]" = "$argv[1]"; or return 1',
		'    test "$argv[2]" != bare; or test "$state[2]" = 0',
		'end',
		'function __entra_flows_flow_names',
		'    test -r $__entra_flows_names; and cat $__entra_flows_names',
		'end',
	];
	for (const node of tree) {
		const at = (bare: boolean) => fishQuote(`__entra_flows_at ${fishQuote(node.path)}${bare ? ' bare' : ''}`);
		if (node.next.length > 0)
			out.push(`complete -c entra-flows -f -n ${at(true)} -a ${fishQuote(node.next.join(' '))}`);
		if (node.flowArgument)
			out.push(`complete -c entra-flows -f -n ${at(true)} -a '(__entra_flows_flow_names)' -d 'user flow'`);
		for (const flag of node.flags) {
			const kind = valueKind(flag);
			const value =
				flag.type !== 'string'
					? ' -f'
					: kind === 'file' || kind === 'dir'
						? ' -r -F'
						: kind
							? ` -r -f -a ${fishQuote(kind.choices.join(' '))}`
							: ' -r -f';
			out.push(
				`complete -c entra-flows -n ${at(false)} -l ${flag.name}${flag.short ? ` -s ${flag.short}` : ''}${value} -d ${fishQuote(sanitize(flag.description))}`,
			);
		}
	}
	return `${out.join('\n')}\n`;
}
