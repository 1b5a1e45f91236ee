/** Medical aid: treatments, their costs and sensitive flags. */
export const medicalEn = {
  'field.case_not_medical': 'Only a medical case has treatments.',
  'field.flags_repeated': 'Give each flag once.',

  'medical.kind.clinic': 'Clinic',
  'medical.kind.hospital': 'Hospital',
  'medical.kind.medicines': 'Medicines',
  'medical.flag.torture_survivor': 'Torture survivor',
  'medical.flag.sexual_violence': 'Survivor of sexual violence',
  'medical.flag.mental_health': 'Mental health',
} as const
