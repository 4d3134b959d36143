import type { EmailAdapter } from 'payload'

import nodemailer from 'nodemailer'

/**
 * Email goes through SMTP when SMTP_HOST is set. Otherwise Payload writes each message to the
 * console, which is what development wants. (Payload's own nodemailer adapter is published only up
 * to 3.90.1 and pins that payload version, so this is the same few lines against nodemailer.)
 */
export function emailAdapter(): EmailAdapter | undefined {
  const host = process.env.SMTP_HOST?.trim()
  if (!host) return undefined
  const defaultFromAddress = process.env.SMTP_FROM?.trim() || 'newsdesk@localhost'
  const defaultFromName = process.env.SMTP_FROM_NAME?.trim() || 'Newsdesk 新闻发布'
  const transport = nodemailer.createTransport({
    host,
    port: Number(process.env.SMTP_PORT || 587),
    secure: process.env.SMTP_SECURE === 'true',
    auth: process.env.SMTP_USER
      ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS }
      : undefined,
  })
  return () => ({
    name: 'smtp',
    defaultFromAddress,
    defaultFromName,
    sendEmail: (message) =>
      transport.sendMail({
        from: `"${defaultFromName}" <${defaultFromAddress}>`,
        ...message,
      } as nodemailer.SendMailOptions),
  })
}
