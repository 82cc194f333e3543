import { once } from '../once';
import * as z from '../zod';

// A second chance after a failed answer: the remaining problems, and the previous answer fenced as data.
export const repairSchema = once(() => z._default(z.nullable(z.strictObject({ problems: z.array(z.string()), previous: z.string() })), null));

export const repairPartial = `{{#repair}}

Your previous answer could not be used. Fix these problems and answer again in full, keeping everything else:
{{#problems}}
- {{.}}
{{/problems}}
<data name="previous-answer">
{{previous}}
</data>
{{/repair}}
`;
