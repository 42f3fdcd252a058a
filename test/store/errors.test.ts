import test from 'ava';
import { AuthError } from '../../source/auth/auth-error.js';
import { toAppError } from '../../source/store/errors.js';

test('a sign-in failure shows its own code (Entra’s, else ours), never the class name', (t) => {
	const cancelled = toAppError(new AuthError('cancelled', 'Sign-in cancelled.', 'Sign in again when ready.'));
	t.like(cancelled, { code: 'cancelled', message: 'Sign-in cancelled.', hint: 'Sign in again when ready.' });
	const entra = toAppError(
		new AuthError('app-not-found', 'No such app.', 'Check the id.', { aadsts: 'AADSTS700016' }),
	);
	t.is(entra.code, 'AADSTS700016');
	t.notRegex(JSON.stringify([cancelled, entra]), /AuthError/);
});
