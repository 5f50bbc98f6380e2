import type { Config, Payload } from 'payload'
import type { SettingValues, TelemedPlugin } from '@telemed/plugin-sdk'
import { pluginGroupName, pluginSettingsField, SETTINGS_GROUP } from './fields.ts'
import { platformKeyring } from './keyring.ts'
import { decryptSecret } from './secretBox.ts'
import { secretContext } from './secretField.ts'

/**
 * Adds each plugin's clinic settings to the clinic form (Clinics → Plugin
 * settings → the plugin), secrets encrypted at rest: see fields.ts and
 * secretField.ts.
 */
export const withClinicSettings = (config: Config, plugins: readonly TelemedPlugin[]): Config => {
  const field = pluginSettingsField(plugins)
  if (!field) return config
  return {
    ...config,
    collections: (config.collections ?? []).map((c) => (c.slug === 'tenants' ? { ...c, fields: [...c.fields, field] } : c)),
  }
}

type StoredClinic = { id: number | string; [SETTINGS_GROUP]?: Record<string, Record<string, unknown> | null | undefined> | null }

/**
 * One plugin's settings of one clinic, secrets decrypted: for the plugin's
 * server code only (`ctx.clinic(id).settings`). Read from the database
 * adapter, below the hooks that hide secrets from every other reader. Unset
 * settings are absent; a secret that no configured key decrypts throws an
 * error naming the key it needs, never the value.
 */
export async function readClinicSettings(payload: Payload, plugin: TelemedPlugin, clinicId: number | string): Promise<SettingValues> {
  const settings = plugin.clinicSettings ?? []
  if (!settings.length) return {}
  const clinic = await payload.db.findOne<StoredClinic>({ collection: 'tenants', where: { id: { equals: clinicId } } })
  if (!clinic) throw new Error(`There is no clinic ${clinicId}.`)
  const stored = clinic[SETTINGS_GROUP]?.[pluginGroupName(plugin.name)] ?? {}
  const values: SettingValues = {}
  for (const setting of settings) {
    const value = stored[setting.name]
    if (value === null || value === undefined || value === '') continue
    if (setting.type === 'secret')
      values[setting.name] = decryptSecret(platformKeyring(), String(value), secretContext(plugin.name, setting.name))
    else if (setting.type === 'checkbox') values[setting.name] = Boolean(value)
    else values[setting.name] = String(value)
  }
  return values
}
