import { StringDecoder } from 'node:string_decoder';
import type { Got, PlainResponse, RequestError } from 'got';
import { certificateHostNames, hostNameMismatch } from '../text/tls-names.js';
import type { AttemptOutcome } from './next-step.js';
import type { AttemptRequest } from './transport.js';

type GotStream = ReturnType<Got['stream']>;

/** How many bytes of small pieces are gathered before they are decoded. */
const gatherBytes = 64 * 1024;

/** What one attempt comes to, before the send loop weighs it. */
export type SentOutcome = Exclude<AttemptOutcome, { type: 'reconciled' }>;

/**
 * Reads one answer as text, decoding each piece as it arrives. Not got's promise API: that joins the pieces into
 * one buffer of the whole answer first (2.2 MiB for a page of 1,000 flows), and glibc, once such a buffer is freed,
 * serves every later allocation up to that size from its arenas and stops handing their free tops back: measured,
 * 11–16 MiB more of the process's memory after a 10,000-flow list (docs/measured.md). The pieces are the socket's
 * reads, smaller ones gathered to 64 KiB, and the text is built in V8's heap.
 */
export function readAnswer(
	stream: GotStream,
	request: AttemptRequest,
	maxResponseBytes: number,
): Promise<SentOutcome> {
	// The stream and its listeners outlive the answer (got and the agent keep them for a while): the listeners
	// reach the answer only through `finish`, dropped once it is given, so nothing of a page stays reachable.
	let finish: ((outcome: SentOutcome) => void) | undefined;
	let fail: ((error: unknown) => void) | undefined;
	const answer = new Promise<SentOutcome>((resolve, reject) => {
		finish = resolve;
		fail = reject;
	});
	const forget = () => {
		finish = undefined;
		fail = undefined;
		text = '';
		response = undefined;
		gathered = undefined;
		// As got's promise API does once it has the body: this removes got's listener on the call's signal (one
		// signal serves every page of a list), and leaves a finished answer's connection to the agent for reuse.
		stream.destroy();
	};
	const settle = (outcome: SentOutcome) => {
		const give = finish;
		forget();
		give?.(outcome);
	};
	const decoder = new StringDecoder('utf8');
	let text = '';
	let response: PlainResponse | undefined;
	// Small pieces are gathered before they are decoded: every piece added to `text` costs some 32 bytes of its
	// own, so an answer sent a byte at a time would otherwise hold 32 times its size until it ends.
	let gathered: Buffer | undefined;
	let used = 0;
	const decodeGathered = () => {
		if (!gathered || used === 0) return;
		text += decoder.write(gathered.subarray(0, used));
		used = 0;
	};
	const take = (chunk: Buffer) => {
		if (used === 0 && chunk.length >= gatherBytes) {
			text += decoder.write(chunk);
			return;
		}
		gathered ??= Buffer.allocUnsafe(gatherBytes);
		for (let offset = 0; offset < chunk.length; ) {
			const copied = chunk.copy(gathered, used, offset);
			used += copied;
			offset += copied;
			if (used === gatherBytes) decodeGathered();
		}
	};
	// Stop at the cap, announced by Content-Length or reached while reading.
	stream.on('downloadProgress', (progress) => {
		if (!finish) return;
		if (progress.transferred > maxResponseBytes || (progress.total ?? 0) > maxResponseBytes) {
			settle({ type: 'oversized', limitBytes: maxResponseBytes });
		}
	});
	stream.on('response', (received: PlainResponse) => {
		response = received;
	});
	// A 101 (any upgrade) goes to got's 'upgrade' event and nowhere else: no 'response', no 'error', and got's
	// timers went with the request, so without this the answer would never settle. Graph never upgrades.
	stream.once('upgrade', (upgraded: PlainResponse, socket: { destroy(): void }) => {
		socket.destroy();
		if (finish)
			settle({
				type: 'transport',
				code: 'ERR_UNEXPECTED_UPGRADE',
				cancelled: false,
				sent: true,
				status: upgraded.statusCode,
			});
	});
	stream.on('data', (chunk: Buffer) => {
		if (finish) take(chunk);
	});
	stream.on('end', () => {
		if (!finish) return;
		// got emits 'response' before any byte of the body; an end without it is settled all the same.
		if (!response)
			return settle({ type: 'transport', code: 'ERR_NO_RESPONSE', cancelled: false, sent: true });
		decodeGathered();
		settle({
			type: 'response',
			status: response.statusCode,
			headers: response.headers,
			body: text + decoder.end(),
			receivedAt: Date.now(),
		});
	});
	stream.on('error', (error: unknown) => {
		if (!finish) return;
		// Only transport failures are mapped; anything else is a bug and must surface as one.
		if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') {
			const rejectWith = fail;
			forget();
			rejectWith?.(error);
			return;
		}
		const cancelled =
			request.signal?.aborted === true || error.code === 'ERR_ABORTED' || error.name === 'AbortError';
		const failed = error as RequestError;
		const names = error.code === hostNameMismatch ? certificateHostNames(error) : [];
		settle({
			type: 'transport',
			code: error.code,
			cancelled,
			...(names.length > 0 ? { certificateNames: names } : {}),
			// got notes when the whole request was written out; before that the service cannot have run it.
			sent: failed.timings?.upload !== undefined,
			...(failed.response ? { status: failed.response.statusCode } : {}),
		});
	});
	return answer;
}
