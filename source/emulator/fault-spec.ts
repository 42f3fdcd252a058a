// Fault spec grammar (faults option, setFaults(), PUT /_emulator/faults, and the x-emulator-fault header):
//
//   spec    := rule ( ',' rule )*            empty spec = no faults; blanks around tokens are ignored
//   rule    := 'seed=' INT                   sets the seed of the random source (default 1)
//            | ID ( ':' option )*            ';' is accepted in place of ':' (as in F-T1;retry-after=2)
//   option  := key '=' value
//
//   Common options (every ID):
//     times=N         fire on the next N matching requests only (default unlimited; F-A1 defaults to 1)
//     nth=N           fire only on the Nth matching request (1-based)
//     rate=P          fire with probability P in [0,1], drawn from the seeded source
//     method=M[|M…]   match only these HTTP methods (GET, POST, PATCH, PUT, DELETE)
//     path=TEXT       match only when the path after /v1.0 or /beta contains TEXT (case-insensitive)
//   Fault-specific options:
//     retry-after=S   F-T1 (default 5, fractions allowed), F-T4 (default 300), F-S1 (default 5)
//     date-offset=S   F-T2: Retry-After is an HTTP-date S seconds from now (default 5; negative = past)
//     min=MS max=MS   F-L1: added latency, uniform in [min,max] (defaults 0 and 5000)
//     status=N        F-S4: 500 | 502 | 507 (default 500); F-B0: any 100..599 (default 500)
//     kind=K          F-B0: html | truncated | empty (default html)
//     when=W          F-N1: before | after the request is applied (default before)
//     reads=N ms=MS   F-C1: after a write the rule matches, reads (GETs; only those whose path contains path=
//                     when it is given) answer from the tenant as it was before that write, for the next N
//                     reads or MS milliseconds, whichever ends first (default reads=1). A write while the lag
//                     lasts restarts it and reads still see the tenant before the first one.
//
//   IDs: F-T1 429 + Retry-After seconds · F-T2 429 + Retry-After HTTP-date · F-T3 429 without Retry-After ·
//   F-T4 429 with a huge Retry-After · F-S1 503 + Retry-After · F-S2 503 without · F-S3 504 after applying the
//   request · F-S4 500/502/507 · F-L1 latency · F-L2 hang (never answer) · F-N1 drop the connection ·
//   F-B0 malformed body (a 2xx status applies the request and mangles its body) · F-A1 401 token expired ·
//   F-A2 401 CAE claims challenge · F-A3 403 Authorization_RequestDenied · F-C1 reads lag writes (eventual
//   consistency: a new object reads as 404 Request_ResourceNotFound, a changed one reads as it was, a deleted one
//   is still there). F-L1 and F-C1 add to whatever other fault fires; F-C1 only ever fires on writes.
//
//   "Applied, answer lost" works on every write (POST create, PATCH, DELETE, POST/DELETE $ref, POST/DELETE
//   includeApplications): F-N1:when=after drops the connection after applying, F-S3 answers 504 after applying,
//   F-B0 with a 2xx status applies and answers that status with a mangled body (a refused write keeps its
//   refusal's status, so the fault never turns a refusal into a success).
//
// Example: `seed=7,F-T1:retry-after=0.5:times=2:method=GET,F-L1:min=10:max=50:rate=0.3`

/** The fault ids the emulator can inject, each described in the IDs list above. */
export const faultIds = [
	'F-T1',
	'F-T2',
	'F-T3',
	'F-T4',
	'F-S1',
	'F-S2',
	'F-S3',
	'F-S4',
	'F-L1',
	'F-L2',
	'F-N1',
	'F-B0',
	'F-A1',
	'F-A2',
	'F-A3',
	'F-C1',
] as const;

/** One fault id. */
export type FaultId = (typeof faultIds)[number];

/** One parsed rule, with fault-specific defaults filled in. */
export type FaultRule = {
	id: FaultId;
	/** The rule as written, for messages and the log. */
	text: string;
	times?: number;
	nth?: number;
	rate?: number;
	methods?: string[];
	path?: string;
	retryAfter?: number;
	dateOffset?: number;
	min?: number;
	max?: number;
	status?: number;
	kind?: 'html' | 'truncated' | 'empty';
	/** F-N1: drop the connection before the request is applied (default) or after. */
	when?: 'before' | 'after';
	/** F-C1: how many reads lag a write. */
	reads?: number;
	/** F-C1: how long reads lag a write, in milliseconds. */
	ms?: number;
};

/** A parsed spec. */
export type FaultSpec = { seed: number; rules: FaultRule[] };

const common = ['times', 'nth', 'rate', 'method', 'path'];
const specific: Record<FaultId, string[]> = {
	'F-T1': ['retry-after'],
	'F-T2': ['date-offset'],
	'F-T3': [],
	'F-T4': ['retry-after'],
	'F-S1': ['retry-after'],
	'F-S2': [],
	'F-S3': [],
	'F-S4': ['status'],
	'F-L1': ['min', 'max'],
	'F-L2': [],
	'F-N1': ['when'],
	'F-B0': ['status', 'kind'],
	'F-A1': [],
	'F-A2': [],
	'F-A3': [],
	'F-C1': ['reads', 'ms'],
};
const defaults: Partial<Record<FaultId, Partial<FaultRule>>> = {
	'F-T1': { retryAfter: 5 },
	'F-T2': { dateOffset: 5 },
	'F-T4': { retryAfter: 300 },
	'F-S1': { retryAfter: 5 },
	'F-S4': { status: 500 },
	'F-L1': { min: 0, max: 5000 },
	'F-B0': { status: 500, kind: 'html' },
	// "Token expired once, then success" is the useful default for the refresh-once test.
	'F-A1': { times: 1 },
};
const methodNames = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);

