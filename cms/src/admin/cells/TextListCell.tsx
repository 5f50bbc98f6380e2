import React from 'react'

/** A list of words in a list column (a doctor's specialties): "Dermatology, Paediatrics", not `["Dermatology","Paediatrics"]`. */
export function TextListCell({ cellData }: { cellData?: unknown }) {
  const words = Array.isArray(cellData) ? cellData.filter((w): w is string => typeof w === 'string' && w.length > 0) : []
  if (words.length === 0) return <span>{typeof cellData === 'string' ? cellData : ''}</span>
  return <span>{words.join(', ')}</span>
}
