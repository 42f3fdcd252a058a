import type { RouteAction } from '../actions.js';
import { type AppState, entry, type RouteEntry } from '../state.js';
import { assertNever } from './never.js';

type Routes = AppState['routes'];

function withTop(routes: Routes, change: (top: RouteEntry) => RouteEntry): Routes {
	const top = routes[routes.length - 1] as RouteEntry;
	const next = change(top);
	return next === top ? routes : ([...routes.slice(0, -1), next] as unknown as Routes);
}

/** Navigation: push, pop, and the top entry's cursor and filter. */
export function reduceRoutes(routes: Routes, action: RouteAction): Routes {
	switch (action.type) {
		case 'route/pushed':
			return [...routes, entry(action.route)];
		case 'route/popped':
			return routes.length > 1 ? (routes.slice(0, -1) as unknown as Routes) : routes;
		case 'route/replaced':
			return withTop(routes, () => entry(action.route));
		case 'route/reset':
			// Back to the root screen, keeping its cursor and filter when it is the same screen.
			return routes[0].route.id === action.route.id ? [routes[0]] : [entry(action.route)];
		case 'route/cursorMoved':
			return withTop(routes, (top) =>
				top.cursor === Math.max(0, action.index) ? top : { ...top, cursor: Math.max(0, action.index) },
			);
		case 'route/filterOpened':
			return withTop(routes, (top) => ({ ...top, filtering: true }));
		case 'route/filterChanged':
			return withTop(routes, (top) => ({ ...top, filter: action.text, cursor: 0 }));
		case 'route/filterClosed':
			return withTop(routes, (top) =>
				action.keep ? { ...top, filtering: false } : { ...top, filtering: false, filter: '', cursor: 0 },
			);
		default:
			return assertNever(action);
	}
}
