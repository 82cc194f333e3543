import * as z from '../zod';
import { optionalList, text } from './fields';

/** The label AI-generated copy must carry, and the channels that require it. */
export const disclosureSchema = () =>
  z.strictObject({
    label: text('a label'),
    channels: optionalList(),
  });

export type Disclosure = z.output<ReturnType<typeof disclosureSchema>>;
