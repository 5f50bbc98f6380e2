import type { Plugin } from 'payload'

/**
 * The plugins that are on, in order, with their options: the one place that
 * decides (the platform's core never imports a plugin). `npm run plugin:new
 * <name>` adds its new plugin here; remove a line to turn a plugin off.
 * Options that differ per deployment come from the environment (see env.ts).
 */
export const plugins: Plugin[] = [
  // plugin:new adds entries above this line
]
