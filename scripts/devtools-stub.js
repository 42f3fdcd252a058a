// Stands in for Ink's devtools.js in the bundle (see bundle-options.mjs): React DevTools are not shipped.
export {};
