import type { Payload } from 'payload'
import { pluginsOf } from '@telemed/plugin-sdk'
import { pluginGroupName, SETTINGS_GROUP } from './fields.ts'
import { platformKeyring } from './keyring.ts'
import { decryptSecret, encryptSecret, needsReencryption, SecretError, storedKeyId } from './secretBox.ts'
import { secretContext } from './secretField.ts'

type Group = Record<string, unknown>
type StoredClinic = { id: number | string; [SETTINGS_GROUP]?: Record<string, Group | null> | null }

export type RotationReport = {
  /** Secrets now under the current key that were under an old one. */
  reencrypted: number
  /** Secrets no configured key reads: the clinic and setting, and the id of the key they need. */
  unreadable: { clinic: number | string; setting: string; keyId: string | null }[]
}

/**
 * `npm run secrets:rotate`: writes every clinic's plugin secrets that are
 * under an old key (DATA_ENCRYPTION_OLD_KEYS) again under DATA_ENCRYPTION_KEY.
 * Afterwards the old keys can be removed. Straight through the database
 * adapter: nothing else of the clinic is read, validated or rewritten. Saving a
 * clinic in the admin panel does the same for that clinic.
 */
export async function reencryptSecrets(payload: Payload): Promise<RotationReport> {
  const keyring = platformKeyring()
  const secrets = pluginsOf(payload.config).flatMap((plugin) =>
    (plugin.clinicSettings ?? []).filter((s) => s.type === 'secret').map((s) => ({ plugin, setting: s.name })),
  )
  const report: RotationReport = { reencrypted: 0, unreadable: [] }
  if (!secrets.length) return report
  const { docs } = await payload.db.find<StoredClinic>({ collection: 'tenants', pagination: false, limit: 0 })
  for (const clinic of docs) {
    const groups: Record<string, Group | null> = { ...clinic[SETTINGS_GROUP] }
    let changed = false
    for (const { plugin, setting } of secrets) {
      const name = pluginGroupName(plugin.name)
      const stored = groups[name]?.[setting]
      if (typeof stored !== 'string' || !stored || !needsReencryption(keyring, stored)) continue
      const context = secretContext(plugin.name, setting)
      try {
        groups[name] = { ...groups[name], [setting]: encryptSecret(keyring, decryptSecret(keyring, stored, context), context) }
        changed = true
        report.reencrypted++
      } catch (error) {
        if (!(error instanceof SecretError)) throw error
        report.unreadable.push({ clinic: clinic.id, setting: context, keyId: storedKeyId(stored) })
      }
    }
    if (changed) await payload.db.updateOne({ collection: 'tenants', id: clinic.id, data: { [SETTINGS_GROUP]: groups } })
  }
  return report
}
