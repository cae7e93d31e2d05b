/**
 * Names accepted by `convkit lint --format`, in a module of their own so that the command's
 * option list (and `--help`) does not load the reporters (see src/cli/index.ts).
 */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
