import { prepareRunLink } from '../operations/run-flow.js';
import { type QrBackground, qrLines, qrModules } from '../text/qr-code.js';
import { type Command, printJson, stringFlag, UsageError } from './command.js';
import { resolveFlowOf } from './resolve.js';
import { runLinkFailure } from './run-link-words.js';

// "Run user flow": the authorize link the portal's Run pane builds, printed and drawn as a QR code so a phone
// can open it while the admin is on SSH.

const usage =
	'flows run <flow> [--app APP] [--redirect-uri URI] [--response-type code|id_token] [--locale xx-XX] [--prompt login] [--qr dark|light|none]';

const platformWords = { web: 'web', spa: 'single-page app', publicClient: 'mobile and desktop' } as const;

const run: Command = {
	path: ['flows', 'run'],
	usage,
	summary: "Build the flow's sign-up/sign-in link for one of its apps, print it and draw it as a QR code.",
	arity: [1, 2],
	flags: [
		{ name: 'app', type: 'string', value: 'APP', description: 'appId or name of an app linked to the flow' },
		{ name: 'redirect-uri', type: 'string', value: 'URI', description: "one of the app's redirect URIs" },
		{ name: 'response-type', type: 'string', value: 'TYPE', description: 'code (default) or id_token' },
		{ name: 'locale', type: 'string', value: 'xx-XX', description: 'page language (ui_locales and mkt)' },
		{
			name: 'prompt',
			type: 'string',
			value: 'PROMPT',
			description: 'login, select_account, consent, none or create',
		},
		{
			name: 'qr',
			type: 'string',
			value: 'BG',
			description:
				"the terminal's background, dark (default) or light, for the QR code; none to leave it out",
		},
	],
	async run(context) {
		const responseType = stringFlag(context.flags, 'response-type');
		if (responseType !== undefined && responseType !== 'code' && responseType !== 'id_token') {
			throw new UsageError(`--response-type is code or id_token, not "${responseType}".`);
		}
		const qr = stringFlag(context.flags, 'qr') ?? 'dark';
		if (!['dark', 'light', 'none'].includes(qr)) {
			throw new UsageError(`--qr is dark, light or none (the terminal's background), not "${qr}".`);
		}
		const client = await context.graph();
		const flow = await resolveFlowOf(client, context.args, usage);
		const ref = { id: flow.id, displayName: flow.displayName ?? '' };
		const app = stringFlag(context.flags, 'app');
		const redirectUri = stringFlag(context.flags, 'redirect-uri');
		const locale = stringFlag(context.flags, 'locale');
		const prompt = stringFlag(context.flags, 'prompt');
		const prepared = await prepareRunLink(client, ref, {
			...(app !== undefined ? { appId: app } : {}),
			...(redirectUri !== undefined ? { redirectUri } : {}),
			...(responseType ? { responseType } : {}),
			...(locale !== undefined ? { locale } : {}),
			...(prompt !== undefined ? { prompt } : {}),
		});
		if (prepared.kind === 'refused') throw runLinkFailure(prepared.refusal);
		const { link, application } = prepared;
		if (context.json) {
			return printJson(context, {
				flow: ref,
				app: { appId: application.appId, displayName: application.displayName },
				url: link.url,
				authorizeEndpoint: link.authorizeEndpoint,
				customerHost: link.customerHost,
				redirect: link.redirect,
				parameters: link.parameters,
				state: link.state,
				nonce: link.nonce,
				...(link.pkce ? { codeVerifier: link.pkce.verifier, pkce: link.pkce } : {}),
			});
		}
		const lines = [
			`Run "${ref.displayName}" with ${application.displayName ? `"${application.displayName}" ` : ''}(${application.appId}), returning to ${link.redirect.uri} (${platformWords[link.redirect.platform]}${link.pkce ? ', PKCE S256' : ''}):`,
			'',
			link.url,
			'',
		];
		if (qr !== 'none') {
			const width = qrModules(link.url).length;
			if (context.columns !== undefined && context.columns < width) {
				lines.push(
					`(The QR code needs ${width} columns; this terminal has ${context.columns}. Widen it, or open the link above.)`,
					'',
				);
			} else {
				lines.push(...qrLines(link.url, { background: qr as QrBackground }), '');
			}
		}
		if (link.pkce) {
			lines.push(`To redeem the code: code_verifier=${link.pkce.verifier} (also in --json).`);
		}
		lines.push(`state=${link.state}  nonce=${link.nonce}`);
		context.stdout(`${lines.join('\n')}\n`);
	},
};

export const runFlowCommands: readonly Command[] = [run];
