import { isIP } from 'node:net';

/**
 * True only for the name `localhost`, an IPv4 literal in 127.0.0.0/8 and the IPv6 literal ::1 (with or
 * without brackets, as `URL.hostname` gives it). A name that merely starts with "127." is a DNS name
 * like any other and may resolve anywhere, so `127.attacker.example` is not loopback. This one rule
 * decides where plain http may carry a token and which hosts never go through a proxy.
 */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
	if (host === 'localhost') return true;
	const version = isIP(host);
	if (version === 4) return host.startsWith('127.');
	// URL writes ::1 in its shortest form; other spellings (0:0:0:0:0:0:0:1) are normalised through it.
	if (version === 6) return new URL(`http://[${host}]`).hostname === '[::1]';
	return false;
}
