import { SelectField } from '@payloadcms/ui'
import type { TextFieldServerComponent } from 'payload'
import { themeOptions } from './themes.ts'

/**
 * The clinic's theme, picked from the themes that exist rather than typed (a
 * mistyped name was only caught on save). The value stays text in the database,
 * so adding a theme folder needs no schema change. A stored theme whose folder is
 * gone stays visible, marked, so the admin sees why saving asks for another.
 */
export const ThemeSelect: TextFieldServerComponent = ({ clientField, data, path, readOnly, schemaPath }) => {
  const options = themeOptions()
  const current = typeof data?.theme === 'string' ? data.theme : undefined
  if (current && !options.some((option) => option.value === current)) {
    options.push({ value: current, label: `${current} (not in themes/)` })
  }
  return (
    <SelectField
      field={{ ...clientField, type: 'select', options, admin: { ...clientField.admin, isClearable: false, isSortable: false, placeholder: undefined } }}
      path={path ?? clientField.name}
      readOnly={readOnly}
      schemaPath={schemaPath}
    />
  )
}
