import { choice, optionalList } from '../kit/fields';
import * as z from '../zod';
import { nationalIdFormats } from './national-ids';

/** What happens to personal data in text bound for a model provider. */
export const privacyPolicies = ['mask', 'block'] as const;

/**
 * The kit's `privacy` section. `policy`: `mask` (the default) sends typed placeholders and restores
 * the originals in the answer; `block` sends nothing and names what was found. `allow` lists the
 * brand's own addresses, domains and numbers, which pass under either policy; `names` lists customer
 * or deal names to hold back; `nationalIds` names the ID formats looked for (all when left out).
 */
export const privacySchema = () =>
  z.strictObject({
    policy: z._default(choice(privacyPolicies), 'mask'),
    allow: optionalList(),
    names: optionalList(),
    nationalIds: z.optional(z.array(choice(nationalIdFormats.map((format) => format.id) as [string, ...string[]]))),
  });

export type PrivacySettings = z.output<ReturnType<typeof privacySchema>>;

/** What a kit with no privacy section gets: masking, nothing allowed, every national ID format. */
export const defaultPrivacy: PrivacySettings = { policy: 'mask', allow: [], names: [] };