/** Parses a whole spec; throws an Error that names the offending rule and option. */
export function parseFaultSpec(spec: string): FaultSpec {
	const result: FaultSpec = { seed: 1, rules: [] };
	const texts = spec.split(',').map((text) => text.trim());
	texts.forEach((text, index) => {
		if (text === '') {
			if (texts.length > 1) throw new Error(`Invalid fault spec: rule ${index + 1} is empty`);
			return;
		}
		const seed = /^seed\s*=\s*(.*)$/i.exec(text);
		if (seed) {
			const value = seed[1] ?? '';
			if (!/^\d+$/.test(value)) {
				throw new Error(
					`Invalid fault spec: rule ${index + 1} '${text}': seed must be a non-negative integer`,
				);
			}
			result.seed = Number(value);
			return;
		}
		result.rules.push(parseRule(text, `rule ${index + 1} '${text}'`));
	});
	return result;
}

/** Parses one rule, as sent in the x-emulator-fault header. */
export function parseFaultRule(text: string): FaultRule {
	const trimmed = text.trim();
	if (trimmed === '') throw new Error('Invalid fault rule: empty');
	return parseRule(trimmed, `rule '${trimmed}'`);
}

function parseRule(text: string, where: string): FaultRule {
	const [head = '', ...options] = text.split(/[:;]/).map((part) => part.trim());
	const id = faultIds.find((candidate) => candidate === head.toUpperCase());
	if (!id)
		throw new Error(
			`Invalid fault spec: ${where}: unknown fault id '${head}' (known: ${faultIds.join(', ')})`,
		);
	const rule: FaultRule = { id, text, ...defaults[id] };
	const allowed = [...common, ...specific[id]];
	const seen = new Set<string>();
	for (const option of options) {
		const eq = option.indexOf('=');
		if (eq < 0) throw new Error(`Invalid fault spec: ${where}: option '${option}' is not key=value`);
		const key = option.slice(0, eq).trim().toLowerCase();
		const value = option.slice(eq + 1).trim();
		if (!allowed.includes(key)) {
			throw new Error(
				`Invalid fault spec: ${where}: unknown option '${key}' for ${id} (allowed: ${allowed.join(', ')})`,
			);
		}
		if (seen.has(key)) throw new Error(`Invalid fault spec: ${where}: option '${key}' given twice`);
		seen.add(key);
		applyOption(rule, key, value, `${where}: option '${key}'`);
	}
	if (id === 'F-C1' && rule.reads === undefined && rule.ms === undefined) rule.reads = 1;
	if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
		throw new Error(`Invalid fault spec: ${where}: min (${rule.min}) is greater than max (${rule.max})`);
	}
	return rule;
}

function applyOption(rule: FaultRule, key: string, value: string, where: string): void {
	const fail = (what: string): never => {
		throw new Error(`Invalid fault spec: ${where} must be ${what}, got '${value}'`);
	};
	const number = (): number => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : fail('a number'));
	const positiveInt = (): number => (/^[1-9]\d*$/.test(value) ? Number(value) : fail('a positive integer'));
	switch (key) {
		case 'times':
			rule.times = positiveInt();
			break;
		case 'nth':
			rule.nth = positiveInt();
			break;
		case 'rate': {
			const rate = number();
			rule.rate = rate >= 0 && rate <= 1 ? rate : fail('a probability between 0 and 1');
			break;
		}
		case 'method': {
			const methods = value.toUpperCase().split('|');
			if (methods.some((method) => !methodNames.has(method))) fail('GET, POST, PATCH, PUT or DELETE');
			rule.methods = methods;
			break;
		}
		case 'path':
			rule.path = value === '' ? fail('a non-empty path fragment') : value;
			break;
		case 'retry-after': {
			const seconds = number();
			rule.retryAfter = seconds >= 0 ? seconds : fail('a non-negative number of seconds');
			break;
		}
		case 'date-offset':
			rule.dateOffset = /^-?\d+$/.test(value) ? Number(value) : fail('a whole number of seconds');
			break;
		case 'min':
			rule.min = /^\d+$/.test(value) ? Number(value) : fail('a non-negative integer of milliseconds');
			break;
		case 'max':
			rule.max = /^\d+$/.test(value) ? Number(value) : fail('a non-negative integer of milliseconds');
			break;
		case 'status': {
			const status = positiveInt();
			if (rule.id === 'F-S4' && ![500, 502, 507].includes(status)) fail('500, 502 or 507');
			if (status < 100 || status > 599) fail('an HTTP status between 100 and 599');
			// A malformed body needs a status that carries one.
			if (rule.id === 'F-B0' && (status < 200 || status === 204 || status === 205 || status === 304))
				fail('a status that carries a body (not 1xx, 204, 205 or 304)');
			rule.status = status;
			break;
		}
		case 'kind':
			if (value !== 'html' && value !== 'truncated' && value !== 'empty') fail('html, truncated or empty');
			rule.kind = value as FaultRule['kind'];
			break;
		case 'reads':
			rule.reads = positiveInt();
			break;
		case 'ms':
			rule.ms = /^[1-9]\d*$/.test(value) ? Number(value) : fail('a positive integer of milliseconds');
			break;
		case 'when':
			if (value !== 'before' && value !== 'after') fail('before or after');
			rule.when = value as FaultRule['when'];
			break;
	}
}
