/** Demo clinics, people and visits. Every demo account's password is DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'demo-password'
export const PLATFORM_ADMIN = { name: 'Platform Admin', email: 'admin@demo.test' }

import type { PortraitLook } from './portraits.ts'

type DemoDoctor = {
  name: string
  email: string
  title: string
  specialties: string[]
  timeZone: string
  languages: string[]
  fee: number
  /** Their drawn portrait (portraits.ts): demo data shows no photo of a real person. */
  look: PortraitLook
  /** Degrees and training, as the doctor's page lists them. */
  education: string[]
  /** A paragraph in the doctor's own words, on their page. */
  bio: string
}
type DemoClinic = {
  name: string
  slug: string
  theme: string
  domains: string[]
  timeZone: string
  /** How the site writes dates (Clinics → Date and time format). */
  locale: 'en-US' | 'en-IN'
  currency: string
  /** Shown in the footer of the clinic's site and wherever it tells patients to call. */
  contact: { phone: string; email: string; address: string }
  admin: { name: string; email: string }
  doctors: DemoDoctor[]
  patients: {
    name: string
    email: string
    dateOfBirth: string
    sex: 'female' | 'male' | 'other'
    allergies?: string[]
    conditions?: string[]
  }[]
}

export const DEMO_CLINICS: DemoClinic[] = [
  {
    name: 'Northwind Health',
    slug: 'northwind',
    theme: 'northwind',
    // Plain localhost opens Northwind: it is the demo's default clinic.
    domains: ['northwind.localhost', 'localhost', '127.0.0.1'],
    timeZone: 'America/New_York',
    locale: 'en-US',
    currency: 'USD',
    contact: { phone: '+1 212 555 0100', email: 'hello@northwind.demo.test', address: '120 Hudson Street, Floor 3\nNew York, NY 10013' },
    admin: { name: 'Nora Admin', email: 'admin@northwind.demo.test' },
    doctors: [
      {
        name: 'Dr. Ana Ruiz',
        email: 'ana.ruiz@northwind.demo.test',
        education: [
          'MD, Columbia University Vagelos College of Physicians and Surgeons',
          'Residency in family medicine, Mount Sinai Hospital',
          'Board certified in family medicine',
        ],
        bio: 'I look after whole families, from a child\'s first fever to a grandparent\'s blood pressure. I see patients in English and Spanish, and I like to leave every visit with a clear plan you can follow at home.',
        title: 'Family physician',
        specialties: ['Family medicine'],
        timeZone: 'America/New_York',
        languages: ['English', 'Spanish'],
        fee: 90,
        look: { skin: '#c68863', hair: '#3b2219', hairStyle: 'long', backdrop: '#cfe8e3', shirt: '#1f7a6d' },
      },
      {
        name: 'Dr. Ben Chen',
        email: 'ben.chen@northwind.demo.test',
        education: [
          'MD, University of California, San Francisco',
          'Residency in dermatology, Stanford Health Care',
          'Fellowship in teledermatology',
        ],
        bio: 'Skin problems show well on camera: rashes, acne, eczema, moles that changed. Send a clear photo with your records before the visit and we can often settle it in one call.',
        title: 'Dermatologist',
        specialties: ['Dermatology'],
        timeZone: 'America/Los_Angeles',
        languages: ['English', 'Mandarin'],
        fee: 140,
        look: { skin: '#e8c09a', hair: '#1c1c1c', hairStyle: 'short', backdrop: '#dbe4f3', shirt: '#35507a' },
      },
      {
        name: 'Dr. Ifeoma Okafor',
        email: 'ifeoma.okafor@northwind.demo.test',
        education: [
          'MBBS, University of Lagos',
          'Specialty training in psychiatry, South London and Maudsley NHS Trust',
          'Member of the Royal College of Psychiatrists',
        ],
        bio: 'I help adults with anxiety, low mood, sleep and stress. Video visits let you talk from somewhere you feel at ease; we agree on goals together and review them at every visit.',
        title: 'Psychiatrist',
        specialties: ['Psychiatry', 'Mental health'],
        timeZone: 'Europe/London',
        languages: ['English'],
        fee: 160,
        look: { skin: '#7a4a2e', hair: '#151010', hairStyle: 'curly', backdrop: '#f1e1c8', shirt: '#8a3d5c' },
      },
    ],
    patients: [
      {
        name: 'Alice Walker',
        email: 'alice@demo.test',
        dateOfBirth: '1985-03-14',
        sex: 'female',
        allergies: ['Penicillin'],
        conditions: ['Asthma'],
      },
      { name: 'Bob Martin', email: 'bob@demo.test', dateOfBirth: '1972-11-02', sex: 'male', conditions: ['Hypertension'] },
      { name: 'Carol Diaz', email: 'carol@demo.test', dateOfBirth: '1994-07-23', sex: 'female' },
    ],
  },
  {
    name: 'Sunrise Clinic',
    slug: 'sunrise',
    theme: 'sunrise',
    domains: ['sunrise.localhost'],
    timeZone: 'Asia/Kolkata',
    locale: 'en-IN',
    currency: 'INR',
    contact: { phone: '+91 33 5555 0142', email: 'hello@sunrise.demo.test', address: '12 Park Street, 2nd floor\nKolkata 700016' },
    admin: { name: 'Sunil Admin', email: 'admin@sunrise.demo.test' },
    doctors: [
      {
        name: 'Dr. Priya Patel',
        email: 'priya.patel@sunrise.demo.test',
        education: [
          'MBBS, Seth GS Medical College, Mumbai',
          'MD in internal medicine, AIIMS New Delhi',
          'DM in cardiology, PGIMER Chandigarh',
        ],
        bio: 'I care for people with high blood pressure, palpitations and heart conditions, and for those who want to keep their heart healthy. Bring your recent readings and reports to the visit.',
        title: 'Cardiologist',
        specialties: ['Cardiology'],
        timeZone: 'Asia/Kolkata',
        languages: ['English', 'Hindi'],
        fee: 1500,
        look: { skin: '#a86b45', hair: '#1a1210', hairStyle: 'bun', backdrop: '#fbe0c8', shirt: '#c2410c' },
      },
      {
        name: 'Dr. Kenji Sato',
        email: 'kenji.sato@sunrise.demo.test',
        education: [
          'MD, Keio University School of Medicine',
          'Residency in paediatrics, National Center for Child Health and Development, Tokyo',
        ],
        bio: 'I see babies, children and teenagers with their parents: fevers, coughs, growth, feeding and sleep questions. Children join from the sofa, which makes the visit easier for everyone.',
        title: 'Paediatrician',
        specialties: ['Paediatrics'],
        timeZone: 'Asia/Tokyo',
        languages: ['English', 'Japanese'],
        fee: 1200,
        look: { skin: '#edc9a3', hair: '#242424', hairStyle: 'short', backdrop: '#e3ecd5', shirt: '#4d7c0f' },
      },
      {
        name: 'Dr. Linh Nguyen',
        email: 'linh.nguyen@sunrise.demo.test',
        education: [
          'MBBS, University of Sydney',
          'Fellowship of the Royal Australian College of General Practitioners',
        ],
        bio: 'A general practitioner for adults of every age: check-ups, repeat prescriptions, test results and the questions you have been meaning to ask. I explain plainly and write down the plan.',
        title: 'General practitioner',
        specialties: ['General practice'],
        timeZone: 'Australia/Sydney',
        languages: ['English', 'Vietnamese'],
        fee: 1000,
        look: { skin: '#e6bb8f', hair: '#2a1b14', hairStyle: 'long', backdrop: '#e6def5', shirt: '#6d28d9' },
      },
    ],
    patients: [
      { name: 'Dev Sharma', email: 'dev@demo.test', dateOfBirth: '1988-01-30', sex: 'male', conditions: ['Type 2 diabetes'] },
      { name: 'Esha Rao', email: 'esha@demo.test', dateOfBirth: '2001-09-09', sex: 'female', allergies: ['Peanuts'] },
      // Carol is a patient of both clinics: one account, two memberships.
      { name: 'Carol Diaz', email: 'carol@demo.test', dateOfBirth: '1994-07-23', sex: 'female' },
    ],
  },
]
