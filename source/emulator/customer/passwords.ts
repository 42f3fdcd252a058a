import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Customer passwords are kept as scrypt hashes, so the control state and state file never show one.
const cost = 16384;

/** `scrypt:{N}:{salt hex}:{hash hex}` of a password. */
export function hashPassword(password: string, salt = randomBytes(16)): string {
	const hash = scryptSync(password, salt, 32, { N: cost });
	return `scrypt:${cost}:${salt.toString('hex')}:${hash.toString('hex')}`;
}

/** True when the password matches a hash made by hashPassword (any cost). */
export function verifyPassword(password: string, stored: string | null): boolean {
	const [scheme, n, salt, hash] = (stored ?? '').split(':');
	if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'hex');
	const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length, { N: Number(n) });
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}
