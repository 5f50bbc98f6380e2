import type { CollectionConfig } from 'payload'
import { env } from '@telemed/config'
import { manageMembership, usersAccess } from '../../access/users.ts'
import { ROLES } from '../../access/roles.ts'
import { audited } from '../../hooks/audit.ts'
import { guardRoleAndClinics } from './hooks/guardRoleAndClinics.ts'
import { assignableRoles } from './assignable.ts'
import { recordConsent } from './hooks/recordConsent.ts'
import { patientProfileFields } from './patientProfile.ts'
import { forgotPassword } from './auth/forgotPassword.ts'
import { signedInUser } from './auth/signedInUser.ts'
import { guardCredentials, takeCurrentPassword } from './hooks/guardCredentials.ts'
import { refuseUnconfirmedEmail, signInAnswers } from './auth/signInAnswers.ts'
import { emailConfirmationField } from './auth/emailConfirmation.ts'
import { register } from './registration/register.ts'
import { confirmEmail } from './registration/confirmEmail.ts'
import { joinClinic } from './registration/joinClinic.ts'
import { messagePreferencesField, timeZoneField } from '../../notifications/preferences.ts'
import { tellTheFormerAddress } from '../../notifications/accountMessages.ts'

/**
 * Everyone who signs in: platform and clinic admins, doctors, patients.
 * One email is one account; clinic memberships are the `tenants` array that the
 * multi-tenant plugin adds. Patients' accounts hold their health profile, so
 * reads of them by others are audited.
 */
export const Users: CollectionConfig = audited(
  {
    slug: 'users',
    auth: {
      maxLoginAttempts: 5,
      lockTime: 15 * 60 * 1000,
      tokenExpiration: 8 * 60 * 60,
      // Secure cookies whenever the platform is reached over HTTPS.
      cookies: { sameSite: 'Lax', secure: env().PUBLIC_URL.startsWith('https://') },
      // The signed-in user is read on every request: clinics stay ids (access rules compare ids), not whole clinic documents.
      depth: 0,
      strategies: [signedInUser],
      // Reset emails are sent by our own forgot-password endpoint (auth/forgotPassword.ts).
      forgotPassword: { expiration: 60 * 60 * 1000 },
    },
    access: usersAccess,
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'email', 'role'],
      listSearchableFields: ['name', 'email'],
      group: 'People',
    },
    endpoints: [register, confirmEmail, joinClinic, forgotPassword],
    hooks: {
      beforeOperation: [takeCurrentPassword, signInAnswers],
      beforeLogin: [refuseUnconfirmedEmail],
      beforeChange: [guardRoleAndClinics, guardCredentials, recordConsent],
      afterChange: [tellTheFormerAddress],
    },
    fields: [
      { name: 'name', type: 'text', required: true, maxLength: 120 },
      {
        name: 'role',
        type: 'select',
        required: true,
        defaultValue: 'patient',
        options: ROLES.map((value) => ({ value, label: value.replace('-', ' ').replace(/^./, (c) => c.toUpperCase()) })),
        // The form offers a clinic admin only the roles they may give (see assignable.ts).
        filterOptions: assignableRoles,
        access: { create: manageMembership, update: manageMembership },
        saveToJWT: true,
        index: true,
      },
      {
        name: 'consents',
        label: 'Consent to clinic terms',
        type: 'array',
        // Given once at registration (see recordConsent); a record of what was accepted, never edited afterwards.
        access: { update: () => false },
        admin: { readOnly: true, condition: (data) => data?.role === 'patient' },
        fields: [
          { name: 'tenant', label: 'Clinic', type: 'relationship', relationTo: 'tenants', required: true },
          { name: 'acceptedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        ],
      },
      emailConfirmationField,
      {
        name: 'patientProfile',
        type: 'group',
        admin: { condition: (data) => data?.role === 'patient' },
        fields: patientProfileFields,
      },
      messagePreferencesField,
      timeZoneField,
    ],
  },
  // Reads of a patient's account by someone else; not a patient's own, nor sign-in's lookup of the user.
  (doc, req) => doc.role === 'patient' && Boolean(req.user) && String(doc.id) !== String(req.user?.id),
)
