/** One request as the emulator saw it. The Authorization value is never stored, only whether it was sent. */
export type LogEntry = {
	/** Arrival time, ISO 8601. */
	time: string;
	method: string;
	/** Path and query as received (still percent-encoded). */
	path: string;
	/** Status sent; null while pending, or when the connection was dropped or left hanging. */
	status: number | null;
	/** The emulator's request-id for this call. */
	requestId: string;
	/** The caller's client-request-id header, or null when it sent none. */
	clientRequestId: string | null;
	/** The caller's retry-attempt header, or null. */
	retryAttempt: string | null;
	/** Whether an Authorization header was present. */
	authorization: boolean;
	/** The parsed JSON request body; the raw text when it was not JSON; undefined when empty or not a Graph call. */
	body?: unknown;
	/** Injected fault ids ("F-T1", "F-L1+F-S3"), or null. */
	fault: string | null;
	/** The client's port for this connection: a new port means a new connection. */
	remotePort: number | null;
};

// A long demo run must not grow without bound; tests never come near this.
const limit = 10_000;

/** An append-only in-memory log with a size cap. */
export class RequestLog {
	/** Live entries, oldest first. */
	readonly entries: LogEntry[] = [];

	/** Appends an entry and returns it so the caller can fill in status and fault later. */
	add(entry: LogEntry): LogEntry {
		this.entries.push(entry);
		if (this.entries.length > limit) this.entries.splice(0, this.entries.length - limit);
		return entry;
	}

	/** Empties the log in place (references to `entries` stay valid). */
	clear(): void {
		this.entries.length = 0;
	}
}
