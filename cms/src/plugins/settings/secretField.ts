import { ValidationError, type FieldAccess, type FieldHook, type TextField } from 'payload'
import type { SettingField } from '@telemed/plugin-sdk'
import { clinicAdminsOnly } from '../../access/clinicAdmins.ts'
import { platformKeyring } from './keyring.ts'
import { decryptSecret, encryptSecret, needsReencryption } from './secretBox.ts'

/**
 * What every read of a secret that is set returns instead of it: to the REST
 * API, the admin panel (its form shows the dots in the field), depth
 * population, hooks that receive the document (audit, afterChange) and the
 * platform's own local API calls alike. Only `readClinicSettings` reads the
 * stored value, from the database adapter, and decrypts it for the plugin.
 */
export const SECRET_SET = '••••••••'

/** Longest secret a clinic admin may store (API keys and client secrets are far shorter; a PEM key fits). */
const MAX_SECRET_LENGTH = 8192

/** The additional data a secret is encrypted with: it decrypts only in the setting it was written to. */
export const secretContext = (pluginName: string, settingName: string) => `${pluginName}.${settingName}`

/**
 * Why one stored field and a placeholder, and not a hidden field beside a
 * virtual one or a custom admin component: the field's afterRead hook runs on
 * every read, whoever asks and however (REST, admin panel, population, local
 * API with overrideAccess), so the ciphertext cannot leave by a path nobody
 * thought of; and the admin panel's ordinary text input does the rest. On
 * save, Payload sends back the whole form, the placeholder included:
 *
 * - the placeholder, or no value at all: keep the stored secret (the value
 *   Payload would otherwise write back is the placeholder, never the secret);
 * - an empty value or null: clear it;
 * - any other text: the new secret, encrypted under DATA_ENCRYPTION_KEY.
 *
 * A kept secret of an old key (DATA_ENCRYPTION_OLD_KEYS) is re-encrypted under
 * the current key on the way, so saving a clinic also rotates its secrets.
 *
 * Reading requires a document: a `where` or `sort` on a secret is refused to
 * everyone (a query is checked without one), so nobody probes the ciphertext
 * with `like`.
 */
export function secretField(pluginName: string, setting: Extract<SettingField, { type: 'secret' }>): TextField {
  const context = secretContext(pluginName, setting.name)
  // On a clinic (a document read has `doc`, the admin panel's form has the clinic's `id`); a query has neither.
  const readOnAdocument: FieldAccess = (args) => (args.doc !== undefined || args.id !== undefined) && clinicAdminsOnly(args)

  const hideOnRead: FieldHook = ({ value }) => (typeof value === 'string' && value !== '' ? SECRET_SET : null)

  const encryptOnWrite: FieldHook = ({ value, operation, siblingDocWithLocales, path, collection, req }) => {
    // The stored value as it is in the database (siblingDoc went through the afterRead hook above).
    const stored = operation === 'update' ? (siblingDocWithLocales?.[setting.name] as string | null | undefined) : undefined
    if (value === undefined || value === SECRET_SET) return keep(stored ?? null)
    if (value === null || value === '') return null
    const refuse = (message: string) =>
      new ValidationError({ collection: collection?.slug, errors: [{ path: path.join('.'), message }], req })
    if (typeof value !== 'string') throw refuse(`${setting.label} is text.`)
    if (value.includes('•')) throw refuse(`Type the whole new value of ${setting.label}: the dots stand for the one that is set.`)
    if (value.length > MAX_SECRET_LENGTH) throw refuse(`${setting.label} is at most ${MAX_SECRET_LENGTH} characters.`)
    return encryptSecret(platformKeyring(), value, context)

    function keep(current: string | null): string | null {
      const keyring = platformKeyring()
      if (!current || !needsReencryption(keyring, current)) return current
      try {
        return encryptSecret(keyring, decryptSecret(keyring, current, context), context)
      } catch {
        // A value of a key no longer configured stays as it is: saving the clinic's other settings must not fail for it.
        return current
      }
    }
  }

  return {
    name: setting.name,
    type: 'text',
    label: setting.label,
    access: { read: readOnAdocument },
    admin: {
      description: [
        setting.description,
        `Secret, stored encrypted and never shown: ${SECRET_SET} means it is set. Type a new value to replace it; empty the field to remove it.`,
      ]
        .filter(Boolean)
        .join(' '),
      // An empty field reads "Not set"; a set one shows the dots.
      placeholder: 'Not set',
      autoComplete: 'off',
    },
    hooks: { afterRead: [hideOnRead], beforeChange: [encryptOnWrite] },
  }
}
