/** Which path segments are secrets, and that everything else in a logged path stays as it was. */
import { describe, expect, it } from 'vitest'
import { redactPath } from './logRedaction.ts'

describe('redactPath', () => {
  it.each([
    ['/api/calendar/Zm9vYmFyYmF6.ics', '/api/calendar/[redacted].ics'],
    ['/visit-invite/abc123', '/visit-invite/[redacted]'],
    ['/c/sunrise/visit-invite/abc123', '/c/sunrise/visit-invite/[redacted]'],
    ['/visit-invite/abc123/__data.json', '/visit-invite/[redacted]/__data.json'],
    ['/api/users/verify/abc123', '/api/users/verify/[redacted]'],
    ['/admin/reset/abc123', '/admin/reset/[redacted]'],
    ['/reset-password?token=abc123', '/reset-password'],
    ['/confirm-email/abc123', '/confirm-email/[redacted]'],
  ])('%s is logged as %s', (path, logged) => {
    expect(redactPath(path)).toBe(logged)
  })

  it('keeps ordinary paths whole, ids included, and drops every query string', () => {
    expect(redactPath('/api/appointments/42/ics')).toBe('/api/appointments/42/ics')
    expect(redactPath('/appointments/42/calendar.ics')).toBe('/appointments/42/calendar.ics')
    expect(redactPath('/api/doctors/3/calendar-feed')).toBe('/api/doctors/3/calendar-feed')
    expect(redactPath('/doctors?specialty=Psychiatry&q=anxiety')).toBe('/doctors')
    expect(redactPath('/visit-invite/')).toBe('/visit-invite/')
  })
})
