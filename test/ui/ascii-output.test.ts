import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test from 'ava';
import { asciiGlyphs, wantsAscii } from '../../source/ui/ascii-output.js';
import { builtCli } from '../helpers/built-cli.js';
import { freshDirs } from '../helpers/cli.js';

const ptyKey = fileURLToPath(new URL('../helpers/pty-key.py', import.meta.url));
const run = promisify(execFile);

test('a locale that is not UTF-8 wants ASCII; LC_ALL wins over LC_CTYPE over LANG; unset keeps the glyphs', (t) => {
	t.true(wantsAscii({ LANG: 'C' }));
	t.true(wantsAscii({ LANG: 'en_US.ISO-8859-1' }));
	t.true(wantsAscii({ LANG: 'en_US.UTF-8', LC_ALL: 'POSIX' }));
	t.false(wantsAscii({ LANG: 'C', LC_CTYPE: 'C.UTF-8' }));
	t.false(wantsAscii({ LANG: 'en_GB.utf8' }));
	t.false(wantsAscii({}));
});

test('each glyph gets a one-column ASCII stand-in, so the layout still fits', (t) => {
	t.is(asciiGlyphs('❯ ✓ ✗ … → ╭─╮│╰╯ ⠋ · ok'), '> + x . > +-+|++ * - ok');
	t.is(asciiGlyphs('the tenant’s “flows” – ‘a’ — ok'), `the tenant's "flows" - 'a' - ok`);
});

test('under LANG=C the keyboard app writes only ASCII', async (t) => {
	// Python would set LC_CTYPE=C.UTF-8 for its child under LANG=C (its C locale coercion): told not to.
	const env: NodeJS.ProcessEnv = { ...process.env, ...freshDirs(), LANG: 'C', PYTHONCOERCECLOCALE: '0' };
	delete env.LC_ALL;
	delete env.LC_CTYPE;
	const { stdout } = await run(
		'python3',
		[ptyKey, 'Events registration', 'q', process.execPath, builtCli, '--demo'],
		{
			env,
		},
	);
	const result = JSON.parse(stdout) as { code: number; sent: boolean; output: string };
	t.true(result.sent, result.output);
	t.is(result.code, 0);
	t.deepEqual([...new Set(result.output.match(/[^\x00-\x7f]/gu) ?? [])], [], 'no glyph left');
	t.regex(result.output, />(\u001B\[\d+m)*Contoso customers/, 'the selected row is marked with >');
});
