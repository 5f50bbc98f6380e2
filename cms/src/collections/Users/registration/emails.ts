/**
 * The emails of registration. Links and the clinic's name only: nothing about
 * the person's health, and nothing that says more than the link does.
 */
type Email = { subject: string; html: string; text: string }

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const paragraphs = (lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('')
const linked = (url: string) => `<a href="${escape(url)}">${escape(url)}</a>`

export function confirmRegistrationEmail(clinic: string, link: string, hours: number): Email {
  return {
    subject: `Confirm your email for ${clinic}`,
    html: paragraphs([
      'Hello,',
      `To finish registering with ${escape(clinic)}, open this link within ${hours} hours and enter the password you chose:`,
      linked(link),
      'If you did not register, ignore this email: no account will be opened.',
    ]),
    text: `Hello,\n\nTo finish registering with ${clinic}, open this link within ${hours} hours and enter the password you chose:\n${link}\n\nIf you did not register, ignore this email: no account will be opened.\n`,
  }
}

export function alreadyRegisteredEmail(clinic: string, signIn: string, reset: string): Email {
  return {
    subject: `Someone tried to register with ${clinic} using your email`,
    html: paragraphs([
      'Hello,',
      `Someone, probably you, tried to register with ${escape(clinic)} using this email address. You already have an account, so no new one was opened.`,
      `To sign in (if you are not yet a patient of ${escape(clinic)}, you can join after signing in): ${linked(signIn)}`,
      `If you forgot your password: ${linked(reset)}`,
      'If it was not you, ignore this email: nothing has changed.',
    ]),
    text: `Hello,\n\nSomeone, probably you, tried to register with ${clinic} using this email address. You already have an account, so no new one was opened.\n\nTo sign in (if you are not yet a patient of ${clinic}, you can join after signing in): ${signIn}\nIf you forgot your password: ${reset}\n\nIf it was not you, ignore this email: nothing has changed.\n`,
  }
}
