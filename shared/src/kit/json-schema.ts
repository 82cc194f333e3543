import * as z from '../zod';
import { brandKitSchema } from './schema';

/** The JSON Schema that editors use to autocomplete and check kit files. */
export function kitJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(brandKitSchema()),
    $id: 'https://onbrand.dev/schema/brand-kit.schema.json',
    title: 'Onbrand brand kit',
  };
}
