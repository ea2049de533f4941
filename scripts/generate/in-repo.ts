/**
 * The files `npm run build` writes into the repository itself (everything else goes to dist/).
 * They are committed, so CI checks they match what the build generates (scripts/check-generated.ts).
 */
export const REFERENCE_FILE = 'docs/reference/functions.md';
/** Only its function table, between the functions:start and functions:end markers. */
export const FUNCTION_TABLE_FILE = 'README.md';
export const IN_REPO_OUTPUTS = [REFERENCE_FILE, FUNCTION_TABLE_FILE];
