/** An unsigned JWT-shaped token `header.payload.sig` carrying these claims (the HTTP emulator accepts any bearer). */
export function fakeJwt(claims: Record<string, unknown>): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.sig`;
}

/** What `login --read-only` asks for. */
export const readOnlyScopes =
	'EventListener.Read.All IdentityProvider.Read.All IdentityUserFlow.Read.All Application.Read.All Policy.Read.AuthenticationMethod AuditLog.Read.All';

/** What `login` asks for. */
export const readWriteScopes =
	'EventListener.ReadWrite.All IdentityProvider.ReadWrite.All IdentityUserFlow.ReadWrite.All Application.Read.All Policy.ReadWrite.AuthenticationMethod AuditLog.Read.All';
