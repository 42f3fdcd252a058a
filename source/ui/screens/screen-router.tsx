import { currentEntry } from '../../store/index.js';
import { useAppState } from '../store-context.js';
import { ApplicationListScreen } from './application-list-screen.js';
import { ApplyFileScreen } from './apply-file-screen.js';
import { AttributeListScreen } from './attribute-list-screen.js';
import { FlowExtensionsScreen } from './flow-extensions-screen.js';
import { IdentityProviderListScreen } from './identity-provider-list-screen.js';
import { LayoutEditorScreen } from './layout-editor-screen.js';
import { RequestDetailScreen } from './request-detail-screen.js';
import { RequestListScreen } from './request-list-screen.js';
import { RunFlowScreen } from './run-flow-screen.js';
import { TenantAttributesScreen } from './tenant-attributes-screen.js';
import { TenantExtensionsScreen } from './tenant-extensions-screen.js';
import { TenantProvidersScreen } from './tenant-providers-screen.js';
import { TenantScreen } from './tenant-screen.js';
import { UserFlowCreateScreen } from './user-flow-create-screen.js';
import { UserFlowDetailScreen } from './user-flow-detail-screen.js';
import { UserFlowListScreen } from './user-flow-list-screen.js';

/** The screen for the top of the navigation stack. */
export function ScreenRouter() {
	const { route } = useAppState(currentEntry);
	switch (route.id) {
		case 'user-flows':
			return <UserFlowListScreen />;
		case 'user-flow':
			return <UserFlowDetailScreen key={route.flowId} flowId={route.flowId} />;
		case 'user-flow/identity-providers':
			return <IdentityProviderListScreen key={route.flowId} flowId={route.flowId} />;
		case 'user-flow/attributes':
			return <AttributeListScreen key={route.flowId} flowId={route.flowId} />;
		case 'user-flow/applications':
			return <ApplicationListScreen key={route.flowId} flowId={route.flowId} />;
		case 'user-flow/new':
			return <UserFlowCreateScreen />;
		case 'user-flow/layout':
			return <LayoutEditorScreen key={route.flowId} flowId={route.flowId} />;
		case 'user-flow/run':
			return <RunFlowScreen key={route.flowId} flowId={route.flowId} />;
		case 'user-flow/extensions':
			return <FlowExtensionsScreen key={route.flowId} flowId={route.flowId} />;
		case 'tenant':
			return <TenantScreen />;
		case 'tenant/extensions':
			return <TenantExtensionsScreen />;
		case 'tenant/attributes':
			return <TenantAttributesScreen />;
		case 'tenant/providers':
			return <TenantProvidersScreen />;
		case 'requests':
			return <RequestListScreen />;
		case 'requests/entry':
			return <RequestDetailScreen key={route.seq} seq={route.seq} />;
		case 'apply-file':
			return <ApplyFileScreen />;
		default: {
			const never: never = route;
			return never;
		}
	}
}
