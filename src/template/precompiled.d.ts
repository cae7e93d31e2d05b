// Types of dist/template/precompiled.js, which `npm run build` writes (scripts/precompile-templates.mjs):
// engine.ts checks the values before using them.
export declare const hash: unknown;
export declare const specs: unknown;
