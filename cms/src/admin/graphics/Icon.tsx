import React from 'react'
import { Mark } from './Mark.tsx'

/** The platform's mark in the admin panel's navigation. */
export function Icon() {
  return <Mark size={28} />
}
