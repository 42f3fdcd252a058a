import { type FaultRule, type FaultSpec, parseFaultSpec } from './fault-spec.js';
import { ReadLag } from './read-lag.js';

/** What the injector decided for one request. */
export type FaultPick = {
	/** Added delay before anything else happens (sum of the F-L1 rules that fired). */
	latencyMs: number;
	/** The one fault that fired that changes the answer, if any. */
	fault: FaultRule | null;
	/** An F-C1 rule that fired on this write: reads after it lag (read-lag.ts). */
	lag: FaultRule | null;
	/** Ids of everything that fired, for the log ("F-L1+F-T1"). */
	label: string | null;
};

type RuleState = { rule: FaultRule; seen: number; fired: number };

/** Deterministic PRNG (mulberry32), so `rate=` and latency draws repeat under one seed. */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Holds the active rules and their counters; replaced wholesale by setFaults. */
export class FaultInjector {
	readonly spec: string;
	/** The read lag F-C1 opens; new rules start without one. */
	readonly lag = new ReadLag();
	readonly #rules: RuleState[];
	readonly #random: () => number;

	constructor(spec = '') {
		const parsed: FaultSpec = parseFaultSpec(spec);
		this.spec = spec;
		this.#rules = parsed.rules.map((rule) => ({ rule, seen: 0, fired: 0 }));
		this.#random = mulberry32(parsed.seed);
	}

	/** Decides the faults for one request; `path` is the decoded path after the version segment. */
	pick(method: string, path: string): FaultPick {
		let latencyMs = 0;
		let fault: FaultRule | null = null;
		let lag: FaultRule | null = null;
		const labels: string[] = [];
		const isRead = ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
		for (const state of this.#rules) {
			const { id } = state.rule;
			// Latency and read lag add to other faults; the others stop at the first one that fires.
			const adds = id === 'F-L1' || id === 'F-C1';
			if ((!adds && fault) || (id === 'F-C1' && (isRead || lag))) continue;
			if (!this.#matches(state.rule, method, path)) continue;
			state.seen++;
			if (!this.#fires(state)) continue;
			state.fired++;
			labels.push(id);
			if (id === 'F-L1') latencyMs += this.latency(state.rule);
			else if (id === 'F-C1') lag = state.rule;
			else fault = state.rule;
		}
		return { latencyMs, fault, lag, label: labels.length > 0 ? labels.join('+') : null };
	}

	/** A latency draw for an F-L1 rule. */
	latency(rule: FaultRule): number {
		const min = rule.min ?? 0;
		const max = rule.max ?? 5000;
		return Math.round(min + (max - min) * this.#random());
	}

	#matches(rule: FaultRule, method: string, path: string): boolean {
		if (rule.methods && !rule.methods.includes(method.toUpperCase())) return false;
		if (rule.path && !path.toLowerCase().includes(rule.path.toLowerCase())) return false;
		return true;
	}

	#fires(state: RuleState): boolean {
		const { rule } = state;
		if (rule.nth !== undefined && state.seen !== rule.nth) return false;
		if (rule.times !== undefined && state.fired >= rule.times) return false;
		if (rule.rate !== undefined && this.#random() >= rule.rate) return false;
		return true;
	}
}
