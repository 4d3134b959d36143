import type { Field } from 'payload'

import { label } from '../../src/config/i18n'

/** Block or warn, as every proofreading list rates its entries. */
export function severityField(defaultValue: 'block' | 'warn' = 'warn'): Field {
  return {
    name: 'severity',
    type: 'select',
    required: true,
    defaultValue,
    label: label('级别', 'Severity'),
    options: [
      { value: 'block', label: label('阻止送审', 'Block (stops submit)') },
      { value: 'warn', label: label('提醒', 'Warn') },
    ],
  }
}
