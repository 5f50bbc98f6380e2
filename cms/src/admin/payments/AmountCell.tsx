import React from 'react'
import { moneyOrNumber } from './labels.ts'

/**
 * A payment's amount (or amount refunded) in the list as money of the row's
 * currency, with its own decimals ("$45.00", "¥4,500", "KWD 12.345"), not the
 * stored minor units.
 */
export function AmountCell({ cellData, rowData }: { cellData?: unknown; rowData?: { currency?: unknown } }) {
  return (
    <span data-amount-cell style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {moneyOrNumber(cellData, rowData?.currency)}
    </span>
  )
}
