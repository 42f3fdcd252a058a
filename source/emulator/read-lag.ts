import type { FaultRule } from './fault-spec.js';
import type { TenantState } from './types.js';

/** An open lag: reads see `before` until the reads or the time run out. */
type Window = { before: TenantState; path?: string; readsLeft?: number; until?: number };

/**
 * Eventual consistency on demand (fault F-C1): after a write, reads answer from the tenant as it was before
 * it, as a replica that has not caught up would. Writes always go to the live tenant.
 */
export class ReadLag {
	#window: Window | undefined;

	/** A write that `rule` matched has just changed the tenant; `before` is the tenant as it was. */
	wrote(rule: FaultRule, before: TenantState, now: number): void {
		// A write while the lag lasts keeps the older view: the replica has seen neither write yet.
		const open = this.#active(now);
		this.#window = {
			before: open ? open.before : before,
			...(rule.path ? { path: rule.path.toLowerCase() } : {}),
			...(rule.reads === undefined ? {} : { readsLeft: rule.reads }),
			...(rule.ms === undefined ? {} : { until: now + rule.ms }),
		};
	}

	/** The stale tenant a read of `path` sees now, counting it as one lagging read; undefined when none. */
	read(path: string, now: number): TenantState | undefined {
		const window = this.#active(now);
		if (!window) return undefined;
		if (window.path && !path.toLowerCase().includes(window.path)) return undefined;
		if (window.readsLeft !== undefined) window.readsLeft--;
		return window.before;
	}

	#active(now: number): Window | undefined {
		const window = this.#window;
		if (!window) return undefined;
		const over =
			(window.readsLeft !== undefined && window.readsLeft <= 0) ||
			(window.until !== undefined && now >= window.until);
		if (over) this.#window = undefined;
		return over ? undefined : window;
	}
}
