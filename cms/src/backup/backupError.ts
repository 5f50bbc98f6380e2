/** A backup or restore that cannot go on, said in one line for the operator (never a stack trace, never PHI). */
export class BackupError extends Error {}
