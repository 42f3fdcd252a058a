/** The exhaustiveness check at the end of every reducer switch. */
export function assertNever(value: never): never {
	throw new Error(`Unhandled action: ${JSON.stringify(value)}`);
}
