import test from 'ava';
import { commandHelp, examplesOf } from '../../source/commands/help.js';
import { parseArgv } from '../../source/commands/parse-argv.js';
import { commands } from '../../source/commands/registry.js';

/** Splits a command line as a POSIX shell would for these examples: words, "double" and 'single' quotes. */
function shellWords(line: string): string[] {
	const words: string[] = [];
	for (const match of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g))
		words.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? match[3] ?? ''));
	return words;
}

test('every command has examples in its --help, and each one is a call the parser accepts', (t) => {
	for (const command of commands) {
		const name = command.path.join(' ');
		const list = examplesOf(command);
		t.true(list.length > 0, `${name} has no examples`);
		t.regex(commandHelp(command), /\nExamples\n {2}# .+\n {2}entra-flows /, name);
		for (const example of list) {
			const parsed = parseArgv(shellWords(example.run));
			t.deepEqual(
				parsed.command?.path,
				command.path,
				`${example.run} runs ${parsed.command?.path.join(' ')}`,
			);
		}
	}
});
