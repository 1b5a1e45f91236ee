import { describe, expect, it } from 'vitest'
import { isMessageKey, translate } from '../i18n/translate.js'
import { SITE_SKILLS } from './contact-schemas.js'

describe('the site form’s skills in the staff app', () => {
  // The form stores codes; the volunteer page shows them as words (volunteers-labels.tsx).
  it('has an English and a Japanese word for every skill the form offers', () => {
    for (const skill of SITE_SKILLS) {
      const key = `volunteers.skill.${skill}`
      expect(isMessageKey(key), key).toBe(true)
      if (!isMessageKey(key)) continue
      expect(translate('en', key)).not.toBe(key)
      expect(translate('ja', key)).not.toBe(translate('en', key))
    }
  })
})
