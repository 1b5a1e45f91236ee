import type { inboxEn } from './inbox.en.js'

export const inboxJa: Record<keyof typeof inboxEn, string> = {}
