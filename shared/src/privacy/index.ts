export { privacySchema, privacyPolicies, defaultPrivacy, type PrivacySettings } from './policy';
export { findPersonalData, isAllowed, personalDataKinds, type PersonalDataKind, type PersonalSpan } from './detect';
export { screenTexts, type HeldBack, type Screened, type Restored } from './mask';
export { describeHeldBack, heldBackNotice, inventedNotice, blockedMessage, isPrivacyNotice } from './notices';
export { luhnValid, ibanValid } from './checksums';
export { nationalIdFormats, type NationalIdFormat } from './national-ids';
