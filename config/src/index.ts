/**
 * The platform's environment: `env()` (parsed once, see env.ts), `parseEnv`
 * for tests, and the declared variables. The list of plugins that are on is
 * apart, in `@telemed/config/plugins` (plugins.ts), which reads its options
 * from here: importing the environment never loads a plugin.
 */
export * from './env.ts'
