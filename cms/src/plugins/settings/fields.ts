import type { Field, GroupField } from 'payload'
import type { SettingField, TelemedPlugin } from '@telemed/plugin-sdk'
import { clinicAdminsOnly } from '../../access/clinicAdmins.ts'
import { secretField } from './secretField.ts'

/** Clinics → Plugin settings: the group holding one sub-group per plugin that declares settings. */
export const SETTINGS_GROUP = 'pluginSettings'

/** A plugin's sub-group, by its name in camel case (`video-openvidu` → `videoOpenvidu`): a column-friendly field name. */
export const pluginGroupName = (pluginName: string) => pluginName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())

const SETTING_NAME = /^[a-z][a-zA-Z0-9]{0,39}$/

function settingField(plugin: TelemedPlugin, setting: SettingField): Field {
  const admin = setting.description ? { description: setting.description } : {}
  switch (setting.type) {
    case 'secret':
      return secretField(plugin.name, setting)
    case 'text':
      return { name: setting.name, type: 'text', label: setting.label, maxLength: 2000, admin }
    case 'checkbox':
      return { name: setting.name, type: 'checkbox', label: setting.label, admin }
    case 'select':
      return { name: setting.name, type: 'select', label: setting.label, options: setting.options, admin }
  }
}

function checkDeclaration(plugin: TelemedPlugin, settings: readonly SettingField[]): void {
  const seen = new Set<string>()
  for (const setting of settings) {
    if (!SETTING_NAME.test(setting.name)) {
      throw new Error(
        `The plugin ${plugin.name} declares a clinic setting "${setting.name}": use a camelCase name of letters and digits (apiKey).`,
      )
    }
    if (seen.has(setting.name)) throw new Error(`The plugin ${plugin.name} declares the clinic setting "${setting.name}" twice.`)
    seen.add(setting.name)
    if (setting.type === 'select' && !setting.options.length) {
      throw new Error(`The plugin ${plugin.name} declares the select setting "${setting.name}" without options.`)
    }
  }
}

/**
 * The Plugin settings group of a clinic, or null when no plugin declares
 * settings. Its values are read and changed only by the clinic's own admins
 * and platform admins (clinics themselves are public: the sites read them
 * before anyone signs in), even those that are not secret.
 */
export function pluginSettingsField(plugins: readonly TelemedPlugin[]): GroupField | null {
  const groups: GroupField[] = plugins.flatMap((plugin) => {
    const settings = plugin.clinicSettings ?? []
    if (!settings.length) return []
    checkDeclaration(plugin, settings)
    return [
      {
        name: pluginGroupName(plugin.name),
        type: 'group',
        // `visit-survey` reads "Visit survey" to an admin.
        label: plugin.name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
        fields: settings.map((setting) => settingField(plugin, setting)),
      } satisfies GroupField,
    ]
  })
  if (!groups.length) return null
  return {
    name: SETTINGS_GROUP,
    type: 'group',
    label: 'Plugin settings',
    access: { read: clinicAdminsOnly, update: clinicAdminsOnly },
    admin: {
      description:
        "What the platform's plugins need to know of this clinic, by plugin. Seen only by this clinic's admins and platform admins.",
    },
    fields: groups,
  }
}
