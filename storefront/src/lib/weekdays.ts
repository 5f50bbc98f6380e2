/** Day names by JavaScript's numbering (0 = Sunday), as the doctors collection stores weekly hours. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
