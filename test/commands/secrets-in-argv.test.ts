import test from 'ava';
import { runCommand } from '../helpers/cli.js';

// A token pasted in the wrong place (as a word) must not come back whole in the usage error.
const jwt =
	'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

for (const argv of [
	['flows', 'get', 'Events registration', jwt],
	[jwt],
	['flows', jwt],
	['flows', 'list', '--json', jwt],
]) {
	test(`usage error for ${argv.map((word) => (word === jwt ? '<jwt>' : word)).join(' ')} does not echo the JWT`, async (t) => {
		const run = await runCommand('http://127.0.0.1:9/v1.0', argv);
		t.is(run.code, 2, run.stderr);
		t.false(run.stderr.includes(jwt), run.stderr);
		t.false(run.stderr.includes(jwt.slice(0, 30)), run.stderr);
		t.regex(run.stderr, /\[redacted\]/);
	});
}
