import { BoundedReadError, readBoundedFile } from '../text/bounded-file.js';
import { AuthError } from './auth-error.js';

/** The most a workload token file may hold: the token is a JWT of a few KiB. */
export const federatedTokenLimitBytes = 64 * 1024;

/**
 * Reads the workload token a pipeline or cluster writes to AZURE_FEDERATED_TOKEN_FILE. Called for every token
 * request, never cached: GitHub Actions, Azure Pipelines and AKS replace the file before the old token expires.
 */
export function readFederatedToken(path: string): string {
	let text: string;
	try {
		text = readBoundedFile(path, federatedTokenLimitBytes).text;
	} catch (error) {
		if (!(error instanceof BoundedReadError)) throw error;
		throw new AuthError(
			'federated-token',
			error.problem === 'unreadable'
				? `Cannot read the federated token file ${path} (${error.errno ?? 'error'}).`
				: `The federated token file ${error.message}.`,
			'AZURE_FEDERATED_TOKEN_FILE must name the file the pipeline or cluster writes its workload token to (AKS mounts it; on GitHub Actions azure/login writes it; on Azure Pipelines the AzureCLI task with addSpnToEnvironment gives idToken).',
		);
	}
	const token = text.trim();
	if (token.split('.').length !== 3) {
		throw new AuthError(
			'federated-token',
			`The federated token file ${path} does not hold a token (a JWT with three dot-separated parts).`,
			'Point AZURE_FEDERATED_TOKEN_FILE at the workload token file itself; it is rewritten as the token rotates.',
		);
	}
	return token;
}
