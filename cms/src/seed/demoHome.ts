/**
 * The demo clinics' home pages, privacy policies and terms, as their admins would
 * write them in the admin panel (Clinics → Home page): Northwind a calm New York
 * family practice, Sunrise a bright Kolkata clinic for families. Prices are in each
 * clinic's currency (USD, INR). Demo text, not legal advice.
 */
import type { Tenant } from '../payload-types.ts'
import { lexical } from './richText.ts'

/** A clinic's home page, with its terms (a field of the clinic beside its home page). */
type DemoHome = { home: NonNullable<Tenant['home']> & { terms: Tenant['terms'] } }

const weekdays = (opens: string, closes: string) => (['1', '2', '3', '4', '5'] as const).map((day) => ({ day, opens, closes }))

export const DEMO_HOME: { northwind: DemoHome; sunrise: DemoHome } = {
  northwind: {
    home: {
      heroHeading: 'Your family doctor, a video call away',
      heroText:
        'Northwind Health is a family practice in lower Manhattan that sees patients online. Book a same-week visit with a doctor who knows your history, from home, work or wherever you are.',
      services: [
        { name: 'Family medicine visit', price: 90, minutes: 30, description: 'Colds, infections, rashes, blood pressure, repeat prescriptions and everyday health questions.' },
        { name: 'Dermatology consult', price: 140, minutes: 30, description: 'Show a skin, hair or nail concern on camera; photos can be uploaded before the visit.' },
        { name: 'Mental health check-in', price: 160, minutes: 45, description: 'Anxiety, low mood, sleep and medication reviews with our psychiatrist.' },
        { name: 'Lab results review', price: 60, minutes: 15, description: 'Go through recent blood work with a doctor and agree on next steps.' },
      ],
      faq: [
        {
          question: 'Do you take insurance?',
          answer:
            'We are out of network with most plans. After your visit you get an itemised receipt you can submit to your insurer; many plans reimburse part of the cost of telehealth visits.',
        },
        {
          question: 'What can be treated over video?',
          answer:
            'Most of what a family doctor sees: infections, allergies, skin problems, long-term conditions and medication reviews. If you need an exam in person, your doctor tells you where to go.',
        },
        {
          question: 'Can you send a prescription to my pharmacy?',
          answer: 'Yes. Your doctor signs it during or after the visit; you see it under Prescriptions in your account, and your pharmacy receives it.',
        },
        {
          question: 'What do I need for a video visit?',
          answer: 'A phone or computer with a camera and a recent browser. No app to install: you join from the link in your account a few minutes before the start.',
        },
        {
          question: 'Is this for emergencies?',
          answer: 'No. For chest pain, trouble breathing or any emergency, call 911 or go to the nearest emergency room.',
        },
      ],
      openingHours: [...weekdays('08:00', '19:00'), { day: '6', opens: '09:00', closes: '13:00' }],
      privacy: lexical([
        'Northwind Health keeps your health information private. This policy explains what we collect, why, and the choices you have.',
        { h: 'What we collect' },
        { list: ['Your name, contact details and date of birth', 'What you tell us about your health, and the notes your doctor writes', 'Records and photos you upload, and prescriptions we issue'] },
        { h: 'Who sees it' },
        'Only you and the doctors who treat you at Northwind, and the staff who run your care. We never sell your information or use it for advertising.',
        { h: 'Video visits' },
        'Calls are encrypted and are not recorded unless you agree beforehand.',
        { h: 'Your choices' },
        'You may ask for a copy of your records or for corrections at any time: write to hello@northwind.demo.test.',
      ]),
      terms: lexical([
        'By registering you agree to receive care from Northwind Health by video and chat.',
        { list: ['Telehealth visits are not for emergencies: call 911.', 'Cancel or move a visit up to 24 hours before it starts at no charge.', 'Your doctor may ask you to be seen in person when a video visit is not enough.'] },
        'Fees are shown before you book and charged after the visit.',
      ]),
    },
  },
  sunrise: {
    home: {
      heroHeading: 'Good care for the whole family, every morning',
      heroText:
        'Sunrise Clinic brings our Kolkata doctors to your phone: heart care, children’s health and general practice, in English, Hindi, Japanese or Vietnamese. Most visits can be booked for the same or next day.',
      services: [
        { name: 'General consultation', price: 1000, minutes: 30, description: 'Fever, cough, stomach trouble, diabetes and blood pressure follow-ups.' },
        { name: 'Child health visit', price: 1200, minutes: 30, description: 'For babies to teenagers, with a parent on the call: growth, feeding, fevers and vaccines.' },
        { name: 'Heart check consultation', price: 1500, minutes: 30, description: 'Chest discomfort, palpitations, ECG and report reviews with our cardiologist.' },
      ],
      faq: [
        {
          question: 'How soon can I see a doctor?',
          answer: 'Usually the same day or the next morning. The doctors page shows each doctor’s next free time.',
        },
        {
          question: 'Can my child be seen by video?',
          answer: 'Yes. Dr. Kenji Sato sees children of every age; a parent or guardian joins the call with the child.',
        },
        {
          question: 'How do I pay?',
          answer: 'The fee is shown in rupees before you book. You receive a receipt in your account after the visit.',
        },
        {
          question: 'Will I get a prescription?',
          answer: 'If your doctor prescribes a medicine, it appears under Prescriptions in your account, ready to show at any pharmacy.',
        },
        {
          question: 'Can I share reports before my visit?',
          answer: 'Yes. Upload lab reports or ECGs under Records; only you and your doctor can open them.',
        },
      ],
      openingHours: [...(['1', '2', '3', '4', '5', '6'] as const).map((day) => ({ day, opens: '08:00', closes: '20:00' })), { day: '0', opens: '09:00', closes: '12:00' }],
      privacy: lexical([
        'At Sunrise Clinic your health is your business. Here is, in plain words, how we look after your information.',
        { h: 'What we keep' },
        { list: ['Who you are and how to reach you', 'Your visits, your doctor’s notes and prescriptions', 'Reports you upload for your doctor'] },
        { h: 'Who can see it' },
        'You and your doctor. Our staff see only what they need to arrange your care. We do not sell or share your data with advertisers.',
        { h: 'Questions?' },
        'Write to hello@sunrise.demo.test or call us during opening hours.',
      ]),
      terms: lexical([
        'Welcome to Sunrise Clinic. By registering you agree to see our doctors online.',
        { list: ['Online visits are not for emergencies: call 112 or go to the nearest hospital.', 'You can cancel a visit free of charge up to 24 hours before it starts.', 'A parent or guardian joins every visit of a child.'] },
      ]),
    },
  },
}
