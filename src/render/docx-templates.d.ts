// Types of dist/render/docx-templates.js, which `npm run build` writes (scripts/precompute-docx-templates.mjs):
// docx.ts checks the values before using them.
export declare const hash: unknown;
export declare const withHeader: unknown;
export declare const withoutHeader: unknown;
