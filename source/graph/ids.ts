// Ids of flows, providers, attributes and apps as the service compares them, shared by the store and the commands.

/** True when two ids are the same to the service: it ignores case (`google-oauth` is `Google-OAUTH`). */
export function sameId(a: string | undefined, b: string | undefined): boolean {
	return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The name a custom attribute's id ends with: `extension_<appId>_Favoritecolor` → `Favoritecolor`. */
export function attributeShortName(id: string): string {
	return id.replace(/^extension_[0-9a-f]+_/i, '');
}
