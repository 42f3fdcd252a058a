import type { Handler, MethodSpec } from '../router.js';

// The least-privileged permission of each call, as Graph's permissions reference lists it; `authorize` gets them.

/** A flow read (EventListener.Read.All). */
export const flowRead = (handler: Handler): MethodSpec => ({
	permission: 'EventListener.Read.All',
	write: false,
	handler,
});

/** A flow write (EventListener.ReadWrite.All). */
export const flowWrite = (handler: Handler): MethodSpec => ({
	permission: 'EventListener.ReadWrite.All',
	write: true,
	handler,
});

/** A tenant identity-provider read. */
export const providerRead = (handler: Handler): MethodSpec => ({
	permission: 'IdentityProvider.Read.All',
	write: false,
	handler,
});

/** A tenant identity-provider write. */
export const providerWrite = (handler: Handler): MethodSpec => ({
	permission: 'IdentityProvider.ReadWrite.All',
	write: true,
	handler,
});

/** A tenant user-flow attribute read. */
export const attributeRead = (handler: Handler): MethodSpec => ({
	permission: 'IdentityUserFlow.Read.All',
	write: false,
	handler,
});

/** A tenant user-flow attribute write. */
export const attributeWrite = (handler: Handler): MethodSpec => ({
	permission: 'IdentityUserFlow.ReadWrite.All',
	write: true,
	handler,
});

/** An app registration read. */
export const applicationRead = (handler: Handler): MethodSpec => ({
	permission: 'Application.Read.All',
	write: false,
	handler,
});

/** A custom authentication extension read (also the least for both validate actions). */
export const extensionRead = (handler: Handler): MethodSpec => ({
	permission: 'CustomAuthenticationExtension.Read.All',
	write: false,
	handler,
});

/** A custom authentication extension write. */
export const extensionWrite = (handler: Handler): MethodSpec => ({
	permission: 'CustomAuthenticationExtension.ReadWrite.All',
	write: true,
	handler,
});

/** The organization (GET /organization); delegated tokens pass with User.Read, app-only ones need this. */
export const organizationRead = (handler: Handler): MethodSpec => ({
	permission: 'Organization.Read.All',
	write: false,
	handler,
});
