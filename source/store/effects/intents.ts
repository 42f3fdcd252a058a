import type { Intent } from '../state.js';
import type { Effect } from '../store.js';
import { moveApplication, unlinkApplication } from './applications.js';
import { removeAttribute } from './attributes.js';
import { toggleSignUp } from './flows.js';
import { removeIdentityProvider } from './providers.js';
import { deleteTenantAttribute } from './tenant-attribute-changes.js';
import { deleteTenantExtension } from './tenant-extensions.js';
import { deleteTenantProvider } from './tenant-provider-changes.js';

/** What a confirmed dialog runs; undefined for quit, which only the UI can do. */
export function intentEffect(intent: Intent): Effect | undefined {
	switch (intent.type) {
		case 'removeIdentityProvider':
			return removeIdentityProvider(intent.flowId, intent.providerId);
		case 'removeAttribute':
			return removeAttribute(intent.flowId, intent.attributeId);
		case 'unlinkApplication':
			return unlinkApplication(intent.flowId, intent.appId);
		case 'moveApplication':
			return moveApplication(intent.flowId, intent.appId, intent.fromFlowId);
		case 'toggleSignUp':
			return toggleSignUp(intent.flowId);
		case 'discardCreateForm':
			return async (context) => {
				context.dispatch({ type: 'createDraft/closed' });
				context.dispatch({ type: 'route/popped' });
			};
		case 'deleteTenantExtension':
			return deleteTenantExtension(intent.extensionId);
		case 'deleteTenantAttribute':
			return deleteTenantAttribute(intent.attributeId);
		case 'deleteTenantProvider':
			return deleteTenantProvider(intent.providerId);
		case 'quit':
			return undefined;
		default: {
			const never: never = intent;
			return never;
		}
	}
}
