import { type CompletionNode, valuedFlags, valueKind } from './completion-tree.js';

/** A string in single quotes for PowerShell (a ' inside is doubled). */
const psQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const psList = (items: readonly string[]) => `@(${items.map(psQuote).join(', ')})`;

/**
 * The PowerShell completion: one native argument completer holding the command tree, walking the words typed
 * as the bash one does. Flow names are offered quoted, as PowerShell needs them with spaces.
 */
export function powershellScript(tree: readonly CompletionNode[], namesFile: string): string {
	const flagsOf = (node: CompletionNode) =>
		node.flags.flatMap((flag) => [`--${flag.name}`, ...(flag.short ? [`-${flag.short}`] : [])]);
	// One entry per flag name: a hashtable literal with a key twice does not load.
	const values = new Map<string, string>();
	for (const flag of tree.flatMap((node) => node.flags)) {
		const kind = valueKind(flag);
		if (!kind || typeof kind === 'string') continue;
		for (const name of [`--${flag.name}`, ...(flag.short ? [`-${flag.short}`] : [])])
			if (!values.has(name.toLowerCase()))
				values.set(name.toLowerCase(), `        ${psQuote(name)} = ${psList(kind.choices)}`);
	}
	return `# entra-flows completion for PowerShell. Load it with:
#   entra-flows completion powershell | Out-String | Invoke-Expression   (in $PROFILE)
Register-ArgumentCompleter -Native -CommandName entra-flows -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $next = @{
${tree.map((node) => `        ${psQuote(node.path)} = ${psList(node.next)}`).join('\n')}
    }
    $flags = @{
${tree.map((node) => `        ${psQuote(node.path)} = ${psList(flagsOf(node))}`).join('\n')}
    }
    $values = @{
${[...values.values()].join('\n')}
    }
    $valued = ${psList(valuedFlags(tree))}
    $takesFlow = ${psList(tree.filter((node) => node.flowArgument).map((node) => node.path))}
    $namesFile = ${psQuote(namesFile)}

    $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
    if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = @($words | Select-Object -SkipLast 1) }
    $path = ''
    $arguments = 0
    $skip = $false
    $previous = ''
    foreach ($word in $words) {
        $previous = $word
        if ($skip) { $skip = $false; continue }
        if ($word -like '--*=*') { continue }
        if ($word.StartsWith('-')) { if ($valued -contains $word) { $skip = $true }; continue }
        if ($arguments -eq 0 -and $next[$path] -contains $word) { $path = "$path $word".Trim() } else { $arguments++ }
    }
    $offers = @()
    if ($skip) {
        if ($values.ContainsKey($previous)) { $offers = $values[$previous] } else { return }
    } elseif ($wordToComplete.StartsWith('-')) {
        $offers = $flags[$path]
    } elseif ($arguments -eq 0) {
        $offers = @($next[$path])
        if ($takesFlow -contains $path -and (Test-Path -LiteralPath $namesFile)) {
            $offers += @(Get-Content -LiteralPath $namesFile | Where-Object { $_ -ne '' })
        }
    }
    $bare = $wordToComplete.Trim([char]39, [char]34)
    foreach ($offer in $offers) {
        if ($offer -like "$bare*") {
            $text = if ($offer -match '[\\s''"\`$;,(){}@|&<>#]') { "'" + $offer.Replace("'", "''") + "'" } else { $offer }
            [System.Management.Automation.CompletionResult]::new($text, $offer, 'ParameterValue', $offer)
        }
    }
}
`;
}
