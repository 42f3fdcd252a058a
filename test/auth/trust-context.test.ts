import { once } from 'node:events';
import { connect, rootCertificates } from 'node:tls';
import test from 'ava';
import { trustContext } from '../../source/auth/trust-context.js';
import { identityFor } from '../helpers/auth-emulator.js';

test('one TLS context per list of certificates, however often and in whatever array it is asked for', (t) => {
	const list = [rootCertificates[0]!, rootCertificates[1]!];
	const context = trustContext(list);
	t.is(trustContext([...list]), context);
	t.is(trustContext(list), context);
	t.not(trustContext(list.slice(0, 1)), context);
	t.is(trustContext(list[0]!), trustContext([list[0]!]));
});

test('a shared context trusts what its list holds, and only that', async (t) => {
	const { origin, caPem } = await identityFor(t);
	const port = Number(new URL(origin).port);
	const handshake = async (certificates: readonly string[]) => {
		const socket = connect({ host: '127.0.0.1', port, secureContext: trustContext(certificates) });
		try {
			await once(socket, 'secureConnect');
			return 'trusted';
		} catch (error) {
			return (error as NodeJS.ErrnoException).code;
		} finally {
			socket.destroy();
		}
	};
	t.is(await handshake([caPem]), 'trusted');
	t.is(await handshake([...rootCertificates]), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
});
