/**
 * A setting a plugin asks of each clinic, edited by the clinic's admins on their
 * clinic in the admin panel (under the plugin's name).
 *
 * A `secret` (an API key, a client secret) is encrypted at rest with the
 * platform's DATA_ENCRYPTION_KEY, never returned by any API nor logged: the admin
 * panel shows only whether it is set, and offers to replace or clear it. Only the
 * plugin's own server code reads it, through `ClinicScope.settings`.
 */
export type SettingField =
  | { name: string; type: 'text'; label: string; description?: string }
  | { name: string; type: 'secret'; label: string; description?: string }
  | { name: string; type: 'checkbox'; label: string; description?: string }
  | { name: string; type: 'select'; label: string; description?: string; options: { label: string; value: string }[] }

/** A clinic's values of one plugin's settings, secrets decrypted; unset fields are absent. */
export type SettingValues = Record<string, string | boolean | undefined>
