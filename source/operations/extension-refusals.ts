// The rules a custom authentication extension write can break, as data: their own union, worded by each face.
import type { ExtensionEvent } from '../graph/extensions.js';
import type { FlowRef } from './refusals.js';

/** An extension as a refusal names it. */
export type ExtensionRef = { readonly id: string; readonly displayName: string };

/** How a detach was asked for, and what the service said to it. */
export type DetachTry = {
	readonly how: 'delete-ref' | 'patch-null';
	/** The HTTP status of the refusal, or 'ignored' when the call passed but the extension stayed attached. */
	readonly answer: number | 'ignored';
};

export type ExtensionRefusal =
	/** Flows still run the extension: what deleting it would do to them is undocumented, so detach first. */
	| { readonly rule: 'extensionInUse'; readonly extension: ExtensionRef; readonly flows: readonly FlowRef[] }
	/** A start extension on the submit event (or the other way round), or a kind no flow event takes. */
	| {
			readonly rule: 'extensionWrongEvent';
			readonly extension: ExtensionRef;
			readonly event: ExtensionEvent;
			/** The event it serves; undefined for kinds flows do not take (token issuance, OTP send…). */
			readonly serves?: ExtensionEvent;
	  }
	/** Only attribute-collection extensions are written by this tool; the others are shown read-only. */
	| { readonly rule: 'extensionNotForFlows'; readonly extension: ExtensionRef; readonly odataType: string }
	/** No documented way to detach worked: every way tried was refused or left the extension attached. */
	| {
			readonly rule: 'detachUnsupported';
			readonly flow: FlowRef;
			readonly event: ExtensionEvent;
			readonly extension: ExtensionRef;
			readonly tried: readonly DetachTry[];
	  };

/** The extension refusals named `K`. */
export type ExtensionRefusalOf<K extends ExtensionRefusal['rule']> = Extract<
	ExtensionRefusal,
	{ readonly rule: K }
>;

const extensionRules: Readonly<Record<ExtensionRefusal['rule'], true>> = {
	extensionInUse: true,
	extensionWrongEvent: true,
	extensionNotForFlows: true,
	detachUnsupported: true,
};

/** True for the extension rules, among refusals of either union. */
export function isExtensionRefusal(refusal: { readonly rule: string }): refusal is ExtensionRefusal {
	return Object.hasOwn(extensionRules, refusal.rule);
}
