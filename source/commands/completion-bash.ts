import { type CompletionNode, valuedFlags, valueKind } from './completion-tree.js';

/** A word in single quotes for sh: safe whatever it holds. */
export const shQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function lines(items: readonly string[]): string {
	return items.length > 0 ? `printf '%s\\n' ${items.map(shQuote).join(' ')}` : ':';
}

/**
 * The bash completion script (zsh sources it through bashcompinit). It walks the words typed so far through
 * the command tree, then offers verbs, flags, a flag's values, or the flow names the last `flows list` saw.
 */
export function bashScript(tree: readonly CompletionNode[], namesFile: string): string {
	const flagsOf = (node: CompletionNode) =>
		node.flags.flatMap((flag) => [`--${flag.name}`, ...(flag.short ? [`-${flag.short}`] : [])]);
	const values = new Map<string, string>();
	for (const node of tree)
		for (const flag of node.flags) {
			const kind = valueKind(flag);
			if (!kind) continue;
			const names = [`--${flag.name}`, ...(flag.short ? [`-${flag.short}`] : [])].join('|');
			values.set(names, typeof kind === 'string' ? `echo @${kind}` : lines(kind.choices));
		}
	const flowPaths = tree.filter((node) => node.flowArgument).map((node) => shQuote(node.path));
	return `# entra-flows completion for bash. Load it with: source <(entra-flows completion bash)
# or save it as ~/.local/share/bash-completion/completions/entra-flows
_entra_flows_valued=${shQuote(` ${valuedFlags(tree).join(' ')} `)}
_entra_flows_names=${shQuote(namesFile)}

_entra_flows_next() {
	case "$1" in
${tree.map((node) => `		${shQuote(node.path)}) ${lines(node.next)} ;;`).join('\n')}
	esac
}

_entra_flows_flags() {
	case "$1" in
${tree.map((node) => `		${shQuote(node.path)}) ${lines(flagsOf(node))} ;;`).join('\n')}
	esac
}

_entra_flows_values() {
	case "$1" in
${[...values].map(([names, body]) => `		${names}) ${body} ;;`).join('\n')}
	esac
}

_entra_flows_takes_flow() {
	case "$1" in
		${flowPaths.join(' | ') || "''"}) return 0 ;;
	esac
	return 1
}

# Adds each line of stdin to the offers (zsh's bash emulation has no mapfile).
_entra_flows_reply() {
	local line
	while IFS= read -r line; do COMPREPLY+=("$line"); done
}

_entra_flows() {
	local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
	local path='' args=0 skip=0 i word
	local nl=$'\\n'
	for ((i = 1; i < COMP_CWORD; i++)); do
		word="\${COMP_WORDS[i]}"
		if ((skip)); then skip=0; continue; fi
		case "$word" in
			--*=*) ;;
			-*) [[ "$_entra_flows_valued" == *" $word "* ]] && skip=1 ;;
			*)
				if [[ "$nl$(_entra_flows_next "$path")$nl" == *"$nl$word$nl"* ]] && ((args == 0)); then
					path="\${path:+$path }$word"
				else
					args=$((args + 1))
				fi
				;;
		esac
	done
	COMPREPLY=()
	if ((skip)); then
		local offer
		offer="$(_entra_flows_values "$prev")"
		case "$offer" in
			@file) compopt -o filenames 2>/dev/null; _entra_flows_reply < <(compgen -f -- "$cur") ;;
			@dir) compopt -o filenames 2>/dev/null; _entra_flows_reply < <(compgen -d -- "$cur") ;;
			*) _entra_flows_reply < <(compgen -W "$offer" -- "$cur") ;;
		esac
		return 0
	fi
	if [[ "$cur" == -* ]]; then
		_entra_flows_reply < <(compgen -W "$(_entra_flows_flags "$path")" -- "$cur")
		return 0
	fi
	((args == 0)) || return 0
	_entra_flows_reply < <(compgen -W "$(_entra_flows_next "$path")" -- "$cur")
	if _entra_flows_takes_flow "$path" && [[ -r "$_entra_flows_names" ]]; then
		local name bare="\${cur#[\\"\\']}"
		while IFS= read -r name; do
			[[ -n "$name" && "$name" == "$bare"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
		done < "$_entra_flows_names"
	fi
	return 0
}
complete -F _entra_flows entra-flows
`;
}

/** The zsh completion: the bash one, through zsh's bashcompinit. */
export function zshScript(tree: readonly CompletionNode[], namesFile: string): string {
	return `# entra-flows completion for zsh. Load it with: source <(entra-flows completion zsh)   (in ~/.zshrc)
(( \${+functions[compdef]} )) || { autoload -Uz compinit && compinit; }
autoload -U +X bashcompinit && bashcompinit
${bashScript(tree, namesFile).replace(/^# .*\n# .*\n/, '')}`;
}
