// A second entra-flows process: `node --import=tsx auth-child.ts '<AuthConfig JSON>'`. Prints one JSON line.
import { AuthError, createTokenProvider } from '../../source/auth/index.js';

const warnings: string[] = [];
const auth = createTokenProvider(JSON.parse(process.argv[2] ?? '{}'), {
	onDeviceCode() {
		process.stdout.write(`${JSON.stringify({ deviceCodeShown: true })}\n`);
		process.exit(3);
	},
	onWarning: (message) => warnings.push(message),
});
try {
	const token = await auth.getToken();
	process.stdout.write(`${JSON.stringify({ token, warnings, account: await auth.account() })}\n`);
} catch (error) {
	const code = error instanceof AuthError ? error.code : String(error);
	process.stdout.write(`${JSON.stringify({ error: code, warnings })}\n`);
	process.exitCode = 2;
}
