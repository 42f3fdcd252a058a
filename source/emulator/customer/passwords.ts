import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// Customer passwords are kept as scrypt hashes, so the control state and state file never show one. scrypt runs
// on the thread pool: a sign-up never stalls the emulator's other requests (or an extension call's timer).
const cost = 16384;

function derive(password: string, salt: Buffer, length: number, n: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scrypt(password, salt, length, { N: n }, (error, key) => (error ? reject(error) : resolve(key)));
	});
}

/** `scrypt:{N}:{salt hex}:{hash hex}` of a password. */
export async function hashPassword(password: string, salt = randomBytes(16)): Promise<string> {
	const hash = await derive(password, salt, 32, cost);
	return `scrypt:${cost}:${salt.toString('hex')}:${hash.toString('hex')}`;
}

/** True when the password matches a hash made by hashPassword (any cost). */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
	const [scheme, n, salt, hash] = (stored ?? '').split(':');
	if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'hex');
	const actual = await derive(password, Buffer.from(salt, 'hex'), expected.length, Number(n));
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}
