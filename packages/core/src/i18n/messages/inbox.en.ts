/** Inbox (messages from the public site's forms) for the staff app. */
export const inboxEn = {} as const
