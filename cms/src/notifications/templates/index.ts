/**
 * Notification templates: the subject, HTML and text email, SMS and in-app line of
 * every message the platform sends, drawn with the clinic's branding. Pure: no
 * database. Defaults are files of the default theme (themes/default/notifications/),
 * which a theme may replace file by file, and a clinic part by part (see themes/README.md).
 */
export { NOTIFICATION_EVENTS, EVENT_LABELS, TEMPLATE_PARTS, EVENT_VALUES, COMMON_VALUES, valuesOf, isNotificationEvent } from './events.ts'
export type { NotificationEvent, TemplatePart } from './events.ts'
export type { ClinicLook, RenderedMessage, TemplateOverride } from './types.ts'
export { renderNotification, MAX_SUBJECT_LENGTH } from './renderNotification.ts'
export { checkTemplate, type TemplateCheck } from './checkTemplate.ts'
export { SAMPLE_VALUES } from './sampleValues.ts'
export { formatWhen } from './formatWhen.ts'
