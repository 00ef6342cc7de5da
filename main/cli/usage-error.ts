/** A command line that does not make sense: printed with the usage text, exit code 2. */
export class UsageError extends Error {}
