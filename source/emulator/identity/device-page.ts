/*
The verification page a person opens to approve a device code, like microsoft.com/devicelogin:
GET shows a form, POST with the code and "approve" or "decline" decides.
*/

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
input{font-size:1.2rem;letter-spacing:.1em;width:100%;box-sizing:border-box;padding:.4rem}
button{margin:.8rem .4rem 0 0;padding:.4rem 1rem;font-size:1rem}</style></head>
<body><p><small>entra-flows emulator · ${escapeHtml(title)}</small></p>${body}</body></html>`;
}

/** The code entry form. */
export function codeForm(tenantName: string, message = ''): string {
	return page(
		tenantName,
		`<h1>Enter code</h1>
<p>Enter the code displayed on your app or device.</p>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/devicelogin">
<label for="otc">Code</label>
<input id="otc" name="otc" autocomplete="off" autofocus required>
<button type="submit" name="action" value="approve">Sign in</button>
<button type="submit" name="action" value="decline">Decline</button>
</form>`,
	);
}

/** The result page after a decision. */
export function resultPage(tenantName: string, appName: string, approved: boolean): string {
	return page(
		tenantName,
		approved
			? `<h1>You're signed in</h1><p>You have signed in to the ${escapeHtml(appName)} application on your device. You may now close this window.</p>`
			: `<h1>Sign-in declined</h1><p>You declined to sign in to ${escapeHtml(appName)} on the other device. You may now close this window.</p>`,
	);
}
