import type { ExecutionContext } from 'ava';
import { AuthError, type AuthHooks, type DeviceCodeInfo } from '../../source/auth/index.js';

/** Everything the sign-in layer said during a test: warnings, msal log lines, error texts, device codes. */
export type Capture = {
	readonly hooks: AuthHooks;
	readonly deviceCodes: DeviceCodeInfo[];
	readonly warnings: string[];
	/** Warnings, log lines and the messages and hints of every error passed to `error`. */
	readonly text: string[];
	/** Records an error's message and hint, and returns it as an AuthError (fails the test otherwise). */
	error(t: ExecutionContext, error: unknown): AuthError;
};

/** Hooks that record; `onDeviceCode` also calls `then` (e.g. to approve on the page). */
export function capture(then?: (info: DeviceCodeInfo) => void): Capture {
	const deviceCodes: DeviceCodeInfo[] = [];
	const warnings: string[] = [];
	const text: string[] = [];
	return {
		deviceCodes,
		warnings,
		text,
		hooks: {
			onDeviceCode(info) {
				deviceCodes.push(info);
				then?.(info);
			},
			onWarning(message) {
				warnings.push(message);
				text.push(message);
			},
			onLog: (_level, line) => text.push(line),
			logLevel: 'verbose',
		},
		error(t, error) {
			if (!(error instanceof AuthError)) {
				t.fail(`expected an AuthError, got ${String(error)}`);
				throw error;
			}
			text.push(error.message, error.hint, JSON.stringify(error), String(error.stack));
			return error;
		},
	};
}

/** Asserts no secret the emulator issued or holds appears in any captured text. */
export function assertNoSecrets(
	t: ExecutionContext,
	texts: readonly string[],
	secrets: readonly string[],
): void {
	const leaks = secrets.filter((secret) => texts.some((line) => line.includes(secret)));
	t.deepEqual(leaks, [], 'a token, refresh token, code or secret leaked into captured text');
	t.true(secrets.length > 0, 'the emulator issued secrets to look for');
}
