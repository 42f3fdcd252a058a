import type { DeviceCodeInfo, SessionInfo, SessionService } from '../../source/store/index.js';

/** A session fake: signIn shows a code and waits until the test calls approve() (or the signal aborts). */
export type FakeSession = SessionService & {
	/** Finishes the pending sign-in. */
	approve(info?: SessionInfo): void;
	/** Fails the pending sign-in with this error. */
	fail(error: Error): void;
	/** How many device-code sign-ins started. */
	readonly signIns: number;
	/** What current() answers from now on. */
	cached: SessionInfo | undefined;
};

/** Default account shown in the header. */
export const testAccount: SessionInfo = {
	account: 'admin@contoso.test',
	tenant: 'contoso.test',
	mode: 'device-code',
};

/** Creates the fake; a cached sign-in (the default) makes the start silent, null means none. */
export function fakeSession(cached: SessionInfo | null = testAccount): FakeSession {
	let pending: { resolve(info: SessionInfo): void; reject(error: Error): void } | undefined;
	let signIns = 0;
	const session: FakeSession = {
		cached: cached ?? undefined,
		get signIns() {
			return signIns;
		},
		async current() {
			return session.cached;
		},
		signIn(hooks: { onDeviceCode(info: DeviceCodeInfo): void }, signal: AbortSignal) {
			signIns++;
			return new Promise<SessionInfo>((resolve, reject) => {
				pending = { resolve, reject };
				signal.addEventListener('abort', () =>
					reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
				);
				hooks.onDeviceCode({
					userCode: `CODE${signIns}`,
					verificationUri: 'https://microsoft.com/devicelogin',
					expiresAt: new Date(Date.now() + 15 * 60_000),
					message: 'To sign in, use a web browser…',
				});
			});
		},
		async signOut() {
			session.cached = undefined;
		},
		approve(info = testAccount) {
			session.cached = info;
			pending?.resolve(info);
			pending = undefined;
		},
		fail(error) {
			pending?.reject(error);
			pending = undefined;
		},
	};
	return session;
}
