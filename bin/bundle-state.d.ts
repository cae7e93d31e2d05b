/** See bin/bundle-state.js: the bundle's record (dist/cli.bundle.json) when the bundle is current. */
export function currentBundle(dist: string): Readonly<Record<string, unknown>> | undefined;
